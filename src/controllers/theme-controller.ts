/**
 * Keeps the Secure Fields in the element's theme. Their iframes take a style once, at creation, and
 * after that only through `update({style})`; a theme that changes after mount (a live theme editor,
 * a dark-mode class on <html>, the system switching to dark) must be pushed to them.
 *
 * There is no event for a computed-style change. Watching attributes (a MutationObserver on the host
 * and every ancestor's `style` and `class`) misses edited stylesheets and media changes, and
 * polling costs forever. Instead a hidden probe in the shadow root takes its colours and font from
 * the same theme properties and transitions them for 1 ms: whatever changes a value it resolves to,
 * the browser fires `transitionend` on the probe, once the value has settled. An unchanged theme
 * costs nothing.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SecureFieldStyle } from '../mercadopago/sdk-types.js';
import { secureFieldStyle } from '../internal/secure-field-style.js';

export interface ThemeOptions {
  /** The theme the Secure Fields show changed: restyle them with `style`. */
  changed(style: SecureFieldStyle): void;
}

export class ThemeController implements ReactiveController {
  private probe?: HTMLElement;
  private pending = false;
  private lastStyle = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ThemeOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.ensureProbe();
  }

  /** The Secure Fields' style for the theme in force now. */
  secureFieldStyle(): SecureFieldStyle {
    const probe = this.ensureProbe();
    if (!probe) return {};
    const style = secureFieldStyle(this.host, probe);
    this.lastStyle = JSON.stringify(style);
    return style;
  }

  /** Lit makes the shadow root on connection, before the first render; the fields come later. */
  private ensureProbe(): HTMLElement | undefined {
    const root = this.host.shadowRoot;
    if (!root) return undefined;
    const probe = (this.probe ??= this.createProbe());
    // After Lit's own content, which Lit never touches.
    if (probe.parentNode !== root) root.append(probe);
    return probe;
  }

  private createProbe(): HTMLElement {
    const probe = document.createElement('span');
    probe.className = 'theme-probe';
    probe.setAttribute('aria-hidden', 'true');
    const settled = () => {
      // Several properties settle in one frame: restyle once.
      if (this.pending) return;
      this.pending = true;
      requestAnimationFrame(() => {
        this.pending = false;
        const style = secureFieldStyle(this.host, probe);
        const serialized = JSON.stringify(style);
        if (serialized === this.lastStyle) return;
        this.lastStyle = serialized;
        this.options.changed(style);
      });
    };
    probe.addEventListener('transitionend', settled);
    probe.addEventListener('transitioncancel', settled);
    return probe;
  }
}
