/**
 * The payment pipeline: card token → POST → answer, the same attempt repeated until its outcome
 * is known (across reloads and re-renders too), and pending payments polled until final. The
 * session decides whether a payment may start (the form is locked from the click on); this
 * controller only runs it and reports.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { attemptUnresolved, AttemptTracker, paymentExists, type PaymentAttempt } from '../merchant/idempotency.js';
import { sessionAttemptStore } from '../merchant/attempt-store.js';
import { fetchPaymentStatus, postPayment, type ClientOutcome } from '../merchant/payment-client.js';
import type { PaymentSummary } from '../session/checkout-session.js';
import { isKnownStatus, resultKind } from '../mercadopago/messages.js';

/** Everything a payment POST needs, read from the form in one go before anything is awaited. */
export interface PaymentRequestParts {
  action: string;
  body: (token: string) => unknown;
  headers: Record<string, string>;
  timeoutMs: number;
  summary: PaymentSummary;
  /** The order this payment is for (orderScope): an attempt left unresolved for it is repeated. */
  scope?: string;
  /** The merchant's own idempotency key, for a fresh attempt. */
  idempotencyKey?: string;
  /** The merchant named the order (`external-reference`): a payment that exists stays on record for it. */
  orderNamed?: boolean;
}

export interface PaymentControllerOptions {
  /**
   * What a payment asked for now must wait for, if anything: the document types, when the form was
   * ready before them (the page's own pay button, right after mp-ready). Undefined: nothing, and
   * the payment starts in this very task (a second click then finds the form locked).
   */
  pendingForm(): Promise<void> | undefined;
  /**
   * Starts a payment: re-checks the configuration, validates the form and fires the cancelable
   * mp-submit. The request, read at once; undefined when the payment must not go ahead.
   */
  begin(): PaymentRequestParts | undefined;
  /** Creates a single-use card token; throws the SDK's rejection. */
  tokenize(): Promise<string>;
  tokenFailed(rejection: unknown): void;
  /** The merchant's answer, with what that POST charged. */
  answered(outcome: ClientOutcome, sent: PaymentSummary): void;
  /** A status poll found a final status. */
  settled(outcome: ClientOutcome): void;
  /** The pipeline ended however it ended (a throw included): the form must not stay locked. */
  ended(): void;
}

export interface PollOptions {
  statusAction: string;
  paymentId: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** First wait; doubles each time. */
  firstDelayMs: number;
  maxAttempts: number;
  isFinal(outcome: ClientOutcome): boolean;
}

export class PaymentController implements ReactiveController {
  readonly attempts = new AttemptTracker(sessionAttemptStore());
  private disconnect = new AbortController();
  private pollTimer?: ReturnType<typeof setTimeout>;
  private pollRun?: AbortController;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: PaymentControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.disconnect.signal.aborted) this.disconnect = new AbortController();
  }

  /** What the next payment repeats, while an attempt's outcome is unknown. */
  get unresolved(): PaymentSummary | undefined {
    return this.attempts.current?.summary;
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
    // A rebuild while waiting asks for the document types again: wait for those too.
    for (let pending = this.options.pendingForm(); pending; pending = this.options.pendingForm()) await pending;
    // A refused start (the form is locked by another payment, or invalid) must not end that payment.
    const request = this.options.begin();
    if (!request) return;
    try {
      let attempt: PaymentAttempt;
      try {
        const create = async () => ({ body: request.body(await this.options.tokenize()), summary: request.summary });
        attempt = await this.attempts.next(request.scope, create, request.idempotencyKey);
      } catch (rejection) {
        this.options.tokenFailed(rejection);
        return;
      }
      const outcome = await postPayment({
        action: request.action,
        body: attempt.body,
        idempotencyKey: attempt.idempotencyKey,
        headers: request.headers,
        timeoutMs: request.timeoutMs,
      });
      if (!attemptUnresolved(outcome)) this.attempts.settle(attempt, request.orderNamed && paymentExists(outcome));
      this.options.answered(outcome, attempt.summary);
    } finally {
      this.options.ended();
    }
  }

  /** Polls the merchant's status endpoint with exponential backoff until a final status. */
  poll(options: PollOptions): void {
    this.stopPolling();
    // Each polling run has its own signal: stopping it (reset, a new payment) also silences a GET
    // already in flight, which must neither fire an event nor schedule another poll.
    const run = new AbortController();
    this.pollRun = run;
    const signal = anySignal([run.signal, this.disconnect.signal]);
    let attempt = 0;
    const tick = async () => {
      attempt++;
      const outcome = await fetchPaymentStatus(options.statusAction, options.paymentId, {
        headers: options.headers,
        timeoutMs: options.timeoutMs,
        signal,
      });
      if (signal.aborted) return;
      if (options.isFinal(outcome)) {
        this.pollTimer = undefined;
        this.options.settled(outcome);
        return;
      }
      if (attempt < options.maxAttempts) this.pollTimer = setTimeout(() => void tick(), options.firstDelayMs * 2 ** attempt);
      else this.pollTimer = undefined;
    };
    this.pollTimer = setTimeout(() => void tick(), options.firstDelayMs);
  }

  /**
   * Follows a pending payment on the merchant's `status-action` until a final status: a first look
   * after a second, then twice as long each time, eight looks at most (about four minutes).
   */
  pollStatus(request: Pick<PollOptions, 'statusAction' | 'paymentId' | 'headers' | 'timeoutMs'>): void {
    // A status that is not Mercado Pago's settles nothing: keep looking.
    const isFinal = (outcome: ClientOutcome) => outcome.type === 'result' && isKnownStatus(outcome.status) && resultKind(outcome.status) !== 'pending';
    this.poll({ ...request, firstDelayMs: 1000, maxAttempts: 8, isFinal });
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

/** AbortSignal.any where the browser has it (Safari 17.4, Chrome 116, Firefox 124), else the same by hand. */
function anySignal(signals: AbortSignal[]): AbortSignal {
  // eslint-disable-next-line no-restricted-properties -- feature-detected here; the browsers without it take the fallback below
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true, signal: controller.signal });
  }
  return controller.signal;
}
