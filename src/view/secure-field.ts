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
  /** The detected card brand, shown after the card-number label: its logo, named by the brand. */
  brand?: { name: string; logo?: string };
  wide: boolean;
  /** The field inside holds the keyboard focus (reported by the SDK's focus and blur events). */
  focused: boolean;
}

function brandTemplate(brand: SecureFieldView['brand']): TemplateResult | typeof nothing {
  if (!brand) return nothing;
  // A logo that cannot load shows its alt text: the name stays readable, and named for screen readers.
  if (brand.logo) return html`<img class="brand-logo" src=${brand.logo} alt=${brand.name} referrerpolicy="no-referrer" />`;
  return html`<span class="brand">${brand.name}</span>`;
}

export function secureField(view: SecureFieldView): TemplateResult {
  const labelId = `${view.id}-label`;
  return html`<div part="field" class=${view.wide ? 'wide' : ''}>
    <span part="field-label" id=${labelId}>${view.label} ${brandTemplate(view.brand)}</span>
    <div part="field-control ${view.slot}" class="secure ${view.invalid ? 'invalid' : ''} ${view.focused ? 'focused' : ''}" role="group" aria-labelledby=${labelId} aria-describedby=${view.errorId}>
      <slot name=${view.slot}></slot>
    </div>
    ${fieldError(view)}
  </div>`;
}
