/**
 * The checkout as one explicit state machine: a discriminated union of states and a pure
 * transition function, with no Lit, no DOM and no I/O. The element feeds it what happened (the
 * configuration, MercadoPago.js, the buyer, the merchant's server) and renders what it says; the
 * message, the recovery button and the custom states are derived from the state (feedback.ts),
 * never stored beside it.
 */
import type { ConfigProblem } from './config.js';
import type { ClientOutcome } from '../merchant/payment-client.js';
import { resultKind, type FieldName } from '../mercadopago/messages.js';
import { attemptUnresolved } from '../merchant/idempotency.js';

/** What a payment charged, as announced in mp-submit and quoted in the messages about its answer. */
export interface PaymentSummary {
  /** The cash price (`transaction_amount`), as mp-submit announces it. */
  amount: number;
  paymentMethodId?: string;
  paymentMethodName?: string;
  installments: number;
  /**
   * What the buyer pays in all with the chosen plan (the financed total; the cash price without
   * interest). Absent in an attempt kept from before it was recorded: the cash price stands in.
   */
  total?: number;
  /** Each installment's amount, when the plan has more than one. */
  installmentAmount?: number;
}

/** A payment result from the merchant's server (the POST, or a status poll). */
export interface PaymentResult {
  id?: string;
  status: string;
  statusDetail?: string;
  /** What was charged: the messages quote this, never the form as it is now. */
  sent: PaymentSummary;
}

export type SdkFailure = 'sdk_load_failed' | 'sdk_timeout';
export type BuildFailure = 'fields_timeout' | 'fields_mount_failed' | 'sdk_request_failed';
/** The payment asked for a 3-D Secure challenge whose page cannot be opened. */
export type ChallengeFailure = 'invalid_challenge';

/** What the buyer is told while the form stays usable. */
export type Notice =
  /** Fields to fix: the message is the field error, or "check the fields" when there are several. */
  | { type: 'fields' }
  /** MercadoPago.js refused the card data without naming a field. */
  | { type: 'token'; key: string }
  /** The merchant's server refused the request (4xx), with Mercado Pago's cause when it gave one. */
  | { type: 'refused'; causeKey?: string; causes: string[]; httpStatus: number; sent: PaymentSummary }
  /** Nothing definite came back (network, timeout, 5xx, 409): "Try again" repeats the same attempt. */
  | { type: 'outcome-unknown'; code: string; httpStatus?: number; sent: PaymentSummary }
  /** The merchant's server refused the request (4xx) without saying why: the next payment is a fresh attempt. */
  | { type: 'server-refused'; httpStatus: number; sent: PaymentSummary }
  /** The card could not be looked up: "Try again" looks it up again. */
  | { type: 'lookup-failed' }
  /**
   * The buyer left a Secure Field with a mistake: said in the live region, naming the field, since
   * the input inside Mercado Pago's iframe cannot point at the error under its frame.
   */
  | { type: 'field'; field: FieldName }
  /** A Secure Field reported an SDK error. */
  | { type: 'sdk-error' }
  | { type: 'no-installments' }
  /** A payment result that leaves the form open: a rejection, or a status we do not know. */
  | { type: 'result'; payment: PaymentResult };

export type CheckoutState =
  /** The attributes do not make a usable checkout (yet): the form is refused until they do. */
  | { phase: 'configuring'; problems: ConfigProblem[] }
  /** MercadoPago.js, the Secure Fields or the form's text are on their way. */
  | { phase: 'loading' }
  | { phase: 'ready'; notice?: Notice }
  /** A payment is in flight: the form is locked. */
  | { phase: 'submitting' }
  /** 3-D Secure: the issuer's challenge is on screen. */
  | { phase: 'challenge'; payment: PaymentResult; url: string; creq: string }
  /** The payment is being processed; the status is polled when the merchant set `status-action`. */
  | { phase: 'pending'; payment: PaymentResult; challengeDone?: boolean }
  /**
   * The merchant's server answered 2xx with a status that is not Mercado Pago's: the payment may
   * exist. Locked as for a pending payment; "Check again" repeats the same attempt.
   */
  | { phase: 'unconfirmed'; payment: PaymentResult }
  | { phase: 'approved'; payment: PaymentResult }
  /**
   * The form cannot work: MercadoPago.js did not load (reload), or the form could not be built
   * (rebuild); or the payment's 3-D Secure challenge cannot be opened, so it can never complete
   * (rebuild: the buyer pays again, as a new attempt).
   */
  | { phase: 'failed'; failure: { type: 'sdk'; code: SdkFailure } | { type: 'build'; code: BuildFailure } | { type: 'challenge'; code: ChallengeFailure } };

export type CheckoutEvent =
  /** The configuration was derived again from every attribute; no problems means usable. */
  | { type: 'configured'; problems: ConfigProblem[] }
  | { type: 'sdk-failed'; code: SdkFailure }
  | { type: 'build-failed'; code: BuildFailure }
  /** The fields and the form's text are ready for input (the document types may still be coming: form-loader.ts). */
  | { type: 'form-ready' }
  /** Build the form again: "Try again" after a build failure, "Use another card", reset(). */
  | { type: 'rebuild' }
  /** The buyer pressed pay on a usable form, or "Check again" on an unconfirmed payment. */
  | { type: 'submitted' }
  /** The payment stopped before anything was sent (fields to fix, cancelled, card refused). */
  | { type: 'stopped'; notice?: Notice }
  /** The merchant's server answered the POST. */
  | { type: 'answered'; outcome: ClientOutcome; sent: PaymentSummary }
  /** A status poll found a final status. */
  | { type: 'settled'; id?: string; status: string; statusDetail?: string }
  /** The issuer's challenge says it is complete. */
  | { type: 'challenge-done' }
  /** The element left the document (not a move): the fields are gone, a result stays. */
  | { type: 'detached' }
  /** Something the buyer should know while filling in the form. */
  | { type: 'notice'; notice: Notice }
  /** The buyer acted on a notice (chose another card, edited): it no longer applies. */
  | { type: 'notice-cleared' };

