/**
 * The JSON body POSTed to the merchant endpoint (PRODUCT.md §2): a superset of the Card Payment
 * Brick's onSubmit data, so a backend written for the Brick works unchanged. It never holds card
 * data: the card lives in Mercado Pago's iframes and reaches the server only as `token`.
 */

export interface PayerData {
  email?: string;
  first_name?: string;
  last_name?: string;
  identification?: { type?: string; number?: string };
  phone?: { area_code?: string; number?: string };
  address?: Record<string, unknown>;
}

export interface PaymentPayloadInput {
  token: string;
  paymentMethodId: string;
  issuerId?: string;
  installments: number;
  paymentMethodOptionId?: string;
  processingMode?: string;
  amount: number;
  description?: string;
  statementDescriptor?: string;
  externalReference?: string;
  payer: PayerData;
  items?: unknown[];
  deviceId?: string;
}

export interface PaymentPayload {
  token: string;
  payment_method_id: string;
  issuer_id?: string;
  installments: number;
  payment_method_option_id?: string;
  processing_mode?: string;
  transaction_amount: number;
  description?: string;
  statement_descriptor?: string;
  external_reference?: string;
  payer?: PayerData;
  additional_info?: { items?: unknown[]; payer?: Record<string, unknown> };
  device_id?: string;
}

/** Builds the POST body, sending only fields that carry a value. */
export function buildPaymentPayload(input: PaymentPayloadInput): PaymentPayload {
  const { payer } = input;
  const body = {
    token: input.token,
    payment_method_id: input.paymentMethodId,
    issuer_id: input.issuerId,
    installments: input.installments,
    payment_method_option_id: input.paymentMethodOptionId,
    processing_mode: input.processingMode,
    transaction_amount: input.amount,
    description: input.description,
    statement_descriptor: input.statementDescriptor,
    external_reference: input.externalReference,
    payer: {
      email: payer.email,
      identification: payer.identification,
      first_name: payer.first_name,
      last_name: payer.last_name,
    },
    // Mercado Pago scores fraud on additional_info; the more it has, the more payments it approves.
    additional_info: {
      items: input.items,
      payer: { first_name: payer.first_name, last_name: payer.last_name, phone: payer.phone, address: payer.address },
    },
    device_id: input.deviceId,
  };
  return withoutEmptyValues(body) as PaymentPayload;
}

/**
 * Drops undefined, null, blank strings and objects or arrays left empty, at any depth; also what
 * JSON cannot carry (functions, symbols, BigInt, NaN) and repeated references (cycles), since
 * merchant objects reach the body through the `payer` and `items` properties.
 */
export function withoutEmptyValues(value: unknown, seen = new WeakSet<object>()): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'object') return undefined; // function, symbol, bigint
  if (seen.has(value)) return undefined;
  seen.add(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return withoutEmptyValues(JSON.parse(safeJson(value)), seen);
  const kept = Array.isArray(value)
    ? value.map((v) => withoutEmptyValues(v, seen)).filter((v) => v !== undefined)
    : Object.entries(value)
        .map(([k, v]) => [k, withoutEmptyValues(v, seen)] as const)
        .filter(([, v]) => v !== undefined);
  seen.delete(value);
  if (!kept.length) return undefined;
  return Array.isArray(value) ? kept : Object.fromEntries(kept as Array<readonly [string, unknown]>);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return 'null';
  }
}
