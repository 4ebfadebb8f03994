/** The pay button, with the merchant's terms link (R9) beside it. */
import { html, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';

export interface PayActionsView {
  /** "Pay $ 1,500.50", or "Paying…" while a payment is in flight. */
  label: string;
  busy: boolean;
  disabled: boolean;
}

export function payActions(view: PayActionsView): TemplateResult {
  return html`<div class="wide actions">
    <slot name="terms"></slot>
    <button part="submit-button" type="submit" ?disabled=${view.disabled} aria-busy=${view.busy ? 'true' : 'false'}>
      ${
        // A new text node when "Paying…" takes over: the centred label is a new line, not the old one moving sideways
        // (which the browser would count as a layout shift).
        keyed(view.busy, view.label)
      }
    </button>
  </div>`;
}
