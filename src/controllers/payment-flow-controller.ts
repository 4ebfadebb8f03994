/**
 * Everything around the payment pipeline that the session does not show by itself. At the click:
 * the configuration and the form checked again, the request read in one go, the cancelable
 * mp-submit. After it: the mp-payment event, the field the buyer must fix, following a pending
 * payment or a 3-D Secure challenge, keyboard focus and the navigation after an approval. An
 * element put back into a document picks up the payment it was following.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MpPaymentEvent, MpSubmitEvent } from '../events/events.js';
import type { ClientOutcome } from '../merchant/payment-client.js';
import type { PaymentResult, PaymentSummary } from '../session/checkout-session.js';
import { buildPaymentRequest, type PaymentRequestInput } from '../session/payment-request.js';
import { validateCheckoutForm } from '../session/validation.js';
import { fieldToFix, formHidden, messageFor, paymentVars, type FeedbackContext } from '../session/feedback.js';
import { isHttpUrl } from '../session/config.js';
import { orderScope } from '../merchant/idempotency.js';
import { errorMessage, resultKind } from '../mercadopago/messages.js';
import { isSecureField } from '../mercadopago/sdk-types.js';
import type { SessionController } from './session-controller.js';
import type { FormController } from './form-controller.js';
import type { SecureFieldsController } from './secure-fields-controller.js';
import type { FormLoader } from './form-loader.js';
import type { PaymentController, PaymentRequestParts } from './payment-controller.js';
import type { ConfigController } from './config-controller.js';
import type { CardController } from './card-controller.js';
import type { ChallengeController } from './challenge-controller.js';

/** The element's attributes a payment reads: at the click for the request, at the answer for what follows. */
export type PaymentFlowAttributes = PaymentRequestInput['attributes'] & { disabled: boolean; statusAction: string; successUrl: string };

/** What mp-submit announces: the attempt the click repeats, if one is unresolved, else the form's payment. */
function announced({ amount, paymentMethodId, installments }: PaymentSummary) {
  return { amount, paymentMethodId, installments };
}

export interface PaymentFlowControllerOptions {
  config: ConfigController;
  session: SessionController;
  card: CardController;
  form: FormController;
  fields: SecureFieldsController;
  loader: FormLoader;
  payment: PaymentController;
  challenge: ChallengeController;
  feedback(): FeedbackContext;
}

type PaymentFlowHost = ReactiveControllerHost &
  HTMLElement &
  PaymentFlowAttributes & { readonly renderRoot: HTMLElement | DocumentFragment; readonly hasUpdated: boolean };

export class PaymentFlowController implements ReactiveController {
  private scopeLookedUp?: string;
  /** "Use another card" was pressed: the fresh card number gets the focus once it is mounted. */
  private focusCardWhenReady = false;

  constructor(
    private readonly host: PaymentFlowHost,
    private readonly options: PaymentFlowControllerOptions,
  ) {
    host.addController(this);
  }

  /**
   * Picks up an attempt an earlier element left unresolved for this order (before a reload, a
   * re-render), so that the button and the message say what pay will repeat before the click.
   */
  hostUpdate(): void {
    // Not for the first render, a skeleton that shows no amount: a tab's storage can take many
    // milliseconds to open the first time, which the skeleton must not wait for. The update that
    // brings the text (the language comes after it, always) reads it, and the click reads it anyway.
    if (!this.host.hasUpdated) return;
    const scope = orderScope(this.host, document.baseURI);
    // Storage is read when the order changes, not on every keystroke; the click looks again anyway.
    if (scope === this.scopeLookedUp) return;
    this.scopeLookedUp = scope;
    this.options.payment.attempts.restore(scope);
  }

  /** Back from a detach with a pending payment: keep following it (the fields stay unmounted). */
  hostConnected(): void {
    const { state } = this.options.session;
    if (state.phase === 'pending' && !this.options.payment.polling) this.follow(state.payment);
    if (state.phase === 'challenge') this.options.challenge.open();
  }

  /**
   * The buyer pressed pay (or "Check again"). Everything is checked again at the click (an
   * attribute changed in this very task counts too); the request is read at once. While an attempt
   * is unresolved the click repeats it, so the form it ignores is not checked and mp-submit
   * announces that attempt. Undefined when the payment must not go ahead.
   */
  begin(): PaymentRequestParts | undefined {
    const { host } = this;
    const { config, session, card, form, fields, payment } = this.options;
    config.check();
    const { phase } = session.state;
    if ((phase !== 'ready' && phase !== 'unconfirmed') || host.disabled) return undefined;
    session.dispatch({ type: 'submitted' });
    const request = buildPaymentRequest({
      // The element itself: its attributes are read once, here, before anything is awaited.
      attributes: host,
      form: form.values,
      card: { method: card.method, issuerId: card.issuerId, processingMode: card.processingMode, choice: card.selectedChoice },
      deviceId: (window as { MP_DEVICE_SESSION_ID?: string }).MP_DEVICE_SESSION_ID,
      baseUrl: document.baseURI,
    });
    const unresolved = payment.attempts.restore(request.scope);
    const errors = unresolved
      ? {}
      : validateCheckoutForm({
          card,
          quoteIsCurrent: card.quoteIsCurrent,
          secureFieldCauses: fields.causes,
          ...form.values,
          payerEmail: host.payerEmail,
        });
    if (form.show(errors)) return void session.dispatch({ type: 'stopped', notice: { type: 'fields' } });
    if (host.dispatchEvent(new MpSubmitEvent(announced(unresolved?.summary ?? request.summary)))) return request;
    session.dispatch({ type: 'stopped' });
  }