export const INITIAL_STATE: CheckoutState = { phase: 'loading' };

/** A payment whose outcome is known or on its way: nothing may pay it again. */
export function holdsPayment(state: CheckoutState): boolean {
  return (
    state.phase === 'submitting' || state.phase === 'challenge' || state.phase === 'pending' || state.phase === 'unconfirmed' || state.phase === 'approved'
  );
}

/** Where an answer from the merchant's server leaves the checkout. */
function afterAnswer(outcome: ClientOutcome, sent: PaymentSummary): CheckoutState {
  if (outcome.type === 'rejected-request') {
    const causes = outcome.causes.map((c) => c.code);
    return { phase: 'ready', notice: { type: 'refused', causeKey: outcome.causes[0]?.key, causes, httpStatus: outcome.httpStatus, sent } };
  }
  if (outcome.type === 'error' && !attemptUnresolved(outcome)) {
    return { phase: 'ready', notice: { type: 'server-refused', httpStatus: outcome.httpStatus, sent } };
  }
  if (outcome.type === 'error') {
    return { phase: 'ready', notice: { type: 'outcome-unknown', code: outcome.code, httpStatus: outcome.httpStatus || undefined, sent } };
  }
  const payment: PaymentResult = { id: outcome.id, status: outcome.status, statusDetail: outcome.statusDetail, sent };
  if (attemptUnresolved(outcome)) return { phase: 'unconfirmed', payment };
  const kind = resultKind(outcome.status);
  if (kind === 'approved') return { phase: 'approved', payment };
  if (kind === 'pending' && outcome.unusableChallenge) return { phase: 'failed', failure: { type: 'challenge', code: 'invalid_challenge' } };
  if (kind === 'pending' && outcome.threeDsInfo) {
    return { phase: 'challenge', payment, url: outcome.threeDsInfo.externalResourceUrl, creq: outcome.threeDsInfo.creq };
  }
  if (kind === 'pending') return { phase: 'pending', payment };
  return { phase: 'ready', notice: { type: 'result', payment } };
}

/** The next state; the same object when the event changes nothing (so callers can tell). */
export function transition(state: CheckoutState, event: CheckoutEvent): CheckoutState {
  switch (event.type) {
    case 'configured':
      // A payment in flight or done is never undone by an attribute; the next submit re-checks.
      if (holdsPayment(state)) return state;
      if (event.problems.length) {
        const same = state.phase === 'configuring' && JSON.stringify(state.problems) === JSON.stringify(event.problems);
        return same ? state : { phase: 'configuring', problems: event.problems };
      }
      return state.phase === 'configuring' ? { phase: 'loading' } : state;
    case 'sdk-failed':
      return state.phase === 'loading' || state.phase === 'ready' ? { phase: 'failed', failure: { type: 'sdk', code: event.code } } : state;
    case 'build-failed':
      return state.phase === 'loading' || state.phase === 'ready' ? { phase: 'failed', failure: { type: 'build', code: event.code } } : state;
    case 'form-ready':
      return state.phase === 'loading' ? { phase: 'ready' } : state;
    case 'rebuild':
      if (state.phase === 'failed' && state.failure.type !== 'sdk') return { phase: 'loading' };
      // Never while submitting: the answer on its way must find the state it left.
      return state.phase !== 'submitting' && (state.phase === 'ready' || holdsPayment(state)) ? { phase: 'loading' } : state;
    case 'submitted':
      return state.phase === 'ready' || state.phase === 'unconfirmed' ? { phase: 'submitting' } : state;
    case 'stopped':
      return state.phase === 'submitting' ? { phase: 'ready', notice: event.notice } : state;
    case 'answered':
      return state.phase === 'submitting' ? afterAnswer(event.outcome, event.sent) : state;
    case 'settled': {
      if (state.phase !== 'pending' && state.phase !== 'challenge') return state;
      const payment: PaymentResult = { id: event.id ?? state.payment.id, status: event.status, statusDetail: event.statusDetail, sent: state.payment.sent };
      const kind = resultKind(event.status);
      if (kind === 'approved') return { phase: 'approved', payment };
      if (kind === 'pending') return state;
      return { phase: 'ready', notice: { type: 'result', payment } };
    }
    case 'challenge-done':
      return state.phase === 'challenge' ? { phase: 'pending', payment: state.payment, challengeDone: true } : state;
    case 'notice':
      return state.phase === 'ready' ? { phase: 'ready', notice: event.notice } : state;
    case 'detached':
      return state.phase === 'ready' || state.phase === 'failed' ? { phase: 'loading' } : state;
    case 'notice-cleared':
      return state.phase === 'ready' && state.notice ? { phase: 'ready' } : state;
  }
}
