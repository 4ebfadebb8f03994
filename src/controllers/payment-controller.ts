/**
 * The payment pipeline: validate → mp-submit → card token → POST → result, with the form locked
 * while anything is in flight (however fast the clicks), the same attempt repeated after an
 * unknown outcome, and pending payments polled until final.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AttemptTracker, type PaymentAttempt } from '../services/idempotency.js';
import { fetchPaymentStatus, postPayment, type ClientOutcome } from '../services/payment-client.js';

export interface PaymentRequestParts {
  action: string;
  body: (token: string) => unknown;
  headers: Record<string, string>;
  timeoutMs: number;
}

export interface PaymentHost extends ReactiveControllerHost {
  /** Client-side validation; false when the buyer must fix something first. */
  validateForm(): boolean;
  /** Fires the cancelable mp-submit; false when the merchant cancelled. */
  confirmSubmit(): boolean;
  /** Creates a single-use card token; throws the SDK's rejection. */
  createToken(): Promise<string>;
  paymentRequest(): PaymentRequestParts;
  tokenFailed(rejection: unknown): void;
  paymentAnswered(outcome: ClientOutcome, source: 'submit' | 'poll'): void;
}

/** Answers that say nothing definite about the payment: the next submit repeats the attempt. */
function outcomeUnknown(outcome: ClientOutcome): boolean {
  return outcome.type === 'error';
}

export interface PollOptions {
  statusAction: string;
  paymentId: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** First wait; doubles each time. */
  firstDelayMs: number;
  maxAttempts: number;
}

export class PaymentController implements ReactiveController {
  submitting = false;
  readonly attempts = new AttemptTracker();
  private disconnect = new AbortController();
  private pollTimer?: ReturnType<typeof setTimeout>;
  private pollRun?: AbortController;

  constructor(private readonly host: PaymentHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.disconnect.signal.aborted) this.disconnect = new AbortController();
  }

  /** Called only once the element is really gone (not on a DOM move). */
  teardown(): void {
    this.disconnect.abort();
    this.stopPolling();
  }

  async submit(): Promise<void> {
    // Set synchronously before any await: a second click in the same task sees the lock.
    if (this.submitting) return;
    this.submitting = true;
    this.host.requestUpdate();
    try {
      if (!this.host.validateForm() || !this.host.confirmSubmit()) return;
      let attempt: PaymentAttempt;
      try {
        attempt = await this.attempts.next(() => this.host.createToken());
      } catch (rejection) {
        this.host.tokenFailed(rejection);
        return;
      }
      const request = this.host.paymentRequest();
      const body = attempt.body ?? request.body(attempt.token);
      const outcome = await postPayment({
        action: request.action,
        body,
        idempotencyKey: attempt.idempotencyKey,
        headers: request.headers,
        timeoutMs: request.timeoutMs,
        signal: this.disconnect.signal,
      });
      if (outcomeUnknown(outcome)) this.attempts.keep({ ...attempt, body });
      else this.attempts.settle();
      this.host.paymentAnswered(outcome, 'submit');
    } finally {
      this.submitting = false;
      this.host.requestUpdate();
    }
  }

  /** Polls the merchant's status endpoint with exponential backoff until a final status. */
  poll(options: PollOptions, isFinal: (outcome: ClientOutcome) => boolean): void {
    this.stopPolling();
    // Each polling run has its own signal: stopping it (reset, a new payment) also silences a GET
    // already in flight, which must neither fire an event nor schedule another poll.
    const run = new AbortController();
    this.pollRun = run;
    const signal = AbortSignal.any([run.signal, this.disconnect.signal]);
    let attempt = 0;
    const tick = async () => {
      attempt++;
      const outcome = await fetchPaymentStatus(options.statusAction, options.paymentId, {
        headers: options.headers,
        timeoutMs: options.timeoutMs,
        signal,
      });
      if (signal.aborted) return;
      if (isFinal(outcome)) {
        this.pollTimer = undefined;
        this.host.paymentAnswered(outcome, 'poll');
        return;
      }
      if (attempt < options.maxAttempts) this.pollTimer = setTimeout(tick, options.firstDelayMs * 2 ** attempt);
      else this.pollTimer = undefined;
    };
    this.pollTimer = setTimeout(tick, options.firstDelayMs);
  }

  stopPolling(): void {
    this.pollRun?.abort();
    this.pollRun = undefined;
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  get polling(): boolean {
    return this.pollTimer !== undefined;
  }
}
