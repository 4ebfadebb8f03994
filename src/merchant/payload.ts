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

/**
 * Bounds on what the merchant hands over as `items` and `payer` (attributes or properties of any
 * shape): past them the data is reported (`invalid_items`, `invalid_payer`) and never posted.
 * - depth 8: the array or object itself is level 1; Mercado Pago's deepest item field,
 *   `category_descriptor.route.*`, sits at level 4, and an address at level 2.
 * - 100 items: the reference server's orders take 1 to 100 (server/src/handler.ts).
 * - 64 000 characters of items and 8 000 of payer once serialized: with the rest of the body they
 *   stay under the 100 000 characters the reference server reads of a payment POST.
 */
export const MERCHANT_DATA_LIMITS = { maxDepth: 8, maxItems: 100, maxItemsChars: 64_000, maxPayerChars: 8_000 } as const;

/** `items` as the merchant set it is small and shallow enough to be posted. */
export function itemsWithinLimits(items: readonly unknown[]): boolean {
  const { maxDepth, maxItems, maxItemsChars } = MERCHANT_DATA_LIMITS;
  return items.length <= maxItems && withinJsonBounds(items, maxDepth, maxItemsChars);
}

/** The `payer` property is small and shallow enough to be posted. */
export function payerWithinLimits(payer: unknown): boolean {
  return withinJsonBounds(payer, MERCHANT_DATA_LIMITS.maxDepth, MERCHANT_DATA_LIMITS.maxPayerChars);
}

/**
 * True when `value` nests at most `maxDepth` arrays/objects and serializes to about `maxChars`
 * characters or fewer. The walk stops as soon as either bound is passed, so it costs at most about
 * `maxChars` steps and `maxDepth` stack frames whatever it is given: a cycle only looks too deep, a
 * 14 MB array is left after its first 64 KB, a getter or toJSON that throws makes the value unusable.
 */
export function withinJsonBounds(value: unknown, maxDepth: number, maxChars: number): boolean {
  let chars = 0;
  const fits = (v: unknown, depth: number): boolean => {
    // Every value counts at least one character, so the walk is bounded by maxChars.
    chars += typeof v === 'string' ? v.length + 2 : typeof v === 'number' || typeof v === 'boolean' ? String(v).length : 1;
    if (chars > maxChars) return false;
    if (v === null || typeof v !== 'object') return true;
    if (depth >= maxDepth) return false;
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return fits((v as { toJSON: () => unknown }).toJSON(), depth + 1);
    if (Array.isArray(v)) {
      for (const item of v as unknown[]) if (!fits(item, depth + 1)) return false;
      return true;
    }
    for (const key in v) {
      if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
      chars += key.length + 3;
      if (!fits((v as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return true;
  };
  try {
    return fits(value, 0);
  } catch {
    return false;
  }
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
