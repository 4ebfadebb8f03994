import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styles } from './mp-checkout.styles.js';
import { LocalizeController } from './controllers/localize-controller.js';
import { SdkController } from './controllers/sdk-controller.js';
import { SecureFieldsController, settingsForBin } from './controllers/secure-fields-controller.js';
import { CardController } from './controllers/card-controller.js';
import { PaymentController, type PaymentRequestParts } from './controllers/payment-controller.js';
import { FormController } from './controllers/form-controller.js';
import { FormLoader } from './controllers/form-loader.js';
import { GuardController } from './controllers/guard-controller.js';
import { ChallengeController } from './controllers/challenge-controller.js';
import { MpChangeEvent, MpErrorEvent, MpPaymentEvent, MpReadyEvent, MpSubmitEvent, type MpChangeDetail } from './events/events.js';
import { INITIAL_STATE, transition, type CheckoutEvent, type CheckoutState, type PaymentResult } from './session/checkout-session.js';
import { customStates, errorEventFor, fieldToFix, formHidden, messageFor, paymentVars, recoveryFor, type FeedbackContext } from './session/feedback.js';
import { configProblems, isHttpUrl, keyMode, refusingProblems } from './session/config.js';
import { auditChecklist, type AuditEntry } from './session/guard.js';
import { secureFieldError, validateCheckoutForm } from './session/validation.js';
import { buildPaymentRequest, cardholderData } from './session/payment-request.js';
import { hasOfficialSdkScript } from './mercadopago/sdk-loader.js';
import { errorMessage, resultKind, type FieldName } from './mercadopago/messages.js';
import { formatMoney, isSiteId, pageSite, sdkLocaleFor, siteFromLocale, SITES, type SiteId } from './mercadopago/sites.js';
import { isSecureField, type PaymentMethod, type SecureFieldType } from './mercadopago/sdk-types.js';
import type { ClientOutcome } from './merchant/payment-client.js';
import type { PayerData } from './merchant/payload.js';
import { resourceChain } from './internal/i18n.js';
import { uniqueId } from './internal/unique-id.js';
import { secureFieldStyle } from './internal/secure-field-style.js';
import { jsonArray, jsonStrings } from './internal/json-attributes.js';
import { setCustomStates } from './internal/custom-states.js';
import { checkoutTemplate, messageText, recoveryView } from './view/checkout-view.js';

