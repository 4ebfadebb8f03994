/**
 * What the buyer sees and what the page is told, derived from the checkout state alone: the
 * message in the live region, the one way out of a failure, the `:state()` custom states and the
 * mp-error an entered state fires. Nothing here is stored; the same state always reads the same.
 */
import { holdsPayment, type CheckoutState, type Notice, type PaymentSummary } from './checkout-session.js';
import type { ConfigProblem } from './config.js';
import {
  errorMessage,
  fieldForStatusDetail,
  isRetryableWithAnotherCard,
  resultKind,
  resultMessageKeys,
  type FieldErrors,
  type FieldName,
  type Message,
} from '../mercadopago/messages.js';

/** The one way out of what is on screen. */
export type Recovery = 'reload' | 'rebuild' | 'repeat-payment' | 'check-payment' | 'lookup-card' | 'another-card';

/** The few configuration facts the messages quote. */
export interface FeedbackContext {
  fieldErrors: FieldErrors;
  statementDescriptor: string;
  /** Formats an amount in the site's currency. */
  money: (amount: number) => string;
  /** What to call the card when the payment named no method ("the card"). */
  cardLabel: string;
  /** The attempt whose outcome is unknown, which the next payment repeats (after a failure, a reload). */
  unresolved?: PaymentSummary;
  /** A field's label, to name it in a message. */
  fieldLabel: (field: FieldName) => string;
}

/** What the messages quote of a payment, formatted: a message's vars. */
export interface PaymentVars extends Record<string, unknown> {
  amount: string;
  installmentAmount?: string;
  paymentMethod: string;
  installments: number;
  count: number;
  statementDescriptor: string;
}

/** The values the result messages quote: those of the payment that was sent, not of the form now. */
export function paymentVars(sent: PaymentSummary, context: FeedbackContext): PaymentVars {
  return {
    // What the card is charged in all: with an interest-bearing plan, the financed total, not the cash price.
    amount: context.money(sent.total ?? sent.amount),
    installmentAmount: sent.installmentAmount === undefined ? undefined : context.money(sent.installmentAmount),
    paymentMethod: sent.paymentMethodName ?? context.cardLabel,
    installments: sent.installments,
    // i18next picks the singular wording ("_one" keys) from `count`.
    count: sent.installments,
    statementDescriptor: context.statementDescriptor,
  };
}

/** What the approval receipt lists, formatted: the payment as it was sent and answered. */
export interface Receipt {
  /** The payment's status (`approved`, `authorized`), for its heading. */
  status: string;
  /** What the buyer pays in all (the financed total with an interest-bearing plan). */
  total: string;
  installments: number;
  /** Each installment's amount; absent for a single payment. */
  installmentAmount?: string;
  /** Mercado Pago's payment id (the operation number), when the merchant's server returned one. */
  paymentId?: string;
  /** What the buyer's card statement shows; absent when the merchant set none. */
  statementDescriptor?: string;
}

/** The receipt that replaces the form once a payment is approved; undefined in any other state. */
export function receiptFor(state: CheckoutState, context: FeedbackContext): Receipt | undefined {
  if (state.phase !== 'approved') return undefined;
  const { id, status, sent } = state.payment;
  // The same figures as the approval message: what the card is charged in all, and per installment.
  const { amount: total, installmentAmount } = paymentVars(sent, context);
  return {
    status,
    total,
    installments: sent.installments,
    installmentAmount: sent.installments > 1 ? installmentAmount : undefined,
    paymentId: id || undefined,
    statementDescriptor: context.statementDescriptor || undefined,
  };
}

function resultMessage(payment: { status: string; statusDetail?: string; sent: PaymentSummary }, context: FeedbackContext): Message {
  const kind = resultKind(payment.status);
  const keys = resultMessageKeys(payment.status, payment.statusDetail, { hasStatementDescriptor: Boolean(context.statementDescriptor) });
  return { keys, vars: paymentVars(payment.sent, context), tone: kind === 'approved' ? 'success' : kind === 'rejected' ? 'error' : 'info' };
}

function noticeMessage(notice: Notice, context: FeedbackContext): Message | undefined {
  switch (notice.type) {
    case 'fields': {
      const fields = Object.keys(context.fieldErrors) as FieldName[];
      // One error is read out as is; several send the buyer to the highlighted fields.
      if (fields.length === 1) return { ...context.fieldErrors[fields[0]]!, tone: 'error' };
      return fields.length ? errorMessage('ui.checkFields') : undefined;
    }
    case 'field': {
      const error = context.fieldErrors[notice.field];
      // Seen under the field already: the live region only has to say it, with the field's name.
      return error && { keys: 'ui.fieldError', vars: { field: context.fieldLabel(notice.field) }, parts: [error], tone: 'error', announceOnly: true };
    }
    case 'token':
      return errorMessage([notice.key, 'error.tokenize_failed']);
    case 'refused':
      return errorMessage([notice.causeKey ?? 'apiCause._default', 'apiCause._default'], paymentVars(notice.sent, context));
    case 'outcome-unknown':
      return errorMessage(`error.${notice.code}`);
    case 'server-refused':
      return errorMessage('error.server_refused');
    case 'lookup-failed':
    case 'sdk-error':
      return errorMessage('error.sdk_request_failed');
    case 'no-installments':
      return errorMessage('error.no_installments');
    case 'result':
      return resultMessage(notice.payment, context);
  }
}

