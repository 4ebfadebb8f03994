/**
 * Types into a sandbox Secure Field the way a browser would: sets the inner input's value and fires
 * `input` (from the iframe's own realm), so the double's formatting and events run as for a buyer.
 * Replaces what the field holds (pass '' to clear).
 */
export function typeInSecureField(iframe: HTMLIFrameElement, text: string): void {
  const input = secureFieldInput(iframe);
  input.value = text;
  const FrameEvent = (iframe.contentWindow as (Window & typeof globalThis) | null)?.Event ?? Event;
  input.dispatchEvent(new FrameEvent('input', { bubbles: true }));
}

/** The input inside a sandbox Secure Field iframe (throws if the iframe has none, e.g. not mounted). */
export function secureFieldInput(iframe: HTMLIFrameElement): HTMLInputElement {
  const input = iframe.contentDocument?.querySelector('input');
  if (!input) throw new Error(`no input inside the "${iframe.name}" Secure Field iframe`);
  return input;
}