/**
 * A card checkout for Mercado Pago's Checkout API: Secure Fields, installments, the POST to the
 * merchant's endpoint and the localized result, in one tag.
 *
 * @summary Card payments through Mercado Pago, compliant with its production requirements.
 *
 * @slot terms - The merchant's terms-and-conditions link, shown next to the pay button.
 * @slot price-disclosure - Adds to the financing disclosure; content with `data-replace` replaces it (Argentina: Resolution E 51/2017).
 * @slot banner - Replaces the default promotions banner.
 *
 * @event {MpReadyEvent} mp-ready - The card form is mounted and ready for input.
 * @event {MpChangeEvent} mp-change - The buyer changed a field, the card brand or the installments.
 * @event {MpSubmitEvent} mp-submit - A valid form is about to be paid; cancelable.
 * @event {MpPaymentEvent} mp-payment - A payment result (`detail.status`, `detail.statusDetail`).
 * @event {MpErrorEvent} mp-error - A technical error (`detail.code`): configuration, SDK, network, server.
 *
 * @csspart base - The outer box.
 * @csspart form - The form.
 * @csspart field - Each field's wrapper.
 * @csspart field-label - Each field's label.
 * @csspart field-error - Each field's error text.
 * @csspart card-number - The frame around the card-number Secure Field.
 * @csspart expiration-date - The frame around the expiration-date Secure Field.
 * @csspart security-code - The frame around the security-code Secure Field.
 * @csspart cardholder-name - The cardholder name input.
 * @csspart identification-type - The document type select.
 * @csspart identification-number - The document number input.
 * @csspart email - The e-mail input.
 * @csspart issuer - The issuing bank select.
 * @csspart installments - The installments select.
 * @csspart financing - The financing block of the selected installments option.
 * @csspart cft - The CFT (total financial cost) value.
 * @csspart tea - The TEA (effective annual rate) value.
 * @csspart banner - The promotions banner.
 * @csspart submit-button - The pay button.
 * @csspart message - The live region with status and result messages.
 * @csspart test-badge - The "test mode" badge.
 *
 * @cssprop --mp-color - Text colour.
 * @cssprop --mp-background - Background of the box.
 * @cssprop --mp-border-color - Border colour of the box.
 * @cssprop --mp-radius - Corner radius.
 * @cssprop --mp-font-family - Font family (also inside the Secure Fields).
 * @cssprop --mp-input-color - Input text colour (also inside the Secure Fields).
 * @cssprop --mp-input-font-size - Input font size (also inside the Secure Fields).
 * @cssprop --mp-placeholder-color - Placeholder colour inside the Secure Fields.
 * @cssprop --mp-input-height - Input height.
 * @cssprop --mp-button-background - Pay button background.
 * @cssprop --mp-button-color - Pay button text colour.
 * @cssprop --mp-error-color - Error colour.
 * @cssprop --mp-cft-color - Highlight colour of the CFT.
 *
 * @cssstate loading - MercadoPago.js or the fields are loading.
 * @cssstate ready - The form accepts input.
 * @cssstate submitting - A payment is in flight; the form is locked.
 * @cssstate error - A technical error stops the form.
 */
export class MpCheckoutElement extends LitElement {
  static override styles = styles;

  /** Mercado Pago public key: `TEST-…` for test mode, `APP_USR-…` for production. */
  @property({ attribute: 'public-key' }) publicKey = '';
  /** Amount to charge, in the site's currency. */
  @property({ type: Number }) amount?: number;
  /** URL of the merchant endpoint that receives the payment POST. */
  @property() action = '';
  /** URL polled as `GET {status-action}?id=<payment id>` while a payment is pending. */
  @property({ attribute: 'status-action' }) statusAction = '';
  /** UI language (`es-AR`, `pt-BR`, `en`…); defaults to the nearest `lang`. */
  @property() locale = '';
  /** Mercado Pago site (`MLA`, `MLB`…); defaults to the locale's region. */
  @property() site = '';
  /** The payer's e-mail; when set the e-mail input is hidden. */
  @property({ attribute: 'payer-email' }) payerEmail = '';
  /** The payer's first name, forwarded for fraud scoring. */
  @property({ attribute: 'payer-first-name' }) payerFirstName = '';
  /** The payer's last name, forwarded for fraud scoring. */
  @property({ attribute: 'payer-last-name' }) payerLastName = '';
  /** Full payer data (`email`, `first_name`, `last_name`, `identification`, `phone`, `address`). */
  @property({ attribute: false }) payer?: PayerData;
  /** Items (`id`, `title`, `quantity`, `unit_price`…), as a JSON array attribute or an array. */
  @property({ converter: jsonArray }) items?: unknown[] | null;
  /** Payment description, forwarded. */
  @property() description = '';
  /** Text on the buyer's card statement, forwarded and quoted in the approval message. */
  @property({ attribute: 'statement-descriptor' }) statementDescriptor = '';
  /** The merchant's order reference, forwarded. */
  @property({ attribute: 'external-reference' }) externalReference = '';
  /** Fewest installments offered. */
  @property({ type: Number, attribute: 'min-installments' }) minInstallments?: number;
  /** Most installments offered. */
  @property({ type: Number, attribute: 'max-installments' }) maxInstallments?: number;
  /** Page to navigate to after an approval. */
  @property({ attribute: 'success-url' }) successUrl = '';
  /** Locks the form. */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** Extra headers for the payment POST and status polls (CSRF tokens). */
  @property({ attribute: false }) headers: Record<string, string> = {};
  /** Per-key overrides of any localized string, e.g. `{"ui.pay": "Buy now"}`. */
  @property({ converter: jsonStrings }) messages?: Record<string, string>;
  /** Milliseconds to wait for the merchant endpoint before calling it a timeout. */
  @property({ type: Number, attribute: 'request-timeout' }) requestTimeout = 30_000;
  /** Milliseconds to wait for MercadoPago.js and the Secure Fields. */
  @property({ type: Number, attribute: 'sdk-timeout' }) sdkTimeout = 15_000;

