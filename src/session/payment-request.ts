/**
 * The payment request as a pure function of what the checkout holds when the buyer presses pay:
 * the merchant's attributes, what the buyer typed and the card lookup. It is read in one go before
 * anything is awaited, so later edits (the amount, another card typed meanwhile) cannot reach it.
 */
import type { PaymentRequestParts } from '../controllers/payment-controller.js';
import type { InstallmentChoice } from '../mercadopago/financing.js';
import type { IdentificationType, PaymentMethod } from '../mercadopago/sdk-types.js';
import { buildPaymentPayload, type PayerData, type PaymentPayloadInput } from '../merchant/payload.js';

export interface PaymentRequestInput {
  /** The merchant's attributes (the element itself), already validated. */
  attributes: {
    amount?: number;
    action: string;
    headers: Record<string, string>;
    requestTimeout: number;
    description: string;
    statementDescriptor: string;
    externalReference: string;
    payer?: PayerData;
    payerEmail: string;
    payerFirstName: string;
    payerLastName: string;
    items?: unknown[] | null;
  };
  /** What the buyer typed in the element's own inputs. */
  form: {
    cardholderName: string;
    idTypes: readonly IdentificationType[];
    idType: string;
    idNumber: string;
    email: string;
  };
  card: {
    method?: PaymentMethod;
    issuerId: string;
    processingMode?: string;
    choice?: InstallmentChoice;
  };
  /** MercadoPago.js's device fingerprint session, when it ran. */
  deviceId?: string;
}

/** The data createCardToken takes besides the Secure Fields: the name and document, trimmed. */
export function cardholderData(form: PaymentRequestInput['form']): { cardholderName: string; identificationType?: string; identificationNumber?: string } {
  const asksDocument = form.idTypes.length > 0;
  return {
    cardholderName: form.cardholderName.trim(),
    identificationType: asksDocument ? form.idType : undefined,
    identificationNumber: asksDocument ? form.idNumber.trim() : undefined,
  };
}

export function buildPaymentRequest({ attributes: config, form, card, deviceId }: PaymentRequestInput): PaymentRequestParts {
  const amount = config.amount ?? 0;
  const installments = card.choice?.installments ?? 1;
  const payer: PayerData = {
    ...config.payer,
    email: config.payerEmail || config.payer?.email || form.email.trim(),
    first_name: config.payerFirstName || config.payer?.first_name,
    last_name: config.payerLastName || config.payer?.last_name,
    identification: form.idTypes.length ? { type: form.idType, number: form.idNumber.trim() } : config.payer?.identification,
  };
  const input: Omit<PaymentPayloadInput, 'token'> = {
    paymentMethodId: card.method?.id ?? '',
    issuerId: card.issuerId || undefined,
    installments,
    paymentMethodOptionId: card.choice?.paymentMethodOptionId,
    processingMode: card.processingMode,
    amount,
    description: config.description,
    statementDescriptor: config.statementDescriptor,
    externalReference: config.externalReference,
    payer,
    items: config.items ?? undefined,
    deviceId,
  };
  return {
    action: config.action,
    headers: { ...config.headers },
    timeoutMs: config.requestTimeout,
    summary: {
      amount,
      paymentMethodId: card.method?.id,
      paymentMethodName: card.method?.name,
      installments,
      total: card.choice?.totalAmount ?? amount,
      installmentAmount: installments > 1 ? card.choice?.installmentAmount : undefined,
    },
    body: (token: string) => buildPaymentPayload({ ...input, token }),
  };
}
