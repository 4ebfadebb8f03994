/** The pay button, with the merchant's terms link (R9) beside it. */
import { html, type TemplateResult } from 'lit';

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
      ${view.label}
    </button>
  </div>`;
}
