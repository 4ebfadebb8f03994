/**
 * Custom states (`:state(ready)`) where the browser has them. Chrome 90–124 only accepts the
 * legacy `--ready` spelling, and Safari before 17.4 and Firefox before 126 have no CustomStateSet:
 * there a `data-state-ready` attribute on the host says the same, so styling stays possible and a
 * missing API never stops the element from rendering (the same guard as Web Awesome's).
 */
export function setCustomStates(host: HTMLElement, internals: ElementInternals | undefined, states: Record<string, boolean>): void {
  const set = internals?.states;
  for (const [name, on] of Object.entries(states)) {
    if (set && (toggle(set, name, on) || toggle(set, `--${name}`, on))) continue;
    host.toggleAttribute(`data-state-${name}`, on);
  }
}

function toggle(set: CustomStateSet, name: string, on: boolean): boolean {
  try {
    if (on) set.add(name);
    else set.delete(name);
    return true;
  } catch {
    // The legacy CustomStateSet throws on names without the `--` prefix.
    return false;
  }
}
