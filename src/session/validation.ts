/**
 * The checks run before a card token is asked for: what the buyer must fix, field by field.
 * Only what the page can judge is checked here; the card itself is judged by Mercado Pago.
 */
import { errorMessage, type FieldErrors, type Message } from '../mercadopago/messages.js';
import { SECURE_FIELDS, type IdentificationType, type SecureFieldType, type ValidityCause } from '../mercadopago/sdk-types.js';

/** What the card lookup knows (the card controller is one). */
export interface CardState {
  /** The card's BIN once the SDK has read one. */
  bin: string | null;
  /** The payment method the BIN resolved to. */
  method?: unknown;
  /** The card or its installments are being looked up. */
  loading: boolean;
  installments: number;
  /** The plans on offer for the amount quoted: the installments sent must be one of them. */
  choices: ReadonlyArray<{ installments: number }>;
  needsIssuer: boolean;
  issuerId: string;
}

export interface CheckoutForm {
  card: CardState;
  /** The installment options were quoted for the amount shown now. */
  quoteIsCurrent: boolean;
  /** The SDK's latest complaint per Secure Field (none: no complaint). */
  secureFieldCauses: ReadonlyMap<SecureFieldType, ValidityCause | undefined>;
  cardholderName: string;
  /** The site's document types; none means no document is asked for. */
  idTypes: readonly IdentificationType[];
  idType: string;
  idNumber: string;
  /** The e-mail the merchant set; when present the buyer is not asked for one. */
  payerEmail: string;
  email: string;
}

/** The message for a Secure Field the SDK complains about, falling back to a generic one. */
export function secureFieldError(field: SecureFieldType, cause: ValidityCause): Message {
  return errorMessage([`validation.${field}.${cause}`, 'tokenError._default']);
}

/** Every field the buyer must fix before paying, in form order; empty when the form can be paid. */
export function validateCheckoutForm(form: CheckoutForm): FieldErrors {
  const { card } = form;
  const errors: FieldErrors = {};
  for (const type of SECURE_FIELDS) {
    const cause = form.secureFieldCauses.get(type);
    if (cause) errors[type] = secureFieldError(type, cause);
  }
  if (!card.bin && !errors.cardNumber) errors.cardNumber = errorMessage('validation.cardNumber.required');
  else if (card.bin && !card.method && !card.loading) errors.cardNumber = errorMessage('validation.cardNumber.unsupported');
  if (!/\p{L}/u.test(form.cardholderName)) errors.cardholderName = errorMessage('validation.cardholderName');
  const idType = form.idTypes.find((t) => t.id === form.idType);
  if (form.idTypes.length) {
    if (!idType) errors.identificationType = errorMessage('validation.required');
    else if (!idNumberValid(form.idNumber, idType)) {
      errors.identificationNumber = errorMessage('validation.identificationNumberLength', { min: idType.min_length, max: idType.max_length });
    }
  }
  if (!form.payerEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) errors.email = errorMessage('validation.email');
  if (card.needsIssuer && !card.issuerId) errors.issuer = errorMessage('validation.issuer');
  // While a card or amount is being quoted, no plan is known yet: never pay with a stale one.
  const offered = card.choices.some((c) => c.installments === card.installments);
  if (card.bin && (card.loading || (card.method && (!form.quoteIsCurrent || !offered)))) {
    errors.installments = errorMessage('validation.installments');
  }
  return errors;
}

function idNumberValid(idNumber: string, type: IdentificationType): boolean {
  const value = idNumber.trim();
  if (value.length < (type.min_length || 1) || value.length > (type.max_length || 32)) return false;
  return type.type !== 'number' || /^\d+$/.test(value);
}
