/**
 * The payer's document: type and number side by side under their two labels, each error under its
 * own control, so the row keeps the rhythm of a single field. The number is described by the type's error too, since a wrong type is why a number fails.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { IdentificationType } from '../mercadopago/sdk-types.js';
import { ariaInvalid, fieldError, type FieldView } from './field.js';

export interface IdentificationView {
  /** The site's document types; none (Mexico) hides the whole field. */
  types: readonly IdentificationType[];
  /**
   * The types are still loading for a site that asks for a document: the row shows in its final
   * place, the type select locked (the number can be typed already, once the form is ready).
   */
  pending: boolean;
  type: FieldView & { value: string; onChange: (id: string) => void };
  number: FieldView & { value: string; placeholder: string; onInput: (value: string) => void; onChange: () => void };
}

export function identification({ types, pending, type, number }: IdentificationView): TemplateResult | typeof nothing {
  if (!types.length && !pending) return nothing;
  const current = types.find((t) => t.id === type.value);
  return html`<div part="field" class="wide">
    <div class="id-row">
      <label part="field-label" for=${type.id}>${type.label}</label>
      <label part="field-label" for=${number.id}>${number.label}</label>
      <select part="identification-type" id=${type.id} data-field="identificationType" ?disabled=${type.disabled || pending}
        aria-invalid=${ariaInvalid(type)} aria-describedby=${type.errorId}
        @change=${(e: Event) => type.onChange((e.target as HTMLSelectElement).value)}>
        ${types.map((t) => html`<option value=${t.id} ?selected=${t.id === type.value}>${t.name}</option>`)}
      </select>
      <input part="identification-number" id=${number.id} data-field="identificationNumber" type="text" autocomplete="off"
        inputmode=${current?.type === 'number' ? 'numeric' : 'text'} maxlength=${current?.max_length ?? 32}
        placeholder=${number.placeholder} .value=${live(number.value)} ?disabled=${number.disabled}
        aria-invalid=${ariaInvalid(number)} aria-describedby="${type.errorId} ${number.errorId}" required
        @input=${(e: Event) => number.onInput((e.target as HTMLInputElement).value)}
        @change=${number.onChange} />
      ${fieldError(type)} ${fieldError(number)}
    </div>
  </div>`;
}
