/**
 * One payment attempt = one card token + one idempotency key. A retry after an unknown outcome
 * (network failure, timeout, 5xx, unreadable answer) reuses both, so the merchant's server — which
 * forwards the key to Mercado Pago — can never charge twice. A definite answer ends the attempt.
 */

/** A random UUID v4. `crypto.randomUUID` exists only in secure contexts; getRandomValues everywhere. */
export function createIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface PaymentAttempt {
  readonly idempotencyKey: string;
  readonly token: string;
  /** The body as first sent: a retry repeats it byte for byte, whatever the buyer edited since. */
  readonly body?: unknown;
  /** What the buyer was told they pay (amount, method, installments), for the messages of a retry. */
  readonly summary?: unknown;
}

/** Keeps the attempt whose outcome is still unknown, so that a retry repeats it exactly. */
export class AttemptTracker {
  private unresolved: PaymentAttempt | undefined;

  /** The attempt to send: the unresolved one if any, else a new one with a token from `tokenize`. */
  async next(tokenize: () => Promise<string>): Promise<PaymentAttempt> {
    if (this.unresolved) return this.unresolved;
    const token = await tokenize();
    return { idempotencyKey: createIdempotencyKey(), token };
  }

  /** The server's answer is unknown: the next submit must repeat this attempt. */
  keep(attempt: PaymentAttempt): void {
    this.unresolved = attempt;
  }

  /** A definite answer (or a new card): the next submit is a fresh attempt. */
  settle(): void {
    this.unresolved = undefined;
  }

  get pending(): boolean {
    return this.unresolved !== undefined;
  }
}