  @state() private session: CheckoutState = INITIAL_STATE;
  /** The account's country, as MercadoPago.js's answers name it (`site_id`): it beats the page's. */
  @state() private accountSite?: SiteId;

  private readonly idPrefix = uniqueId('mp-checkout');
  private readonly internals = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;

  // ——— controllers: each gets what it needs as options and reports back here ———

  private readonly localize = new LocalizeController(this, {
    locale: () => this.locale,
    siteLanguage: () => (isSiteId(this.site) ? SITES[this.site].locale : ''),
    activated: () => {
      this.fields.refreshOptions();
      this.changed({ field: 'locale' });
    },
  });
  private readonly sdk = new SdkController(this, {
    timeoutMs: () => this.sdkTimeout,
    ready: (mp) => this.loader.build(mp),
    failed: (code, cause) => this.fail({ type: 'sdk-failed', code }, cause),
  });
  private readonly fields = new SecureFieldsController(this, {
    idPrefix: this.idPrefix,
    timeoutMs: () => this.sdkTimeout,
    fieldOptions: (type) => ({
      placeholder: this.localize.t(`placeholder.${type}`) || undefined,
      srLabel: this.localize.t(`field.${type}`) || undefined,
      ariaRequired: true,
      style: secureFieldStyle(this),
    }),
    ready: () => void this.loader.fieldsReady(),
    failed: (code, cause) => this.fail({ type: 'build-failed', code }, cause),
    errored: (cause) =>
      this.fail(
        this.session.phase === 'loading' ? { type: 'build-failed', code: 'sdk_request_failed' } : { type: 'notice', notice: { type: 'sdk-error' } },
        cause,
      ),
    binChanged: (bin) => this.lookUpCard(bin),
    changed: (type) => this.secureFieldChanged(type),
  });
  private readonly form = new FormController(this, {
    markSecureField: (type, invalid) => this.fields.markInvalid(type, invalid),
    focusSecureField: (type) => this.fields.focus(type),
  });
  private readonly card = new CardController(this, {
    methodChanged: (method) => this.cardMethodChanged(method),
    problem: (problem, cause) => {
      if (problem === 'card_not_supported') this.form.setError('cardNumber', errorMessage('validation.cardNumber.unsupported'));
      else this.fail({ type: 'notice', notice: { type: problem === 'no_installments' ? 'no-installments' : 'lookup-failed' } }, cause);
    },
  });
  private readonly loader = new FormLoader(this, {
    sdk: this.sdk,
    fields: this.fields,
    form: this.form,
    publicKey: () => (keyMode(this.publicKey) ? this.publicKey : undefined),
    sdkLocale: () => sdkLocaleFor(this.localize.requestedTag, this.pageSite),
    language: () => ({ ready: this.localize.ready, settled: this.localize.language === resourceChain(this.localize.requestedTag).language }),
    asksNoDocument: () => this.resolvedSite === 'MLM',
    state: () => this.session,
    dispatch: (event) => this.dispatch(event),
    recheck: () => this.checkConfiguration(),
    forgetCard: () => this.card.reset(),
    failed: (event, cause) => this.fail(event, cause),
    ready: () => {
      this.dispatchEvent(new MpReadyEvent());
      this.guard.warn();
    },
  });
  private readonly payment = new PaymentController(this, {
    begin: () => this.beginPayment(),
    tokenize: () => this.fields.createCardToken(cardholderData(this.form.values)),
    tokenFailed: (rejection) => {
      const key = this.form.showTokenErrors(rejection);
      this.fail({ type: 'stopped', notice: key ? { type: 'token', key } : { type: 'fields' } }, key ? rejection : undefined);
    },
    answered: (outcome, sent) => {
      this.dispatch({ type: 'answered', outcome, sent });
      if (outcome.type === 'result') return this.paymentResult({ id: outcome.id, status: outcome.status, statusDetail: outcome.statusDetail, sent });
      const cause = outcome.type === 'rejected-request' ? outcome.causes[0] : undefined;
      if (cause?.field) this.form.setError(cause.field, errorMessage([cause.key, 'apiCause._default'], paymentVars(sent, this.feedback)));
      if (cause?.field) this.form.focus(cause.field);
    },
    settled: (outcome) => this.settled(outcome),
    ended: () => this.session.phase === 'submitting' && this.dispatch({ type: 'stopped' }),
  });
  private readonly guard = new GuardController(this, { audit: () => this.audit() });
  private readonly challenge = new ChallengeController(this, {
    completed: () => {
      const { session } = this;
      this.dispatch({ type: 'challenge-done' });
      if (session.phase === 'challenge') this.pollStatus(session.payment);
    },
  });

