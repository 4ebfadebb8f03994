/**
 * Keeps unresolved payment attempts in `sessionStorage`, one per order, so that a reload or a
 * framework re-render (a new element for the same order) repeats the attempt instead of starting
 * a second one. What is kept is what was POSTed — the idempotency key and the body, whose card
 * token is single-use and holds no card data (PRODUCT.md §2: never a card number, CVV or expiry) —
 * and the summary the buyer was shown. sessionStorage is per tab and per origin and dies with the
 * tab. Storage that is missing, full or refused (private modes, sandboxed frames) only means the
 * attempt lives as long as the element: nothing here throws.
 */
import type { AttemptStore, PaymentAttempt } from './idempotency.js';
import { isValidIdempotencyKey } from './idempotency.js';
import { isPlainObject } from './payment-response.js';

const PREFIX = 'mp-checkout:attempt:';

/**
 * How long an unresolved attempt is repeated. A buyer who meets a failure retries within minutes,
 * or comes back to the tab later that day; a day covers both. Longer would let a stale attempt
 * stand in for a new purchase of the same order, and a card token dies after 7 days anyway (the
 * repeat is then refused, which ends the attempt).
 */
export const ATTEMPT_TTL_MS = 24 * 60 * 60 * 1000;

interface StoredAttempt {
  idempotencyKey: string;
  body: unknown;
  summary: PaymentAttempt['summary'];
  savedAt: number;
}

/** Anything else in the slot (another script, an older format, a hand edit) is thrown away, never sent. */
function readStored(text: string | null): StoredAttempt | undefined {
  if (text === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isPlainObject(value) || !isPlainObject(value.body) || !isPlainObject(value.summary)) return undefined;
  const { idempotencyKey, savedAt, summary, body } = value;
  if (typeof idempotencyKey !== 'string' || !isValidIdempotencyKey(idempotencyKey) || typeof savedAt !== 'number') return undefined;
  if (typeof body.token !== 'string') return undefined;
  const { amount, installments, paymentMethodId, paymentMethodName, total, installmentAmount } = summary;
  const isAmount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
  const isText = (value: unknown): value is string | undefined => value === undefined || typeof value === 'string';
  if (!isAmount(amount) || !Number.isSafeInteger(installments) || !isText(paymentMethodId) || !isText(paymentMethodName)) return undefined;
  if ((total !== undefined && !isAmount(total)) || (installmentAmount !== undefined && !isAmount(installmentAmount))) return undefined;
  // The financed total and installment amount too: after a reload the buyer is quoted what the attempt charges.
  const summaryRead: PaymentAttempt['summary'] = { amount, installments: installments as number, paymentMethodId, paymentMethodName };
  if (isAmount(total)) summaryRead.total = total;
  if (isAmount(installmentAmount)) summaryRead.installmentAmount = installmentAmount;
  return { idempotencyKey, body, summary: summaryRead, savedAt };
}

/** The tab's sessionStorage, or undefined where reading the property itself throws (sandboxed frames). */
function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function sessionAttemptStore(storage: () => Storage | undefined = sessionStore, now: () => number = Date.now): AttemptStore {
  const attempt = <T>(run: (storage: Storage) => T): T | undefined => {
    try {
      const store = storage();
      return store ? run(store) : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    load(scope) {
      return attempt((store) => {
        const stored = readStored(store.getItem(PREFIX + scope));
        const age = stored ? now() - stored.savedAt : NaN;
        if (!stored || !(age >= 0 && age < ATTEMPT_TTL_MS)) {
          store.removeItem(PREFIX + scope);
          return undefined;
        }
        return { idempotencyKey: stored.idempotencyKey, body: stored.body, summary: stored.summary, scope };
      });
    },
    save({ idempotencyKey, body, summary, scope }) {
      if (scope === undefined) return;
      const stored: StoredAttempt = { idempotencyKey, body, summary, savedAt: now() };
      attempt((store) => store.setItem(PREFIX + scope, JSON.stringify(stored)));
    },
    remove({ idempotencyKey, scope }) {
      if (scope === undefined) return;
      // Only this attempt: another element may already have recorded a newer one for the order.
      attempt((store) => {
        if (readStored(store.getItem(PREFIX + scope))?.idempotencyKey === idempotencyKey) store.removeItem(PREFIX + scope);
      });
    },
  };
}
