/** The one way out offered under a failure: reload the page, try again, or use another card. */
import { html, nothing, type TemplateResult } from 'lit';

export interface RecoveryView {
  label: string;
  onClick: () => void;
}

export function recoveryButton(view: RecoveryView | undefined): TemplateResult | typeof nothing {
  if (!view) return nothing;
  return html`<button class="secondary" type="button" @click=${view.onClick}>${view.label}</button>`;
}