  // ——— public API ———

  /** Validates and pays, as if the buyer pressed the pay button. */
  submit(): Promise<void> {
    return this.payment.submit();
  }

  /**
   * Clears what the buyer entered and any result, and mounts fresh fields. Ignored while a payment
   * is in flight; an attempt whose outcome is still unknown is kept, so a later submit repeats it
   * instead of risking a second charge.
   */
  reset(): void {
    if (this.session.phase === 'submitting') return;
    this.form.clear();
    this.payment.stopPolling();
    this.loader.rebuild();
  }

  /**
   * Mercado Pago's production requirements (R1–R9) as data, judged on this page now:
   * `{id, ok, severity, message}` per requirement, plus one entry per configuration problem.
   */
  audit(): AuditEntry[] {
    const { guard, accountSite, pageSite } = this;
    const banner = guard.slotted('banner');
    const siteNamed = Boolean(accountSite || isSiteId(this.site) || siteFromLocale(this.localize.requestedTag));
    const facts = {
      mode: this.mode,
      officialSdk: this.officialSdk(),
      secureContext: window.isSecureContext,
      configProblems: this.problems(),
      namedControls: guard.namedControls(),
      hasPayerEmail: Boolean(this.payerEmail || this.payer?.email),
      hasItems: Array.isArray(this.items) && this.items.length > 0,
      hasStatusAction: Boolean(this.statusAction),
      bannerShown: !banner.any || banner.visible,
      isArgentina: this.resolvedSite === 'MLA',
      // The merchant's disclosure only adds to ours, unless it replaces it: then it must say something.
      disclosureShown: !guard.disclosureReplaced || guard.slotted('price-disclosure').visible,
      termsShown: guard.slotted('terms').visible,
      guessedSite: siteNamed ? undefined : this.resolvedSite,
      accountSite: accountSite && accountSite !== pageSite ? { account: accountSite, page: pageSite } : undefined,
    };
    return auditChecklist(facts, (key, vars) => this.localize.t(key, vars));
  }

  // ——— configuration, derived afresh from every attribute ———

  private get mode() {
    return keyMode(this.publicKey);
  }

  /** The active Mercado Pago site: the account's once MercadoPago.js named it, else the page's. */
  private get resolvedSite(): SiteId {
    return this.accountSite ?? this.pageSite;
  }

  private get pageSite(): SiteId {
    return pageSite(this.site, this.localize.requestedTag);
  }

