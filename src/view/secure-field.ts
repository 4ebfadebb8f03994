/**
 * The frame around one of Mercado Pago's Secure Fields. The field itself is an iframe the SDK
 * mounts into a light-DOM container, projected here through a named slot; the frame is a labelled
 * group that carries the error, since the input inside the iframe is out of the label's reach.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { fieldError, type FieldView } from './field.js';
import type { SecureFieldType } from '../mercadopago/sdk-types.js';

/** The slot (and frame part) each Secure Field's light-DOM container is projected through. */
export const SECURE_FIELD_SLOTS: Readonly<Record<SecureFieldType, string>> = {
  cardNumber: 'card-number',
  expirationDate: 'expiration-date',
  securityCode: 'security-code',
};

export interface SecureFieldView extends FieldView {
  /** Names both the slot and the frame's part (`card-number`, `expiration-date`, `security-code`). */
  slot: string;
  /** The detected card brand, shown after the card-number label. */
  brand?: string;
  wide: boolean;
}

export function secureField(view: SecureFieldView): TemplateResult {
  const labelId = `${view.id}-label`;
  const brand = view.brand !== undefined ? html`<span class="brand">${view.brand}</span>` : nothing;
  return html`<div part="field" class=${view.wide ? 'wide' : ''}>
    <span part="field-label" id=${labelId}>${view.label} ${brand}</span>
    <div part="field-control ${view.slot}" class="secure ${view.invalid ? 'invalid' : ''}" role="group" aria-labelledby=${labelId} aria-describedby=${view.errorId}>
      <slot name=${view.slot}></slot>
    </div>
    ${fieldError(view)}
  </div>`;
}
