/**
 * One payment attempt = one card token + one idempotency key + one body. Until a definite answer
 * comes back, every submit repeats that attempt exactly — after a network failure, a timeout, a
 * 5xx, an unreadable answer or a status that is not Mercado Pago's, and also after a reload or a
 * re-render (the attempt is recorded, per order, before it is sent) — so the merchant's server,
 * which forwards the key to Mercado Pago, can never charge twice. A definite answer ends it.
 */
import type { ClientOutcome } from './payment-client.js';
import type { PaymentSummary } from '../session/checkout-session.js';
import { isKnownStatus, resultKind } from '../mercadopago/messages.js';

/** A random UUID v4. `crypto.randomUUID` exists only in secure contexts; getRandomValues everywhere. */
export function createIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * What a merchant may pass as `idempotency-key`: it goes out as a header, so no spaces or control
 * characters, and it stays short (a UUID, `order-42:try-2`).
 */
export function isValidIdempotencyKey(key: string): boolean {
  return /^[A-Za-z0-9._:-]{1,64}$/.test(key);
}

/**
 * True when the answer says nothing definite about the payment, so the next submit must repeat the
 * attempt. A 4xx is the server refusing the request (nothing was charged) — except 409 Conflict,
 * which idempotent servers answer while a request with the same key is still being processed.
 * A 2xx whose status is not Mercado Pago's (`{"status":"success"}`) may stand for a payment too.
 */
export function attemptUnresolved(outcome: ClientOutcome): boolean {
  if (outcome.type === 'result') return !isKnownStatus(outcome.status);
  if (outcome.type === 'rejected-request') return false;
  const refused = outcome.httpStatus >= 400 && outcome.httpStatus < 500 && outcome.httpStatus !== 409;
  return !refused;
}

/**
 * True when the answer says a payment exists (approved, or pending: in process, 3-D Secure). For
 * an order the merchant names (`external-reference`), the attempt stays recorded: a page reloaded
 * or re-rendered for that order repeats it — Mercado Pago answers with the same payment — instead
 * of charging again. Without a reference the page cannot tell one purchase from the next, so a
 * definite answer ends the record there.
 */
export function paymentExists(outcome: ClientOutcome): boolean {
  // A challenge the element cannot open is never completed: repeating it would only meet it again.
  if (outcome.type !== 'result' || !isKnownStatus(outcome.status) || outcome.unusableChallenge) return false;
  const kind = resultKind(outcome.status);
  return kind === 'approved' || kind === 'pending';
}

/** The order an attempt pays, as far as the element can tell: an attempt is repeated only for the same one. */
export interface OrderAttributes {
  action: string;
  externalReference: string;
  amount?: number;
}

/**
 * The key an unresolved attempt is kept under: the endpoint, the merchant's order reference and
 * the amount. Without an `external-reference` the page's address stands in for the order. Undefined
 * when the attributes cannot make a payment (no usable endpoint or amount).
 */
export function orderScope(order: OrderAttributes, baseUrl: string): string | undefined {
  const { amount } = order;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0 || !order.action) return undefined;
  let endpoint: URL;
  try {
    endpoint = new URL(order.action, baseUrl);
  } catch {
    return undefined;
  }
  const page = new URL(baseUrl);
  const reference = order.externalReference ? `ref:${order.externalReference}` : `page:${page.origin}${page.pathname}`;
  return JSON.stringify([endpoint.href, reference, amount]);
}

export interface PaymentAttempt {
  readonly idempotencyKey: string;
  /** The body as first sent, single-use card token included: a retry repeats it byte for byte. */
  readonly body: unknown;
  /** What the buyer was told they pay (amount, method, installments): shown and quoted while it is unresolved. */
  readonly summary: PaymentSummary;
  /** The order it pays (orderScope); without one it lives only as long as the element. */
  readonly scope?: string;
}

/** Where unresolved attempts outlive the element (see attempt-store.ts). Never throws. */
export interface AttemptStore {
  load(scope: string): PaymentAttempt | undefined;
  save(attempt: PaymentAttempt): void;
  remove(attempt: PaymentAttempt): void;
}

const NO_STORE: AttemptStore = { load: () => undefined, save: () => undefined, remove: () => undefined };

/** Keeps the attempt whose outcome is not known yet, so that every submit repeats it exactly. */
export class AttemptTracker {
  private unresolved: PaymentAttempt | undefined;
  /** The attempt whose payment exists and stays recorded for its order (see paymentExists). */
  private recorded: PaymentAttempt | undefined;

  constructor(private readonly store: AttemptStore = NO_STORE) {}

  /** This element's unresolved attempt, else one left for this order by an element before it (a reload, a re-render). */
  restore(scope: string | undefined): PaymentAttempt | undefined {
    if (!this.unresolved && scope !== undefined) this.unresolved = this.store.load(scope);
    return this.unresolved;
  }

  /**
   * The attempt to send: the unresolved one if any, else a new one made by `create` (which makes
   * the card token). The new attempt is recorded before it is sent: if the page reloads or
   * re-creates the element while the POST is in flight, the next element repeats it.
   */
  async next(scope: string | undefined, create: () => Promise<Pick<PaymentAttempt, 'body' | 'summary'>>, merchantKey?: string): Promise<PaymentAttempt> {
    const unresolved = this.restore(scope);
    if (unresolved) return unresolved;
    const { body, summary } = await create();
    // Another element for the same order may have started an attempt while the token was made.
    const started = this.restore(scope);
    if (started) return started;
    const attempt: PaymentAttempt = { idempotencyKey: merchantKey || createIdempotencyKey(), body, summary, scope };
    this.unresolved = attempt;
    if (scope !== undefined) this.store.save(attempt);
    return attempt;
  }

  /**
   * A definite answer to `attempt` (or a new card after one): this element is done with it. With
   * `keepRecord` (a payment exists for a named order) the record stays for a reloaded page, until
   * `forgetRecord()` says that payment finally failed.
   */
  settle(attempt: PaymentAttempt | undefined = this.unresolved, keepRecord = false): void {
    if (!attempt) return;
    if (this.unresolved === attempt) this.unresolved = undefined;
    this.recorded = keepRecord ? attempt : undefined;
    if (!keepRecord && attempt.scope !== undefined) this.store.remove(attempt);
  }

  /** The payment kept on record (pending) was finally rejected: a new attempt may follow, here or after a reload. */
  forgetRecord(): void {
    if (this.recorded?.scope !== undefined) this.store.remove(this.recorded);
    this.recorded = undefined;
  }

  /** The attempt whose outcome is not known yet, if any. */
  get current(): PaymentAttempt | undefined {
    return this.unresolved;
  }
}
