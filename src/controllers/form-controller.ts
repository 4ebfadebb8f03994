/**
 * What the buyer types in the element's own inputs (name, document, e-mail), the document types
 * on offer, and the error under each field: their values, their marks inside the Secure Fields'
 * iframes, and where the keyboard focus goes to fix them.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { errorMessage, tokenErrors, type FieldErrors, type FieldName, type Message } from '../mercadopago/messages.js';
import { isSecureField, SECURE_FIELDS, type IdentificationType, type SecureFieldType } from '../mercadopago/sdk-types.js';

export interface FormValues {
  cardholderName: string;
  idTypes: readonly IdentificationType[];
  idType: string;
  idNumber: string;
  email: string;
}

export interface FormControllerOptions {
  /** Marks a Secure Field invalid inside its iframe (aria-invalid there). */
  markSecureField(field: SecureFieldType, invalid: boolean): void;
  focusSecureField(field: SecureFieldType): void;
}

export class FormController implements ReactiveController {
  private current: FormValues = { cardholderName: '', idTypes: [], idType: '', idNumber: '', email: '' };
  private fieldErrors: FieldErrors = {};

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: FormControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // ReactiveController has only optional hooks; TypeScript needs one declared to accept the type.
  }

  get values(): FormValues {
    return this.current;
  }

  get errors(): FieldErrors {
    return this.fieldErrors;
  }

  set(values: Partial<Omit<FormValues, 'idTypes'>>): void {
    this.current = { ...this.current, ...values };
    this.host.requestUpdate();
  }

  /** Forgets what the buyer typed (reset()); the document types stay. */
  clear(): void {
    this.set({ cardholderName: '', idNumber: '', email: '' });
  }

  /** The document types on offer (none in Mexico); the buyer's choice stays while it is one of them. */
  setIdentificationTypes(types: unknown): void {
    // MercadoPago.js's answer, as it came: anything but a list offers no type.
    const idTypes: readonly IdentificationType[] = Array.isArray(types) ? (types as IdentificationType[]) : [];
    const idType = idTypes.some((t) => t.id === this.current.idType) ? this.current.idType : (idTypes[0]?.id ?? '');
    this.current = { ...this.current, idTypes, idType };
    this.host.requestUpdate();
  }

  setError(field: FieldName, message: Message | undefined): void {
    this.fieldErrors = { ...this.fieldErrors, [field]: message };
    if (!message) delete this.fieldErrors[field];
    this.host.requestUpdate();
  }

  /** Replaces the field errors (marking the Secure Fields too) and focuses the first; false when there are none. */
  show(errors: FieldErrors): boolean {
    this.fieldErrors = errors;
    for (const type of SECURE_FIELDS) this.options.markSecureField(type, Boolean(errors[type]));
    this.host.requestUpdate();
    const first = Object.keys(errors)[0] as FieldName | undefined;
    if (first) this.focus(first);
    return first !== undefined;
  }

  /**
   * MercadoPago.js refused the card data: its errors go under the fields they name. The message key
   * of the first error when none names a field (the buyer then reads it in the live region).
   */
  showTokenErrors(rejection: unknown): string | undefined {
    const errors = tokenErrors(rejection);
    const fieldErrors: FieldErrors = {};
    for (const e of errors) if (e.field && !fieldErrors[e.field]) fieldErrors[e.field] = errorMessage([e.key, 'tokenError._default']);
    return this.show(fieldErrors) ? undefined : (errors[0]?.key ?? 'tokenError._default');
  }

  focus(field: FieldName): void {
    if (isSecureField(field)) return this.options.focusSecureField(field);
    void this.host.updateComplete.then(() => this.host.shadowRoot?.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus());
  }
}
