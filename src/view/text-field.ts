/** A labelled text input with its error (the cardholder name, the e-mail). */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldName } from '../mercadopago/messages.js';
import { ariaInvalid, fieldError, type FieldView } from './field.js';

export interface TextFieldView extends FieldView {
  /** Marks the control so the element can focus it when its error is announced. */
  field: FieldName;
  part: string;
  type: 'text' | 'email';
  autocomplete: 'cc-name' | 'email';
  inputmode: string;
  placeholder: string;
  value: string;
  onInput: (value: string) => void;
  onChange: () => void;
}

export function textField(view: TextFieldView): TemplateResult {
  return html`<div part="field" class="wide">
    <label part="field-label" for=${view.id}>${view.label}</label>
    <input part=${view.part} id=${view.id} data-field=${view.field} type=${view.type} autocomplete=${view.autocomplete}
      inputmode=${view.inputmode} placeholder=${view.placeholder} .value=${live(view.value)} ?disabled=${view.disabled}
      aria-invalid=${ariaInvalid(view)} aria-describedby=${view.errorId} required
      @input=${(e: Event) => view.onInput((e.target as HTMLInputElement).value)}
      @change=${view.onChange} />
    ${fieldError(view)}
  </div>`;
}