  /** MercadoPago.js refused the card token: show what the buyer must fix, or say the form is incomplete. */
  tokenFailed(rejection: unknown): void {
    const key = this.options.form.showTokenErrors(rejection);
    this.options.session.fail({ type: 'stopped', notice: key ? { type: 'token', key } : { type: 'fields' } }, key ? rejection : undefined);
  }

  /** The pipeline ended however it ended (a throw included): the form must not stay locked. */
  ended(): void {
    if (this.options.session.state.phase === 'submitting') this.options.session.dispatch({ type: 'stopped' });
    this.keepFocus();
  }

  /** "Use another card": the attempt is over; fresh fields, and the keyboard back on the card number once they are there. */
  useAnotherCard(): void {
    this.options.payment.attempts.settle();
    this.focusCardWhenReady = true;
    this.options.loader.rebuild();
  }

  /** The form (its fields and text) is ready for input again. */
  formReady(): void {
    if (!this.focusCardWhenReady) return;
    this.focusCardWhenReady = false;
    this.options.fields.focus('cardNumber');
  }

  /**
   * The form stopped under the buyer and is hidden now: their focus goes to the message saying why.
   * (The browser moves it to <body> only at its next frame, so there is nothing to wait for.) Only
   * when the focus was in the element: a failure nobody was looking at must not pull the page to it.
   */
  formStopped(): void {
    if (!this.host.matches(':focus-within')) return;
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('[part~="message"]')?.focus());
  }

  /**
   * The pay button (and every input) is disabled while a payment runs, which drops the buyer's
   * focus to <body>. Unless the answer already moved it (the field to fix, the result that replaced
   * the form), it goes to the message that says what happened, else back to the pay button.
   */
  private keepFocus(): void {
    void this.host.updateComplete.then(() => {
      const active = document.activeElement;
      if (active && active !== document.body) return;
      const root = this.host.renderRoot;
      const message = root.querySelector<HTMLElement>('[part~="message"]');
      const target = message?.textContent?.trim() ? message : root.querySelector<HTMLElement>('[part~="submit-button"]:not(:disabled)');
      target?.focus();
    });
  }

  /** The merchant's answer to the payment POST, with what that POST charged. */
  answered(outcome: ClientOutcome, sent: PaymentSummary): void {
    const { session, form } = this.options;
    session.dispatch({ type: 'answered', outcome, sent });
    if (outcome.type === 'result') return this.show({ id: outcome.id, status: outcome.status, statusDetail: outcome.statusDetail, sent });
    const cause = outcome.type === 'rejected-request' ? outcome.causes[0] : undefined;
    if (!cause?.field) return;
    form.setError(cause.field, errorMessage([cause.key, 'apiCause._default'], paymentVars(sent, this.options.feedback())));
    form.focus(cause.field);
  }

  /** A status poll found a final status for the payment the session is waiting on. */
  settled(outcome: ClientOutcome): void {
    const { session } = this.options;
    const { state } = session;
    if (outcome.type !== 'result' || (state.phase !== 'pending' && state.phase !== 'challenge')) return;
    session.dispatch({ type: 'settled', id: outcome.id, status: outcome.status, statusDetail: outcome.statusDetail });
    if (resultKind(outcome.status) !== 'approved') this.options.payment.attempts.forgetRecord();
    this.show({ id: outcome.id ?? state.payment.id, status: outcome.status, statusDetail: outcome.statusDetail, sent: state.payment.sent });
  }

  /** The issuer's 3-D Secure page said it is done: the payment's status is the merchant's to tell. */
  challengeDone(): void {
    const { session } = this.options;
    const { state } = session;
    session.dispatch({ type: 'challenge-done' });
    if (state.phase === 'challenge') this.follow(state.payment);
  }

  private show(payment: PaymentResult): void {
    const { session, form, fields, loader, payment: pipeline, challenge } = this.options;
    const kind = resultKind(payment.status);
    this.host.dispatchEvent(new MpPaymentEvent({ id: payment.id, status: payment.status, statusDetail: payment.statusDetail, kind }));
    const { state } = session;
    const field = fieldToFix(state);
    if (field) {
      form.setError(field, messageFor(state, this.options.feedback()));
      if (isSecureField(field)) fields.markInvalid(field, true);
      form.focus(field);
    }
    // A pending payment that was finally rejected opens the form again, fields as they are.
    if (state.phase === 'ready' && !fields.ready) loader.rebuild();
    if (state.phase === 'pending' && !pipeline.polling) this.follow(state.payment);
    if (state.phase === 'challenge') challenge.open();
    if (kind === 'approved') pipeline.stopPolling();
    // The form is hidden under a final or pending result: keep keyboard focus on what replaced it.
    if (formHidden(state) && state.phase !== 'challenge') {
      void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('[part~="message"]')?.focus());
    }
    const { successUrl } = this.host;
    if (kind === 'approved' && isHttpUrl(successUrl, document.baseURI)) window.location.assign(new URL(successUrl, document.baseURI).href);
  }

  private follow(payment: PaymentResult): void {
    const { statusAction, headers, requestTimeout: timeoutMs } = this.host;
    if (payment.id && isHttpUrl(statusAction, document.baseURI))
      this.options.payment.pollStatus({ statusAction, paymentId: payment.id, headers: { ...headers }, timeoutMs });
  }
}
