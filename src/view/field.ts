/**
 * What every field template shares: the field's ids, its translated label and error, and the
 * wiring that lets a screen reader hear the error on the control (aria-describedby, aria-invalid).
 */
import { html, type TemplateResult } from 'lit';

export interface FieldView {
  /** The control's id, named by its label's `for`. */
  id: string;
  label: string;
  /** The id of the field's `field-error` element, for the control's aria-describedby. */
  errorId: string;
  /** The error text; empty when there is none. */
  error: string;
  /** An error is attached (its text may be empty while its language loads). */
  invalid: boolean;
  disabled: boolean;
}

/** The control's aria-invalid, always present so a fixed field reads "false" again. */
export function ariaInvalid(field: FieldView): 'true' | 'false' {
  return field.invalid ? 'true' : 'false';
}

export function fieldError(field: FieldView): TemplateResult {
  return html`<div part="field-error" id=${field.errorId}>${field.error}</div>`;
}
