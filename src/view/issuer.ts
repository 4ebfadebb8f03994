/** The issuing bank select, for cards whose payment method needs one (some debit cards). */
import { html, type TemplateResult } from 'lit';
import type { Issuer } from '../mercadopago/sdk-types.js';
import { ariaInvalid, fieldError, type FieldView } from './field.js';

export interface IssuerView extends FieldView {
  issuers: readonly Issuer[];
  /** The chosen issuer's id; empty selects the placeholder option. */
  value: string;
  placeholder: string;
  /** Across the form (default), or one column beside the installments. */
  wide?: boolean;
  onChange: (issuerId: string) => void;
}

export function issuerSelect(view: IssuerView): TemplateResult {
  return html`<div part="field" class=${view.wide === false ? '' : 'wide'}>
    <label part="field-label" for=${view.id}>${view.label}</label>
    <select part="issuer" id=${view.id} data-field="issuer" ?disabled=${view.disabled} aria-invalid=${ariaInvalid(view)}
      aria-describedby=${view.errorId}
      @change=${(e: Event) => view.onChange((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!view.value}>${view.placeholder}</option>
      ${view.issuers.map((i) => html`<option value=${String(i.id)} ?selected=${String(i.id) === view.value}>${i.name}</option>`)}
    </select>
    ${fieldError(view)}
  </div>`;
}