  /** MercadoPago.js came from the official script (undefined while it has not loaded). */
  private officialSdk(): boolean | undefined {
    return this.sdk.mp || 'MercadoPago' in window ? hasOfficialSdkScript() : undefined;
  }

  private problems() {
    return configProblems(this, { resolvedSite: this.resolvedSite, baseUrl: document.baseURI });
  }

  /**
   * Tells the session what the attributes make of the checkout now: a late or fixed attribute brings
   * the form up, a broken one stops it. Runs on every update and again on pay.
   */
  private checkConfiguration(): void {
    const page = { secureContext: window.isSecureContext, officialSdk: this.officialSdk(), nestedInShadowRoot: this.getRootNode() !== document };
    // The session ignores what changes nothing, and what may not change a payment in flight or done.
    this.dispatch({ type: 'configured', problems: this.isConnected ? refusingProblems(this.problems(), this.mode, page) : [] });
  }

  private money(amount: number | undefined): string {
    return amount === undefined || !Number.isFinite(amount) ? '' : formatMoney(amount, this.resolvedSite, this.localize.language || 'en');
  }

  // ——— the session ———

  private dispatch(event: CheckoutEvent): void {
    const next = transition(this.session, event);
    if (next === this.session) return;
    this.session = next;
    // At once, not at the next render: a second click in the same task must see the lock.
    this.syncStates();
    const error = errorEventFor(next);
    if (error) void this.announceError(next, error);
  }

  /** A technical error on screen is also logged and fired as mp-error, in the buyer's language. */
  private async announceError(state: CheckoutState, error: { code: string; causes?: string[]; httpStatus?: number }): Promise<void> {
    await Promise.all([this.updateComplete, this.localize.loaded]);
    const text = messageText(this.localize, messageFor(state, this.feedback)) || error.code;
    if (state.phase === 'configuring') console.error(`<mp-checkout> ${error.causes?.join(', ')}: ${text}`);
    this.dispatchEvent(new MpErrorEvent({ message: text, ...error }));
  }

  /** Something failed: log its cause for the merchant, and tell the session. */
  private fail(event: CheckoutEvent, cause?: unknown): void {
    if (cause !== undefined) console.warn('<mp-checkout>', cause instanceof Error ? cause.message : cause);
    this.dispatch(event);
  }

  private get feedback(): FeedbackContext {
    const money = (amount: number) => this.money(amount);
    return { fieldErrors: this.form.errors, statementDescriptor: this.statementDescriptor, money, cardLabel: this.localize.t('field.cardNumber') };
  }

  private syncStates(): void {
    setCustomStates(this, this.internals, customStates(this.session, this.disabled));
  }