/** A technical failure's message key: what stopped the form, as the buyer is told (a field that would not mount reads as a request that failed). */
export function failureKey(code: string): string {
  return code === 'fields_mount_failed' ? 'error.sdk_request_failed' : `error.${code}`;
}

/** A configuration problem's message key. */
export function problemKey(problem: Pick<ConfigProblem, 'code' | 'message'>): string {
  return `error.${problem.message ?? problem.code}`;
}

/** The live region's message for this state (undefined: nothing to say). */
export function messageFor(state: CheckoutState, context: FeedbackContext): Message | undefined {
  switch (state.phase) {
    case 'configuring':
      return { keys: 'error.config', tone: 'error', parts: state.problems.map((p) => ({ keys: problemKey(p), vars: p.vars, tone: 'error' })) };
    case 'ready':
      if (state.notice) return noticeMessage(state.notice, context);
      // Nothing else to say (a reload, a cleared notice): the buyer must know what pay will repeat.
      return context.unresolved && { keys: 'ui.unresolvedAttempt', vars: paymentVars(context.unresolved, context), tone: 'info' };
    case 'unconfirmed':
      return { keys: 'ui.unconfirmed', vars: paymentVars(state.payment.sent, context), tone: 'info' };
    case 'challenge':
    case 'approved':
      return resultMessage(state.payment, context);
    case 'pending':
      return state.challengeDone ? { keys: 'ui.processing', tone: 'info' } : resultMessage(state.payment, context);
    case 'failed':
      return errorMessage(failureKey(state.failure.code));
    default:
      return undefined;
  }
}

/** The one button that gets the buyer out of this state, if there is one. */
export function recoveryFor(state: CheckoutState): Recovery | undefined {
  if (state.phase === 'failed') return state.failure.type === 'sdk' ? 'reload' : 'rebuild';
  if (state.phase === 'unconfirmed') return 'check-payment';
  if (state.phase !== 'ready' || !state.notice) return undefined;
  const { notice } = state;
  if (notice.type === 'outcome-unknown') return 'repeat-payment';
  if (notice.type === 'lookup-failed') return 'lookup-card';
  if (notice.type === 'result' && resultKind(notice.payment.status) === 'rejected' && isRetryableWithAnotherCard(notice.payment.statusDetail)) {
    return 'another-card';
  }
  return undefined;
}

/** The field a rejected payment points at (`cc_rejected_bad_filled_*`), to mark and focus. */
export function fieldToFix(state: CheckoutState): FieldName | undefined {
  if (state.phase !== 'ready' || state.notice?.type !== 'result') return undefined;
  return resultKind(state.notice.payment.status) === 'rejected' ? fieldForStatusDetail(state.notice.payment.statusDetail) : undefined;
}

/** The `:state()` custom states. */
export function customStates(state: CheckoutState, disabled: boolean): Record<'loading' | 'ready' | 'submitting' | 'error', boolean> {
  return {
    loading: state.phase === 'loading',
    ready: state.phase === 'ready' && !disabled,
    submitting: state.phase === 'submitting',
    error: state.phase === 'failed' || state.phase === 'configuring',
  };
}

/** Under a refusal, a failure, a challenge or a payment that is done, pending or unconfirmed, there is nothing to fill in. */
export function formHidden(state: CheckoutState): boolean {
  // While submitting the form stays, locked, under the buyer's eyes.
  return state.phase === 'configuring' || state.phase === 'failed' || (holdsPayment(state) && state.phase !== 'submitting');
}

/** The mp-error a state fires when it is entered (a technical error, never a validation one). */
export function errorEventFor(state: CheckoutState): { code: string; causes?: string[]; httpStatus?: number } | undefined {
  if (state.phase === 'configuring') return { code: state.problems[0]?.code ?? 'config', causes: state.problems.map((p) => p.code) };
  if (state.phase === 'failed') return { code: state.failure.code };
  if (state.phase !== 'ready' || !state.notice) return undefined;
  const { notice } = state;
  switch (notice.type) {
    case 'token':
      return { code: 'tokenize_failed' };
    case 'refused':
      return { code: 'bad_request', httpStatus: notice.httpStatus, causes: notice.causes };
    case 'outcome-unknown':
      return { code: notice.code, httpStatus: notice.httpStatus };
    case 'server-refused':
      return { code: 'server', httpStatus: notice.httpStatus };
    case 'lookup-failed':
    case 'sdk-error':
      return { code: 'sdk_request_failed' };
    case 'no-installments':
      return { code: 'no_installments' };
    default:
      return undefined;
  }
}
