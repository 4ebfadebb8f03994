/**
 * The payment pipeline: validate → mp-submit → card token → POST → result, with the form locked
 * while anything is in flight (however fast the clicks), the same attempt repeated after an
 * unknown outcome, and pending payments polled until final.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AttemptTracker, type PaymentAttempt } from '../merchant/idempotency.js';
import { fetchPaymentStatus, postPayment, type ClientOutcome } from '../merchant/payment-client.js';

/** What the buyer pays, as announced in mp-submit and quoted in the result messages. */
export interface PaymentSummary {
  amount: number;
  paymentMethodId?: string;
  paymentMethodName?: string;
  installments: number;
}

/** Everything a payment POST needs, read from the form in one go before anything is awaited. */
export interface PaymentRequestParts {
  action: string;
  body: (token: string) => unknown;
  headers: Record<string, string>;
  timeoutMs: number;
  summary: PaymentSummary;
}

export interface PaymentHost extends ReactiveControllerHost {
  /** Client-side validation; false when the buyer must fix something first. */
  validateForm(): boolean;
  /** Fires the cancelable mp-submit; false when the merchant cancelled. */
  confirmSubmit(summary: PaymentSummary): boolean;
  /** Creates a single-use card token; throws the SDK's rejection. */
  createToken(): Promise<string>;
  /** A snapshot of the form: later edits (the amount, a card typed meanwhile) cannot reach this POST. */
  paymentRequest(): PaymentRequestParts;
  tokenFailed(rejection: unknown): void;
  paymentAnswered(outcome: ClientOutcome, source: 'submit' | 'poll'): void;
}

/**
 * Answers that say nothing definite about the payment: the next submit repeats the attempt.
 * A 4xx is definite (the server refused the request), so the buyer may then start afresh.
 */
function outcomeUnknown(outcome: ClientOutcome): boolean {
  return outcome.type === 'error' && !(outcome.httpStatus >= 400 && outcome.httpStatus < 500);
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
  /** What the last POST charged, for the messages about its answer. */
  sent?: PaymentSummary;
  private disconnect = new AbortController();
  private pollTimer?: ReturnType<typeof setTimeout>;
  private pollRun?: AbortController;

  constructor(private readonly host: PaymentHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.disconnect.signal.aborted) this.disconnect = new AbortController();
  }

  /**
   * Called only once the element is really gone (not on a DOM move). Polling stops; a payment POST
   * in flight does not: its answer is still awaited and kept, so a charge is never lost.
   */
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
      if (!this.host.validateForm()) return;
      const request = this.host.paymentRequest();
      if (!this.host.confirmSubmit(request.summary)) return;
      let attempt: PaymentAttempt;
      try {
        attempt = await this.attempts.next(() => this.host.createToken());
      } catch (rejection) {
        this.host.tokenFailed(rejection);
        return;
      }
      const body = attempt.body ?? request.body(attempt.token);
      this.sent = (attempt.summary as PaymentSummary | undefined) ?? request.summary;
      const outcome = await postPayment({
        action: request.action,
        body,
        idempotencyKey: attempt.idempotencyKey,
        headers: request.headers,
        timeoutMs: request.timeoutMs,
      });
      if (outcomeUnknown(outcome)) this.attempts.keep({ ...attempt, body, summary: this.sent });
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
