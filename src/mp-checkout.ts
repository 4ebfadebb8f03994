import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styles } from './mp-checkout.styles.js';
import { LocalizeController } from './controllers/localize-controller.js';
import { SdkController } from './controllers/sdk-controller.js';
import { SECURE_FIELD_SLOTS, SecureFieldsController, settingsForBin } from './controllers/secure-fields-controller.js';
import { CardController, type CardProblem } from './controllers/card-controller.js';
import { PaymentController, type PaymentRequestParts, type PaymentSummary } from './controllers/payment-controller.js';
import { MpChangeEvent, MpErrorEvent, MpPaymentEvent, MpReadyEvent, MpSubmitEvent, type MpChangeDetail } from './events/events.js';
import { configProblems, isHttpUrl, keyMode, UNWORKABLE_PROBLEMS, type ConfigProblem } from './session/config.js';
import type { InstallmentChoice } from './mercadopago/financing.js';
import { auditChecklist, blockingProblems, type AuditEntry } from './session/guard.js';
import { hasOfficialSdkScript } from './mercadopago/sdk-loader.js';
import { resourceChain } from './internal/i18n.js';
import { buildPaymentPayload, type PayerData, type PaymentPayloadInput } from './merchant/payload.js';
import type { ClientOutcome } from './merchant/payment-client.js';
import {
  errorMessage,
  fieldForStatusDetail,
  isRetryableWithAnotherCard,
  resultKind,
  resultMessageKeys,
  tokenErrors,
  type FieldErrors,
  type FieldName,
  type Message,
} from './mercadopago/messages.js';
import { formatMoney, isSiteId, siteFromLocale, SITES, type SiteId } from './mercadopago/sites.js';
import { isSecureField, SECURE_FIELDS, type IdentificationType, type MercadoPagoInstance, type PaymentMethod, type SdkLocale, type SecureFieldOptions, type SecureFieldType } from './mercadopago/sdk-types.js';
import { secureFieldError, validateCheckoutForm } from './session/validation.js';
import { uniqueId } from './internal/unique-id.js';
import { secureFieldStyle } from './internal/secure-field-style.js';
import { jsonArray, jsonStrings } from './internal/json-attributes.js';
import type { FieldView } from './view/field.js';
import { secureField, type SecureFieldView } from './view/secure-field.js';
import { textField } from './view/text-field.js';
import { identification, type IdentificationView } from './view/identification.js';
import { issuerSelect, type IssuerView } from './view/issuer.js';
import { installmentsSelect, type FinancingView, type InstallmentsView } from './view/financing.js';
import { banner } from './view/banner.js';
import { payActions } from './view/pay-actions.js';
import { recoveryButton, type RecoveryView } from './view/recovery.js';
import { challengeFrame } from './view/challenge.js';