  // ——— lifecycle ———

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in a document: derive the configuration there and build the form again.
    this.requestUpdate();
    // Back from a detach with a pending payment: keep following it (the fields stay unmounted).
    if (this.session.phase === 'pending' && !this.payment.polling) this.pollStatus(this.session.payment);
    if (this.session.phase === 'challenge') this.challenge.open();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A DOM move disconnects and reconnects in one task: keep the mounted iframes through it.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.payment.teardown();
      this.loader.teardown();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('messages')) this.localize.setOverrides(this.messages);
    this.checkConfiguration();
    this.syncStates();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const previous = (changed as Map<string, unknown>).get('session') as CheckoutState | undefined;
    if (this.session.phase === 'challenge' && previous?.phase !== 'challenge') this.challenge.open();
    const quoted = changed.has('amount') || changed.has('minInstallments') || changed.has('maxInstallments');
    if (quoted && this.sdk.mp && this.isConnected) void this.card.refreshInstallments(this.sdk.mp, this.installmentQuery);
  }

  // ——— the card ———

  private lookUpCard(bin: string | null): void {
    if (!this.sdk.mp) return;
    this.form.setError('cardNumber', undefined);
    this.dispatch({ type: 'notice-cleared' });
    void this.card.binChanged(this.sdk.mp, bin, this.installmentQuery);
  }

  private secureFieldChanged(field: SecureFieldType): void {
    const cause = this.fields.causes.get(field);
    const shown = cause && this.fields.touched.has(field) ? secureFieldError(field, cause) : undefined;
    if (shown || this.form.errors[field]) this.form.setError(field, shown);
    this.changed({ field, valid: cause === undefined });
  }

  private cardMethodChanged(method: PaymentMethod | undefined): void {
    this.fields.applySettings(settingsForBin(method, this.card.bin));
    // Amounts, financing rules and links follow the account's country, whatever the page's
    // language says (a Brazilian-language page on an Argentine account still charges pesos).
    const accountSite = method?.site_id;
    if (isSiteId(accountSite) && accountSite !== this.resolvedSite) {
      this.accountSite = accountSite;
      this.guard.warn();
    }
    this.requestUpdate();
    if (method) this.changed({ field: 'paymentMethod', paymentMethodId: method.id });
  }

  /** What the installments are asked for, read when they are (the site may have just changed). */
  private readonly installmentQuery = () => ({ amount: this.amount ?? 0, site: this.resolvedSite, min: this.minInstallments, max: this.maxInstallments });

  /** The installment options were quoted for the amount and range in force now. */
  private get quoteIsCurrent(): boolean {
    const { loading, quoted } = this.card;
    return !loading && quoted !== undefined && quoted.amount === this.amount && quoted.min === this.minInstallments && quoted.max === this.maxInstallments;
  }

  // ——— paying ———

  /** Everything is checked again at the click: an attribute changed in this very task counts too. */
  private beginPayment(): PaymentRequestParts | undefined {
    this.checkConfiguration();
    if (this.session.phase !== 'ready' || this.disabled) return undefined;
    this.dispatch({ type: 'submitted' });
    const { card, form } = this;
    const causes = this.fields.causes;
    const errors = validateCheckoutForm({ card, quoteIsCurrent: this.quoteIsCurrent, secureFieldCauses: causes, ...form.values, payerEmail: this.payerEmail });
    if (form.show(errors)) return void this.dispatch({ type: 'stopped', notice: { type: 'fields' } });
    const request = buildPaymentRequest({
      attributes: { ...this.paymentAttributes(), payer: this.payer },
      form: form.values,
      card: { method: card.method, issuerId: card.issuerId, processingMode: card.processingMode, choice: card.selectedChoice },
      deviceId: (window as { MP_DEVICE_SESSION_ID?: string }).MP_DEVICE_SESSION_ID,
    });
    const { amount, paymentMethodId, installments } = request.summary;
    if (this.dispatchEvent(new MpSubmitEvent({ amount, paymentMethodId, installments }))) return request;
    this.dispatch({ type: 'stopped' });
  }

  /** The attributes a payment request reads (Lit's reactive properties are accessors: no spreading `this`). */
  private paymentAttributes() {
    const { amount, action, headers, requestTimeout, description, statementDescriptor, externalReference, payerEmail, payerFirstName, payerLastName, items } =
      this;
    return { amount, action, headers, requestTimeout, description, statementDescriptor, externalReference, payerEmail, payerFirstName, payerLastName, items };
  }

  private settled(outcome: ClientOutcome): void {
    const { session } = this;
    if (outcome.type !== 'result' || (session.phase !== 'pending' && session.phase !== 'challenge')) return;
    this.dispatch({ type: 'settled', id: outcome.id, status: outcome.status, statusDetail: outcome.statusDetail });
    this.paymentResult({ id: outcome.id ?? session.payment.id, status: outcome.status, statusDetail: outcome.statusDetail, sent: session.payment.sent });
  }

  /** What a payment result does besides what the session shows: the event, focus, polling, navigation. */
  private paymentResult(payment: PaymentResult): void {
    const kind = resultKind(payment.status);
    this.dispatchEvent(new MpPaymentEvent({ id: payment.id, status: payment.status, statusDetail: payment.statusDetail, kind }));
    const field = fieldToFix(this.session);
    if (field) {
      this.form.setError(field, messageFor(this.session, this.feedback));
      if (isSecureField(field)) this.fields.markInvalid(field, true);
      this.form.focus(field);
    }
    // A pending payment that was finally rejected opens the form again, fields as they are.
    if (this.session.phase === 'ready' && !this.fields.ready) this.loader.rebuild();
    if (this.session.phase === 'pending' && !this.payment.polling) this.pollStatus(this.session.payment);
    if (kind === 'approved') this.payment.stopPolling();
    // The form is hidden under a final or pending result: keep keyboard focus on what replaced it.
    if (formHidden(this.session) && this.session.phase !== 'challenge') {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="message"]')?.focus());
    }
    if (kind === 'approved' && isHttpUrl(this.successUrl, document.baseURI)) window.location.assign(new URL(this.successUrl, document.baseURI).href);
  }

  private pollStatus(payment: PaymentResult): void {
    if (!payment.id || !isHttpUrl(this.statusAction, document.baseURI)) return;
    const isFinal = (outcome: ClientOutcome) => outcome.type === 'result' && resultKind(outcome.status) !== 'pending';
    const { statusAction, headers, requestTimeout: timeoutMs } = this;
    this.payment.poll({ statusAction, paymentId: payment.id, headers: { ...headers }, timeoutMs, firstDelayMs: 1000, maxAttempts: 8, isFinal });
  }

  private changed(detail: MpChangeDetail): void {
    this.dispatchEvent(new MpChangeEvent(detail));
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const { session, card, form } = this;
    const change = (field: FieldName, update: () => void, detail: Partial<MpChangeDetail> = {}) => {
      update();
      this.changed({ field, ...detail });
      this.requestUpdate();
    };
    const recovery = recoveryView(recoveryFor(session), (key) => this.localize.t(key), {
      reload: () => window.location.reload(),
      rebuild: () => this.loader.rebuild(),
      'repeat-payment': () => void this.submit(),
      'lookup-card': () => this.lookUpCard(this.card.bin),
      'another-card': () => {
        this.payment.attempts.settle();
        this.loader.rebuild();
      },
    });
    return checkoutTemplate({
      idPrefix: this.idPrefix,
      t: (keys, vars) => this.localize.t(keys, vars),
      languageReady: this.localize.ready,
      language: this.localize.language,
      site: this.resolvedSite,
      testMode: this.mode === 'test',
      loading: session.phase === 'loading',
      formHidden: formHidden(session),
      locked: this.disabled || session.phase !== 'ready',
      submitting: session.phase === 'submitting',
      message: messageFor(session, this.feedback),
      recovery,
      fieldErrors: form.errors,
      amount: session.phase === 'configuring' ? '' : this.money(this.amount),
      ...form.values,
      email: this.payerEmail ? undefined : form.values.email,
      card: {
        methodName: card.method?.name,
        needsIssuer: card.needsIssuer,
        issuers: card.issuers,
        issuerId: card.issuerId,
        choices: card.choices,
        selected: card.selectedChoice,
        quoteIsCurrent: this.quoteIsCurrent,
      },
      money: (amount) => this.money(amount),
      disclosureReplaced: this.guard.disclosureReplaced,
      challenge: session.phase === 'challenge' ? { url: session.url, creq: session.creq } : undefined,
      on: {
        submit: () => void this.submit(),
        cardholderName: (value) => form.set({ cardholderName: value }),
        email: (value) => form.set({ email: value }),
        idType: (value) => change('identificationType', () => form.set({ idType: value })),
        idNumber: (value) => form.set({ idNumber: value }),
        issuer: (value) => change('issuer', () => (card.issuerId = value)),
        installments: (value) => change('installments', () => (card.installments = value), { installments: value }),
        changed: (field) => this.changed({ field }),
      },
    });
  }
}
