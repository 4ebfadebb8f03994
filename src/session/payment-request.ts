/**
 * The payment request as a pure function of what the checkout holds when the buyer presses pay:
 * the merchant's attributes, what the buyer typed and the card lookup. It is read in one go before
 * anything is awaited, so later edits (the amount, another card typed meanwhile) cannot reach it.
 */
import type { PaymentRequestParts } from '../controllers/payment-controller.js';
import type { InstallmentChoice } from '../mercadopago/financing.js';
import type { IdentificationType, PaymentMethod } from '../mercadopago/sdk-types.js';
import { buildPaymentPayload, itemsWithinLimits, payerWithinLimits, type PayerData, type PaymentPayloadInput } from '../merchant/payload.js';
import { orderScope } from '../merchant/idempotency.js';

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
    /** The merchant's own key for this order's attempt; empty: the element makes one. */
    idempotencyKey: string;
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
  /** The page's address: relative URLs resolve against it, and it stands in for a missing order reference. */
  baseUrl: string;
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

export function buildPaymentRequest({ attributes: config, form, card, deviceId, baseUrl }: PaymentRequestInput): PaymentRequestParts {
  const amount = config.amount ?? 0;
  const installments = card.choice?.installments ?? 1;
  // Past their bounds (reported as invalid_items / invalid_payer), the merchant's data is not sent.
  const merchantPayer = config.payer !== undefined && payerWithinLimits(config.payer) ? config.payer : undefined;
  const payer: PayerData = {
    ...merchantPayer,
    email: config.payerEmail || merchantPayer?.email || form.email.trim(),
    first_name: config.payerFirstName || merchantPayer?.first_name,
    last_name: config.payerLastName || merchantPayer?.last_name,
    identification: form.idTypes.length ? { type: form.idType, number: form.idNumber.trim() } : merchantPayer?.identification,
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
    items: Array.isArray(config.items) && itemsWithinLimits(config.items) ? config.items : undefined,
    deviceId,
  };
  return {
    action: config.action,
    scope: orderScope(config, baseUrl),
    orderNamed: Boolean(config.externalReference),
    idempotencyKey: config.idempotencyKey || undefined,
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