type Phase = 'loading' | 'ready' | 'error' | 'done';

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

  @state() private phase: Phase = 'loading';
  @state() private message?: Message;
  @state() private fieldErrors: FieldErrors = {};
  @state() private idTypes: IdentificationType[] = [];
  @state() private cardholderName = '';
  @state() private idType = '';
  @state() private idNumber = '';
  @state() private email = '';
  @state() private offerAnotherCard = false;
  /** What "Try again" does for the failure on screen (repeat the payment, look the card up, rebuild). */
  @state() private retryWith?: () => void;
  @state() private offerReload = false;
  @state() private challenge?: { url: string; creq: string };
  /** The account's country, as MercadoPago.js's answers name it (`site_id`): it beats the page's. */
  @state() private accountSite?: SiteId;

  private readonly idPrefix = uniqueId('mp-checkout');
  private readonly internals = this.attachInternals();
  private readonly localize = new LocalizeController(this);
  private readonly sdk = new SdkController(this, () => this.sdkTimeout);
  private readonly fields = new SecureFieldsController(this, () => this.sdkTimeout, this.idPrefix);
  private readonly card = new CardController(this);
  private readonly payment = new PaymentController(this);
  private idTypesLoaded: Promise<boolean> = Promise.resolve(true);
  private lastPayment?: { id?: string; status: string; statusDetail?: string };
  private readonly warned = new Set<string>();
  // Page editors and plugins change slotted content under us: re-render when the merchant's own
  // children or their slots change (the disclosure slot), and watch R2, since a named control may be
  // added at any time. The Secure Fields' iframes coming and going inside our mount containers are
  // not the merchant's content and cause no render.
  private readonly childWatcher = new MutationObserver((mutations) => {
    if (mutations.some((m) => m.target === this || m.attributeName === 'slot' || m.attributeName === 'data-replace')) this.requestUpdate();
    if (this.namedControls().length) this.warnAboutAudit();
  });
  private readonly onChallengeMessage = (event: MessageEvent) => this.challengeMessage(event);

  // ——— public API ———

  /** Validates and pays, as if the buyer pressed the pay button. */
  submit(): Promise<void> {
    if (this.phase !== 'ready' || this.disabled) return Promise.resolve();
    return this.payment.submit();
  }

  /**
   * Clears what the buyer entered and any result, keeping the mounted fields. Ignored while a
   * payment is in flight; an attempt whose outcome is still unknown is kept, so a later submit
   * repeats it instead of risking a second charge.
   */
  reset(): void {
    if (this.payment.submitting) return;
    this.cardholderName = this.idNumber = this.email = '';
    this.clearFeedback();
    this.payment.stopPolling();
    this.challenge = undefined;
    this.card.reset();
    if (this.sdk.mp) this.fields.mount(this.sdk.mp);
    if (this.phase === 'done') this.phase = this.fields.ready ? 'ready' : 'loading';
  }

  /**
   * Mercado Pago's production requirements (R1–R9) as data, judged on this page now:
   * `{id, ok, severity, message}` per requirement, plus one entry per configuration problem.
   */
  audit(): AuditEntry[] {
    // What the merchant slotted: none means the element's default is shown; an empty one hides it.
    const shownBySlot = (name: string) => {
      const children = Array.from(this.querySelectorAll(`:scope > [slot="${name}"]`));
      return { any: children.length > 0, visible: children.some((c) => c.textContent?.trim() || c.querySelector('img, svg, picture')) };
    };
    const [terms, banner, disclosure] = ['terms', 'banner', 'price-disclosure'].map(shownBySlot);
    const payer = this.payer ?? {};
    return auditChecklist(
      {
        mode: this.mode,
        officialSdk: this.sdk.mp || 'MercadoPago' in window ? hasOfficialSdkScript() : undefined,
        secureContext: window.isSecureContext,
        configProblems: this.problems,
        namedControls: this.namedControls(),
        hasPayerEmail: Boolean(this.payerEmail || payer.email),
        hasItems: Array.isArray(this.items) && this.items.length > 0,
        hasStatusAction: Boolean(this.statusAction),
        bannerShown: !banner.any || banner.visible,
        isArgentina: this.resolvedSite === 'MLA',
        // The merchant's disclosure only adds to ours, unless it replaces it: then it must say something.
        disclosureShown: !this.disclosureReplaced || disclosure.visible,
        termsShown: terms.visible,
        guessedSite: this.accountSite || isSiteId(this.site) || siteFromLocale(this.localize.requestedTag) ? undefined : this.resolvedSite,
        accountSite: this.accountSite && this.accountSite !== this.pageSite ? { account: this.accountSite, page: this.pageSite } : undefined,
      },
      (key, vars) => this.localize.t(key, vars as never),
    );
  }

  // ——— derived configuration ———

  /** The active Mercado Pago site: the account's once MercadoPago.js named it, else the page's. */
  get resolvedSite(): SiteId {
    return this.accountSite ?? this.pageSite;
  }

  /** The site the page sets (the attribute) or implies (the locale's region). */
  private get pageSite(): SiteId {
    if (isSiteId(this.site)) return this.site;
    return siteFromLocale(this.localize.requestedTag) ?? 'MLA';
  }

  /** The language of the site, used when nothing on the page says one. */
  get siteLanguage(): string {
    return isSiteId(this.site) ? SITES[this.site].locale : '';
  }

  private get mode() {
    return keyMode(this.publicKey);
  }

  private get sdkLocale(): SdkLocale {
    const { language } = resourceChain(this.localize.requestedTag);
    if (language === 'en') return 'en-US';
    if (language === 'es' || language === 'pt-BR') return SITES[this.pageSite].sdkLocale;
    return language as SdkLocale;
  }

  private get problems(): ConfigProblem[] {
    return configProblems({
      publicKey: this.publicKey,
      amount: this.amount,
      action: this.action,
      site: this.site,
      resolvedSite: this.resolvedSite,
      successUrl: this.successUrl,
      itemsInvalid: this.items === null,
      baseUrl: document.baseURI,
    });
  }

  private money(amount: number | undefined): string {
    return amount === undefined || !Number.isFinite(amount) ? '' : formatMoney(amount, this.resolvedSite, this.localize.language || 'en');
  }

  // ——— lifecycle ———

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('message', this.onChallengeMessage);
    this.childWatcher.observe(this, { subtree: true, childList: true, attributes: true, attributeFilter: ['name', 'slot', 'data-replace'] });
    if (this.hasUpdated) this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('message', this.onChallengeMessage);
    this.childWatcher.disconnect();
    // A DOM move disconnects and reconnects in one task: keep the mounted iframes through it.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.fields.unmount();
      this.payment.teardown();
      this.card.reset();
      this.sdk.reset();
      // An approved or pending payment stays so when the element comes back: never payable twice.
      if (this.phase !== 'done') this.phase = 'loading';
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('messages')) this.localize.setOverrides(this.messages);
    this.syncStates();
  }

  protected override firstUpdated(): void {
    this.start();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    if (changed.has('publicKey') || changed.has('locale') || changed.has('site')) this.start();
    if (changed.has('amount') || changed.has('minInstallments') || changed.has('maxInstallments')) {
      if (this.sdk.mp) void this.card.refreshInstallments(this.sdk.mp, this.installmentQuery);
    }
  }

  /** Checks the configuration, then loads the SDK and mounts the fields. */
  private start(): void {
    if (!this.isConnected || !this.hasUpdated) return;
    if (this.getRootNode() !== document) {
      // The SDK mounts by document.getElementById, which cannot see into shadow roots.
      return this.refuse([{ code: 'nested_shadow_root' }]);
    }
    const problems = this.problems;
    const blocking = blockingProblems({ mode: this.mode, secureContext: window.isSecureContext, officialSdk: undefined });
    const fatal = this.mode === 'production' ? problems : problems.filter((p) => UNWORKABLE_PROBLEMS.has(p.code));
    if (fatal.length || blocking.length) {
      return this.refuse([...blocking.map((code) => ({ code })), ...fatal]);
    }
    if (this.phase === 'done') return this.resumeOutcome();
    if (this.phase === 'error') this.phase = 'loading';
    if (this.sdk.mp && !this.fields.mounted) this.sdkReady(this.sdk.mp);
    this.syncSdk();
  }

  /**
   * Builds the MercadoPago instance for the current key and SDK locale. A language change after
   * the buyer typed card data keeps the instance (the fields cannot be refilled; their
   * placeholders follow the new language); a new public key always rebuilds.
   */
  private syncSdk(): void {
    const sameAccount = this.sdk.mp !== undefined && this.sdk.publicKey === this.publicKey;
    // The new fields take their labels at creation: rebuild once the new language has loaded.
    const languagePending = this.localize.language !== resourceChain(this.localize.requestedTag).language;
    if (sameAccount && (this.fields.typed.size > 0 || languagePending)) return;
    void this.sdk.ensure(this.publicKey, this.sdkLocale);
  }

  /** Refuses to mount the card form, telling the merchant exactly why (page, console, mp-error). */
  private refuse(problems: Array<{ code: string; vars?: Record<string, unknown> }>): void {
    if (!this.localize.ready) return; // start() runs again once the language is loaded
    const detail = problems.map((p) => this.t(`error.${p.code}`, p.vars)).join(' ');
    const codes = problems.map((p) => p.code);
    console.error(`<mp-checkout> ${codes.join(', ')}: ${this.localize.t('error.config', { detail })}`);
    this.fields.unmount();
    this.phase = 'error';
    this.reportError(codes[0], errorMessage('error.config', { detail }), undefined, { causes: codes });
  }

  /** Controls inside the element or slotted into it that carry a `name` (R2 forbids it). */
  private namedControls(): string[] {
    const selector = 'input[name], select[name], textarea[name]';
    const found = [...this.querySelectorAll(selector), ...this.renderRoot.querySelectorAll(selector)];
    return found.map((el) => `${el.localName}[name="${el.getAttribute('name')}"]`);
  }

  /** Console warnings for every failing check, once per element and message. */
  private warnAboutAudit(): void {
    for (const entry of this.audit()) {
      if (entry.ok || this.warned.has(entry.message)) continue;
      this.warned.add(entry.message);
      console.warn(`<mp-checkout> ${entry.id}: ${entry.message}`);
    }
  }

  private syncStates(): void {
    const states = this.internals.states;
    const active: Record<string, boolean> = {
      loading: this.phase === 'loading',
      ready: this.phase === 'ready' && !this.payment.submitting && !this.disabled,
      submitting: this.payment.submitting,
      error: this.phase === 'error',
    };
    for (const [name, on] of Object.entries(active)) {
      if (on) states.add(name);
      else states.delete(name);
    }
  }

  // ——— SDK and fields (called by the controllers) ———

  /** @internal Called by a controller. */
  sdkReady(mp: MercadoPagoInstance): void {
    if (blockingProblems({ mode: this.mode, secureContext: window.isSecureContext, officialSdk: hasOfficialSdkScript() }).includes('sdk_not_official')) {
      return this.refuse([{ code: 'sdk_not_official' }]);
    }
    this.card.reset();
    this.updateComplete.then(() => {
      if (!this.isConnected || this.sdk.mp !== mp) return;
      // The Secure Fields take their screen-reader labels at creation: wait for the language.
      if (!this.localize.ready) return;
      this.idTypesLoaded = this.loadIdentificationTypes(mp);
      this.fields.mount(mp);
    });
  }

  /** @internal Called by a controller. */
  sdkFailed(code: 'sdk_load_failed' | 'sdk_timeout', cause: unknown): void {
    this.fail(code, `error.${code}`, cause);
    this.offerReload = true;
  }

  /** @internal Called by a controller. */
  secureFieldOptions(field: SecureFieldType): SecureFieldOptions {
    return {
      placeholder: this.localize.t(`placeholder.${field}`) || undefined,
      srLabel: this.localize.t(`field.${field}`) || undefined,
      ariaRequired: true,
      style: secureFieldStyle(this),
    };
  }

  /** @internal Called by a controller. */
  async fieldsReady(): Promise<void> {
    // Ready means the whole form: the document types too, so a buyer never sees it grow under them.
    const typesLoaded = await this.idTypesLoaded;
    if (!typesLoaded || !this.fields.ready) return;
    this.phase = 'ready';
    this.retryWith = undefined;
    this.dispatchEvent(new MpReadyEvent());
    this.warnAboutAudit();
  }

  /** @internal Called by a controller. */
  fieldsFailed(code: 'fields_timeout' | 'fields_mount_failed' | 'sdk_request_failed', cause?: unknown): void {
    if (code === 'sdk_request_failed') {
      this.reportError(code, errorMessage('error.sdk_request_failed'), cause);
      return;
    }
    this.failToBuild(code, code === 'fields_timeout' ? 'error.fields_timeout' : 'error.sdk_request_failed', cause);
  }

  /** @internal Called by a controller. */
  binChanged(bin: string | null): void {
    if (!this.sdk.mp) return;
    this.setFieldError('cardNumber', undefined);
    void this.card.binChanged(this.sdk.mp, bin, this.installmentQuery);
  }

  /** @internal Called by a controller. */
  secureFieldChanged(field: SecureFieldType): void {
    const cause = this.fields.causes.get(field);
    const shown = cause && this.fields.touched.has(field) ? secureFieldError(field, cause) : undefined;
    if (shown || this.fieldErrors[field]) this.setFieldError(field, shown);
    this.dispatchEvent(new MpChangeEvent({ field, valid: cause === undefined }));
  }

  /** @internal Called by a controller. */
  cardMethodChanged(method: PaymentMethod | undefined): void {
    this.fields.applySettings(settingsForBin(method, this.card.bin));
    this.adoptAccountSite(method?.site_id);
    this.requestUpdate();
    if (method) this.dispatchEvent(new MpChangeEvent({ field: 'paymentMethod', paymentMethodId: method.id }));
  }

  /** @internal Called by a controller. */
  cardProblem(problem: CardProblem, cause?: unknown): void {
    if (problem === 'card_not_supported') {
      this.setFieldError('cardNumber', errorMessage('validation.cardNumber.unsupported'));
      return;
    }
    this.reportError(problem, errorMessage(`error.${problem}`), cause);
    if (problem === 'sdk_request_failed') this.retryWith = () => this.binChanged(this.card.bin);
  }

  /** @internal Called by a controller. */
  localeActivated(): void {
    this.fields.refreshOptions();
    // Configuration errors are explained in the buyer's language, so the first check waits for it.
    if (this.sdk.mp) this.syncSdk(); // a no-op unless MercadoPago.js's own locale changed
    if (this.phase === 'loading' && !this.sdk.mp) this.start();
    else if (this.sdk.mp && !this.fields.mounted && this.phase === 'loading') this.sdkReady(this.sdk.mp);
    this.dispatchEvent(new MpChangeEvent({ field: 'locale' }));
  }

  /**
   * Amounts, financing rules and links follow the account's country, whatever the page's language
   * says (a Brazilian-language page on an Argentine account still charges pesos).
   */
  private adoptAccountSite(siteId: unknown): void {
    if (!isSiteId(siteId) || siteId === this.resolvedSite) return;
    this.accountSite = siteId;
    this.warnAboutAudit();
  }

  /** Loads the document types (none in Mexico); false when they could not be loaded. */
  private async loadIdentificationTypes(mp: MercadoPagoInstance): Promise<boolean> {
    if (this.resolvedSite === 'MLM') {
      this.idTypes = [];
      return true;
    }
    try {
      const types = await mp.getIdentificationTypes();
      if (this.sdk.mp !== mp) return false;
      this.idTypes = Array.isArray(types) ? types : [];
      if (!this.idTypes.some((t) => t.id === this.idType)) this.idType = this.idTypes[0]?.id ?? '';
      return true;
    } catch (error) {
      // Without document types the card cannot be tokenized in most countries: stop and offer a retry.
      this.failToBuild('sdk_request_failed', 'error.sdk_request_failed', error);
      return false;
    }
  }

  /** What the installments are asked for, read when they are (the site may have just changed). */
  private readonly installmentQuery = () => ({ amount: this.amount ?? 0, site: this.resolvedSite, min: this.minInstallments, max: this.maxInstallments });

  // ——— payment (called by the payment controller) ———

  /** @internal Called by a controller. */
  validateForm(): boolean {
    const errors = validateCheckoutForm({
      card: this.card,
      quoteIsCurrent: this.quoteIsCurrent,
      secureFieldCauses: this.fields.causes,
      cardholderName: this.cardholderName,
      idTypes: this.idTypes,
      idType: this.idType,
      idNumber: this.idNumber,
      payerEmail: this.payerEmail,
      email: this.email,
    });
    if (this.showFieldErrors(errors)) return false;
    this.message = undefined;
    return true;
  }

  /** @internal Called by a controller. */
  confirmSubmit(summary: PaymentSummary): boolean {
    this.clearFeedback();
    const { amount, paymentMethodId, installments } = summary;
    return this.dispatchEvent(new MpSubmitEvent({ amount, paymentMethodId, installments }));
  }

  /** @internal Called by a controller. */
  createToken(): Promise<string> {
    return this.fields.createCardToken({
      cardholderName: this.cardholderName.trim(),
      identificationType: this.idTypes.length ? this.idType : undefined,
      identificationNumber: this.idTypes.length ? this.idNumber.trim() : undefined,
    });
  }

  /** @internal Called by a controller. */
  paymentRequest(): PaymentRequestParts {
    const { method, issuerId, processingMode, selectedChoice } = this.card;
    const installments = this.card.installments || 1;
    const amount = this.amount ?? 0;
    const payer: PayerData = {
      ...this.payer,
      email: this.payerEmail || this.payer?.email || this.email.trim(),
      first_name: this.payerFirstName || this.payer?.first_name,
      last_name: this.payerLastName || this.payer?.last_name,
      identification: this.idTypes.length ? { type: this.idType, number: this.idNumber.trim() } : this.payer?.identification,
    };
    // Read now, not after the token: the buyer or the page may change the form while it is made.
    const input: Omit<PaymentPayloadInput, 'token'> = {
      paymentMethodId: method?.id ?? '',
      issuerId: issuerId || undefined,
      installments,
      paymentMethodOptionId: selectedChoice?.paymentMethodOptionId,
      processingMode,
      amount,
      description: this.description,
      statementDescriptor: this.statementDescriptor,
      externalReference: this.externalReference,
      payer,
      items: this.items ?? undefined,
      deviceId: (window as { MP_DEVICE_SESSION_ID?: string }).MP_DEVICE_SESSION_ID,
    };
    return {
      action: this.action,
      headers: { ...this.headers },
      timeoutMs: this.requestTimeout,
      summary: { amount, paymentMethodId: method?.id, paymentMethodName: method?.name, installments },
      body: (token: string) => buildPaymentPayload({ ...input, token }),
    };
  }

  /** @internal Called by a controller. */
  tokenFailed(rejection: unknown): void {
    const errors = tokenErrors(rejection);
    const fieldErrors: FieldErrors = {};
    for (const e of errors) if (e.field && !fieldErrors[e.field]) fieldErrors[e.field] = errorMessage([e.key, 'tokenError._default']);
    if (!this.showFieldErrors(fieldErrors)) {
      this.reportError('tokenize_failed', errorMessage([errors[0]?.key ?? 'tokenError._default', 'error.tokenize_failed']), rejection);
    }
  }

  /** @internal Called by a controller. */
  paymentAnswered(outcome: ClientOutcome, source: 'submit' | 'poll'): void {
    if (outcome.type === 'result') return this.showResult(outcome, source);
    if (source === 'poll') return; // a failed poll keeps the pending message; the payment is not lost
    if (outcome.type === 'rejected-request') {
      const cause = outcome.causes[0];
      const vars = this.resultVars();
      if (cause?.field) this.setFieldError(cause.field, errorMessage([cause.key, 'apiCause._default'], vars));
      this.reportError('bad_request', errorMessage([cause?.key ?? 'apiCause._default', 'apiCause._default'], vars), undefined, {
        httpStatus: outcome.httpStatus,
        causes: outcome.causes.map((c) => c.code),
      });
      if (cause?.field) this.focusField(cause.field);
      return;
    }
    // The outcome is unknown: "Try again" repeats the same attempt (same key, token and body).
    this.retryWith = () => void this.submit();
    this.reportError(outcome.code, errorMessage(`error.${outcome.code}`), undefined, { httpStatus: outcome.httpStatus || undefined });
  }

  /** The values the result messages quote: those of the payment that was sent, not of the form now. */
  private resultVars(): Record<string, unknown> {
    const sent = this.payment.sent;
    const installments = sent?.installments ?? (this.card.installments || 1);
    return {
      amount: this.money(sent?.amount ?? this.amount),
      paymentMethod: sent?.paymentMethodName ?? this.card.method?.name ?? this.localize.t('field.cardNumber'),
      installments,
      // i18next picks the singular wording ("_one" keys) from `count`.
      count: installments,
      statementDescriptor: this.statementDescriptor,
    };
  }

  private showResult(outcome: Extract<ClientOutcome, { type: 'result' }>, source: 'submit' | 'poll'): void {
    const kind = resultKind(outcome.status);
    const keys = resultMessageKeys(outcome.status, outcome.statusDetail, { hasStatementDescriptor: Boolean(this.statementDescriptor) });
    this.message = { keys, vars: this.resultVars(), tone: kind === 'approved' ? 'success' : kind === 'rejected' ? 'error' : 'info' };
    this.lastPayment = { id: outcome.id, status: outcome.status, statusDetail: outcome.statusDetail };
    this.retryWith = undefined;
    this.offerAnotherCard = kind === 'rejected' && isRetryableWithAnotherCard(outcome.statusDetail);
    if (kind === 'approved') {
      this.phase = 'done';
      this.payment.stopPolling();
    }
    if (kind === 'rejected') {
      if (this.phase === 'done') this.reopenForm(); // a pending payment that was finally rejected
      const field = fieldForStatusDetail(outcome.statusDetail);
      if (field) {
        this.setFieldError(field, errorMessage(keys, this.resultVars()));
        if (isSecureField(field)) this.fields.markInvalid(field, true);
        this.focusField(field);
      }
    }
    this.dispatchEvent(new MpPaymentEvent({ id: outcome.id, status: outcome.status, statusDetail: outcome.statusDetail, kind }));
    if (kind === 'pending' && source === 'submit') this.followPending(outcome);
    if (this.phase === 'done' && !this.challenge) this.focusMessage();
    if (kind === 'approved' && isHttpUrl(this.successUrl, document.baseURI)) {
      window.location.assign(new URL(this.successUrl, document.baseURI).href);
    }
  }

  /** The form is hidden under a final or pending result: keep keyboard focus on what replaced it. */
  private focusMessage(): void {
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="message"]')?.focus());
  }

  /** Back from a detach with a pending payment: keep following it (the fields stay unmounted). */
  private resumeOutcome(): void {
    if (this.challenge) {
      this.updateComplete.then(() => this.openChallenge());
      return;
    }
    const last = this.lastPayment;
    if (last && resultKind(last.status) === 'pending' && !this.payment.polling) this.pollStatus(last.id);
  }

  /** A pending payment ended in a rejection: the buyer may pay again, with the fields as they are. */
  private reopenForm(): void {
    if (this.fields.ready) {
      this.phase = 'ready';
      return;
    }
    this.phase = 'loading';
    if (this.sdk.mp) this.sdkReady(this.sdk.mp);
    else this.start();
  }

  private followPending(outcome: Extract<ClientOutcome, { type: 'result' }>): void {
    if (outcome.threeDsInfo) {
      this.challenge = { url: outcome.threeDsInfo.externalResourceUrl, creq: outcome.threeDsInfo.creq };
      this.phase = 'done';
      this.updateComplete.then(() => this.openChallenge());
      return;
    }
    this.phase = 'done';
    this.pollStatus(outcome.id);
  }

  private pollStatus(paymentId: string | undefined): void {
    if (!this.statusAction || !paymentId) return;
    this.payment.poll(
      { statusAction: this.statusAction, paymentId, headers: { ...this.headers }, timeoutMs: this.requestTimeout, firstDelayMs: 1000, maxAttempts: 8 },
      (outcome) => outcome.type === 'result' && resultKind(outcome.status) !== 'pending',
    );
  }

  private openChallenge(): void {
    const form = this.renderRoot.querySelector<HTMLFormElement>('form.challenge-form');
    const button = form?.querySelector<HTMLButtonElement>('button');
    if (form && button) form.requestSubmit(button);
  }

  private challengeMessage(event: MessageEvent): void {
    const frame = this.renderRoot.querySelector<HTMLIFrameElement>('iframe.challenge');
    if (!frame || event.source !== frame.contentWindow) return;
    const data = event.data as { status?: unknown } | null;
    if (data?.status !== 'COMPLETE') return;
    this.challenge = undefined;
    this.message = { keys: 'ui.processing', tone: 'info' };
    this.pollStatus(this.lastPayment?.id);
  }

  // ——— feedback ———

  private fail(code: string, key: string, cause?: unknown): void {
    this.phase = 'error';
    this.reportError(code, errorMessage(key), cause);
  }

  /** Shows a technical error in the live region, logs it, and fires mp-error. */
  private reportError(code: string, message: Message, cause?: unknown, extra: { httpStatus?: number; causes?: string[] } = {}): void {
    this.message = message;
    Promise.all([this.updateComplete, this.localize.loaded]).then(() => {
      const text = this.localize.t(message.keys, message.vars as never) || code;
      if (cause !== undefined) console.warn(`<mp-checkout> ${code}:`, cause instanceof Error ? cause.message : cause);
      this.dispatchEvent(new MpErrorEvent({ code, message: text, ...extra }));
    });
  }

  private clearFeedback(): void {
    this.message = undefined;
    this.fieldErrors = {};
    this.offerAnotherCard = false;
    this.retryWith = undefined;
  }

  private setFieldError(field: FieldName, message: Message | undefined): void {
    this.fieldErrors = { ...this.fieldErrors, [field]: message };
    if (!message) delete this.fieldErrors[field];
  }

  /**
   * Replaces the field errors with these (the Secure Fields are marked inside their iframes too),
   * announces them and focuses the first. False when there are none.
   */
  private showFieldErrors(errors: FieldErrors): boolean {
    this.fieldErrors = errors;
    for (const type of SECURE_FIELDS) this.fields.markInvalid(type, Boolean(errors[type]));
    const first = Object.keys(errors)[0] as FieldName | undefined;
    if (!first) return false;
    // One error is read out as is; several send the buyer to the highlighted fields.
    this.message = Object.keys(errors).length === 1 ? { ...errors[first]!, tone: 'error' } : errorMessage('ui.checkFields');
    this.focusField(first);
    return true;
  }

  private focusField(field: FieldName): void {
    if (isSecureField(field)) return this.fields.focus(field);
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus());
  }

  private tryAnotherCard(): void {
    this.clearFeedback();
    this.payment.attempts.settle();
    this.card.reset();
    if (this.sdk.mp) this.fields.mount(this.sdk.mp);
    this.phase = 'loading';
  }

  /** The form could not be built (fields or document types): stop, and let "Try again" build it anew. */
  private failToBuild(code: string, key: string, cause?: unknown): void {
    this.fail(code, key, cause);
    this.retryWith = () => this.rebuildForm();
  }

  /** The form never became usable (fields or document types failed): build it again. */
  private rebuildForm(): void {
    this.phase = 'loading';
    this.clearFeedback();
    if (this.sdk.mp) this.sdkReady(this.sdk.mp);
  }

  private changed(detail: MpChangeDetail): void {
    this.dispatchEvent(new MpChangeEvent(detail));
  }

  // ——— rendering: the templates take translated text, values and callbacks ———

  private t(keys: string | string[], vars?: Record<string, unknown>): string {
    return this.localize.t(keys, vars as never);
  }

  private text(message: Message | undefined): string {
    return message ? this.t(message.keys, message.vars) : '';
  }

  private get locked(): boolean {
    return this.disabled || this.payment.submitting || this.phase !== 'ready';
  }

  /** The installment options were quoted for the amount shown now. */
  private get quoteIsCurrent(): boolean {
    return !this.card.loading && this.card.quotedAmount === this.amount;
  }

  /** One field's ids, label and error, as every field template takes them. */
  private fieldView(field: FieldName): FieldView {
    const error = this.fieldErrors[field];
    return {
      id: `${this.idPrefix}-${field}`,
      label: this.t(`field.${field}`),
      errorId: `${this.idPrefix}-${field}-error`,
      error: this.text(error),
      invalid: Boolean(error),
      disabled: this.locked,
    };
  }

  private secureFieldView(type: SecureFieldType, wide: boolean): SecureFieldView {
    const brand = type === 'cardNumber' && this.card.method ? this.card.method.name : undefined;
    return { ...this.fieldView(type), slot: SECURE_FIELD_SLOTS[type], brand, wide };
  }

  private textInput(field: 'cardholderName' | 'email', part: string, value: string, input: { type: string; autocomplete: string; inputmode: string }, onInput: (value: string) => void) {
    const placeholder = this.t(`placeholder.${field}`);
    return textField({ ...this.fieldView(field), ...input, field, part, placeholder, value, onInput, onChange: () => this.changed({ field }) });
  }

  private identificationView(): IdentificationView {
    const onTypeChange = (id: string) => {
      this.idType = id;
      this.changed({ field: 'identificationType' });
    };
    return {
      types: this.idTypes,
      type: { ...this.fieldView('identificationType'), value: this.idType, onChange: onTypeChange },
      number: {
        ...this.fieldView('identificationNumber'),
        value: this.idNumber,
        placeholder: this.t('placeholder.identificationNumber'),
        onInput: (value) => (this.idNumber = value),
        onChange: () => this.changed({ field: 'identificationNumber' }),
      },
    };
  }

  private issuerView(): IssuerView {
    return {
      ...this.fieldView('issuer'),
      issuers: this.card.issuers,
      value: this.card.issuerId,
      placeholder: this.t('ui.selectPlaceholder'),
      onChange: (issuerId) => {
        this.card.issuerId = issuerId;
        this.changed({ field: 'issuer' });
        this.requestUpdate();
      },
    };
  }

  private installmentsView(): InstallmentsView {
    const current = this.quoteIsCurrent;
    const selected = this.card.selectedChoice;
    return {
      ...this.fieldView('installments'),
      disabled: this.locked || !current,
      options: this.card.choices.map((c) => ({ installments: c.installments, label: this.installmentLabel(c), selected: c === selected })),
      bankInterestNote: selected?.bankMayChargeInterest ? this.t('installments.bankInterest') : undefined,
      financing: selected && current ? this.financingView(selected) : undefined,
      onChange: (installments) => {
        this.card.installments = installments;
        this.changed({ field: 'installments', installments: this.card.installments });
        this.requestUpdate();
      },
    };
  }

  private installmentLabel(c: InstallmentChoice): string {
    if (c.installments === 1) return this.t('installments.single', { amount: this.money(c.totalAmount) });
    const base = this.t('installments.optionTotal', { count: c.installments, amount: this.money(c.installmentAmount), total: this.money(c.totalAmount) });
    return c.interestFree ? `${base} · ${this.t('installments.interestFree')}` : base;
  }

  private financingView(c: InstallmentChoice): FinancingView {
    const percent = (value: number | undefined) =>
      value === undefined ? undefined : `${new Intl.NumberFormat(this.localize.language || 'en', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)}%`;
    const plan = c.installments === 1
      ? this.t('installments.single', { amount: this.money(c.installmentAmount) })
      : this.t('financing.installments', { count: c.installments, amount: this.money(c.installmentAmount) });
    return {
      mla: this.resolvedSite === 'MLA',
      installments: c.installments,
      bankMayChargeInterest: c.bankMayChargeInterest,
      labels: {
        cashPrice: this.t('financing.cashPrice'),
        financedPrice: this.t('financing.financedPrice'),
        installments: this.t('field.installments'),
        tea: this.t('financing.tea'),
        tna: this.t('financing.tna'),
        cft: this.t('financing.cft'),
      },
      cashPrice: this.money(this.amount),
      financedPrice: this.money(c.totalAmount),
      plan,
      tea: percent(c.tea),
      tna: percent(c.tna),
      cft: percent(c.cft),
      replaced: this.disclosureReplaced !== null,
    };
  }

  /** The merchant's element that replaces the default financing disclosure, if any. */
  private get disclosureReplaced(): Element | null {
    return this.querySelector(':scope > [slot="price-disclosure"][data-replace]');
  }

  /** The one way out of the failure on screen, if there is one. */
  private recoveryView(): RecoveryView | undefined {
    if (this.offerReload) return { label: this.t('ui.reload'), onClick: () => window.location.reload() };
    if (this.retryWith) return { label: this.t('ui.retry'), onClick: this.retryWith };
    if (this.offerAnotherCard) return { label: this.t('ui.tryAnotherCard'), onClick: () => this.tryAnotherCard() };
    return undefined;
  }

  protected override render(): TemplateResult {
    const ready = this.localize.ready;
    const tone = this.message?.tone ?? 'info';
    // Under an error, a challenge, or a payment that is approved or still pending, there is nothing to fill in.
    const hideForm = this.phase === 'error' || this.phase === 'done' || Boolean(this.challenge);
    const site = SITES[this.resolvedSite];
    const submitting = this.payment.submitting;
    return html`<div part="base" aria-busy=${this.phase === 'loading' ? 'true' : 'false'}>
      ${this.mode === 'test' && ready ? html`<span part="test-badge" title=${this.t('ui.testModeHint')}>${this.t('ui.testMode')}</span>` : nothing}
      ${ready
        ? banner({
            accepted: this.t('banner.accepted'),
            promotions: { href: site.promotionsUrl, text: this.t('banner.promotions') },
            financingCosts: { href: site.financingCostsUrl, text: this.t('banner.financingCosts') },
          })
        : nothing}
      <form part="form" novalidate ?hidden=${hideForm} @submit=${(e: Event) => {
        e.preventDefault();
        void this.submit();
      }}>
        ${this.phase === 'loading' ? html`<p class="wide note">${this.t('ui.loading')}</p>` : nothing}
        ${secureField(this.secureFieldView('cardNumber', true))} ${secureField(this.secureFieldView('expirationDate', false))} ${secureField(this.secureFieldView('securityCode', false))}
        ${this.textInput('cardholderName', 'cardholder-name', this.cardholderName, { type: 'text', autocomplete: 'cc-name', inputmode: 'text' }, (v) => (this.cardholderName = v))}
        ${identification(this.identificationView())}
        ${this.payerEmail ? nothing : this.textInput('email', 'email', this.email, { type: 'email', autocomplete: 'email', inputmode: 'email' }, (v) => (this.email = v))}
        ${this.card.needsIssuer ? issuerSelect(this.issuerView()) : nothing} ${installmentsSelect(this.installmentsView())} ${payActions({
          label: submitting ? this.t('ui.paying') : this.t('ui.pay', { amount: this.money(this.amount) }),
          busy: submitting,
          disabled: this.locked,
        })}
        <p class="wide note">${this.t('ui.secureNotice')}</p>
      </form>
      ${challengeFrame(this.challenge && { frameName: `${this.idPrefix}-3ds`, title: this.t('ui.challengeTitle'), ...this.challenge })}
      <div part="message" class="tone-${tone}" tabindex="-1" role="status" aria-live="polite" aria-atomic="true">${this.text(this.message)}</div>
      ${recoveryButton(this.recoveryView())}
    </div>`;
  }
}
