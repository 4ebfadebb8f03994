import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { styles } from './mp-checkout.styles.js';
import { LocalizeController } from './controllers/localize-controller.js';
import { SdkController } from './controllers/sdk-controller.js';
import { SECURE_FIELDS, SecureFieldsController } from './controllers/secure-fields-controller.js';
import { CardController, type CardProblem } from './controllers/card-controller.js';
import { PaymentController } from './controllers/payment-controller.js';
import { MpChangeEvent, MpErrorEvent, MpPaymentEvent, MpReadyEvent, MpSubmitEvent, type MpChangeDetail } from './events/events.js';
import { configProblems, keyMode, UNWORKABLE_PROBLEMS, type ConfigProblem } from './services/config.js';
import { auditChecklist, blockingProblems, type AuditEntry } from './services/guard.js';
import { hasOfficialSdkScript } from './services/sdk-loader.js';
import { resourceChain } from './services/i18n.js';
import { buildPaymentPayload, type PayerData } from './services/payload.js';
import type { ClientOutcome } from './services/payment-client.js';
import { fieldForStatusDetail, isRetryableWithAnotherCard, resultKind, resultMessageKeys, tokenErrors, type FieldName } from './services/messages.js';
import { formatMoney, isSiteId, siteFromLocale, SITES, type SiteId } from './services/sites.js';
import type { IdentificationType, MercadoPagoInstance, PaymentMethod, SdkLocale, SecureFieldOptions, SecureFieldType } from './services/sdk-types.js';
import { uniqueId } from './internal/unique-id.js';
import { secureFieldStyle } from './internal/secure-field-style.js';

/** A message to show, kept as keys so it re-renders in the new language after a switch. */
interface Message {
  keys: string | string[];
  vars?: Record<string, unknown>;
  tone: 'info' | 'success' | 'error';
}

type Phase = 'loading' | 'ready' | 'error' | 'done';



const SLOT_OF: Record<SecureFieldType, string> = {
  cardNumber: 'card-number',
  expirationDate: 'expiration-date',
  securityCode: 'security-code',
};

/** Parses the JSON `items` attribute; null marks invalid JSON (reported by the guard). */
const jsonArray = {
  fromAttribute(value: string | null): unknown[] | null | undefined {
    if (value === null || value.trim() === '') return undefined;
    try {
      const parsed: unknown = JSON.parse(value);
      return Array.isArray(parsed) ? parsed : null;
    } catch {
      return null;
    }
  },
};

/** Parses the JSON `messages` attribute (low-code tools can set attributes only). */
const jsonStrings = {
  fromAttribute(value: string | null): Record<string, string> | undefined {
    if (!value) return undefined;
    try {
      const parsed: unknown = JSON.parse(value);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : undefined;
    } catch {
      return undefined;
    }
  },
};

/**
 * A card checkout for Mercado Pago's Checkout API: Secure Fields, installments, the POST to the
 * merchant's endpoint and the localized result, in one tag.
 *
 * @summary Card payments through Mercado Pago, compliant with its production requirements.
 *
 * @slot terms - The merchant's terms-and-conditions link, shown next to the pay button.
 * @slot price-disclosure - Adds to or replaces the financing disclosure (Argentina: Resolution E 51/2017).
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
  @state() private fieldErrors: Partial<Record<FieldName, Message>> = {};
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

  private readonly idPrefix = uniqueId('mp-checkout');
  private readonly internals = this.attachInternals();
  private readonly localize = new LocalizeController(this);
  private readonly sdk = new SdkController(this, () => this.sdkTimeout);
  private readonly fields = new SecureFieldsController(this, () => this.sdkTimeout);
  private readonly card = new CardController(this);
  private readonly payment = new PaymentController(this);
  private idTypesLoaded: Promise<boolean> = Promise.resolve(true);
  private lastPayment?: { id?: string; status: string; statusDetail?: string };
  private readonly warned = new Set<string>();
  // A page editor or plugin may add a named control later: R2 is watched, not checked once.
  private readonly nameWatcher = new MutationObserver(() => {
    if (this.namedControls().length) this.warnAboutAudit();
  });
  private readonly onChallengeMessage = (event: MessageEvent) => this.challengeMessage(event);

  // ——— public API ———

  /** Validates and pays, as if the buyer pressed the pay button. */
  submit(): Promise<void> {
    if (this.phase !== 'ready' || this.disabled) return Promise.resolve();
    return this.payment.submit();
  }

  /** Clears what the buyer entered and any result, keeping the mounted fields. */
  reset(): void {
    this.cardholderName = this.idNumber = this.email = '';
    this.clearFeedback();
    this.payment.attempts.settle();
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
        disclosureShown: !disclosure.any || disclosure.visible,
        termsShown: terms.visible,
      },
      (key, vars) => this.localize.t(key, vars as never),
    );
  }

  // ——— derived configuration ———

  /** The active Mercado Pago site. */
  get resolvedSite(): SiteId {
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
    if (language === 'es' || language === 'pt-BR') return SITES[this.resolvedSite].sdkLocale;
    return language as SdkLocale;
  }

  private get problems(): ConfigProblem[] {
    return configProblems({
      publicKey: this.publicKey,
      amount: this.amount,
      action: this.action,
      site: this.site,
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
    this.ensureMountContainers();
    window.addEventListener('message', this.onChallengeMessage);
    this.nameWatcher.observe(this, { subtree: true, childList: true, attributes: true, attributeFilter: ['name'] });
    if (this.hasUpdated) this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('message', this.onChallengeMessage);
    this.nameWatcher.disconnect();
    // A DOM move disconnects and reconnects in one task: keep the mounted iframes through it.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.fields.unmount();
      this.payment.teardown();
      this.card.reset();
      this.sdk.reset();
      this.phase = 'loading';
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
      if (this.sdk.mp) void this.card.refreshInstallments(this.sdk.mp, this.installmentQuery());
    }
  }

  /** Checks the configuration, then loads the SDK and mounts the fields. */
  private start(): void {
    if (!this.isConnected || !this.hasUpdated) return;
    if (this.getRootNode() !== document) {
      // The SDK mounts by document.getElementById, which cannot see into shadow roots.
      return this.refuse([{ code: 'nested_shadow_root', detail: this.localize.t('error.nested_shadow_root') }]);
    }
    const problems = this.problems;
    const blocking = blockingProblems({ mode: this.mode, secureContext: window.isSecureContext, officialSdk: undefined });
    const fatal = this.mode === 'production' ? problems : problems.filter((p) => UNWORKABLE_PROBLEMS.has(p.code));
    if (fatal.length || blocking.length) {
      return this.refuse([
        ...blocking.map((code) => ({ code, detail: this.localize.t(`error.${code}`) })),
        ...fatal.map((p) => ({ code: p.code, detail: this.localize.t(`error.${p.code}`, p.vars) })),
      ]);
    }
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
  private refuse(problems: Array<{ code: string; detail: string }>): void {
    if (!this.localize.ready) return; // start() runs again once the language is loaded
    const detail = problems.map((p) => p.detail).join(' ');
    const codes = problems.map((p) => p.code);
    console.error(`<mp-checkout> ${codes.join(', ')}: ${this.localize.t('error.config', { detail })}`);
    this.fields.unmount();
    this.phase = 'error';
    this.reportError(codes[0], { keys: 'error.config', vars: { detail }, tone: 'error' }, undefined, { causes: codes });
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

  private ensureMountContainers(): void {
    for (const type of SECURE_FIELDS) {
      const id = this.containerId(type);
      if (this.querySelector(`#${CSS.escape(id)}`)) continue;
      const container = document.createElement('div');
      container.id = id;
      container.slot = SLOT_OF[type];
      container.style.height = '100%';
      this.append(container);
    }
  }

  private syncStates(): void {
    const states = this.internals.states;
    const active: Record<string, boolean> = {
      loading: this.phase === 'loading',
      ready: this.phase === 'ready' && !this.payment.submitting,
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
      return this.refuse([{ code: 'sdk_not_official', detail: this.localize.t('error.sdk_not_official') }]);
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
  containerId(field: SecureFieldType): string {
    return `${this.idPrefix}-${SLOT_OF[field]}`;
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
      this.reportError(code, { keys: 'error.sdk_request_failed', tone: 'error' }, cause);
      return;
    }
    this.fail(code, code === 'fields_timeout' ? 'error.fields_timeout' : 'error.sdk_request_failed', cause);
    this.retryWith = () => this.rebuildForm();
  }

  /** @internal Called by a controller. */
  binChanged(bin: string | null): void {
    if (!this.sdk.mp) return;
    this.setFieldError('cardNumber', undefined);
    // A different card is a new payment: its first submit must not reuse an unresolved attempt.
    if (bin && bin !== this.card.bin) this.payment.attempts.settle();
    void this.card.binChanged(this.sdk.mp, bin, this.installmentQuery());
  }

  /** @internal Called by a controller. */
  secureFieldChanged(field: SecureFieldType): void {
    const cause = this.fields.causes.get(field);
    const shown = cause && this.fields.touched.has(field) ? { keys: [`validation.${field}.${cause}`, 'tokenError._default'], tone: 'error' as const } : undefined;
    if (shown || this.fieldErrors[field]) this.setFieldError(field, shown);
    this.dispatchEvent(new MpChangeEvent({ field, valid: cause === undefined }));
  }

  /** @internal Called by a controller. */
  cardMethodChanged(method: PaymentMethod | undefined): void {
    this.fields.applySettings(method?.settings?.[0]);
    this.requestUpdate();
    if (method) this.dispatchEvent(new MpChangeEvent({ field: 'paymentMethod', paymentMethodId: method.id }));
  }

  /** @internal Called by a controller. */
  cardProblem(problem: CardProblem, cause?: unknown): void {
    if (problem === 'card_not_supported') {
      this.setFieldError('cardNumber', { keys: 'validation.cardNumber.unsupported', tone: 'error' });
      return;
    }
    this.reportError(problem, { keys: `error.${problem}`, tone: 'error' }, cause);
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
      this.fail('sdk_request_failed', 'error.sdk_request_failed', error);
      this.retryWith = () => this.rebuildForm();
      return false;
    }
  }

  private installmentQuery() {
    return { amount: this.amount ?? 0, site: this.resolvedSite, min: this.minInstallments, max: this.maxInstallments };
  }

  // ——— payment (called by the payment controller) ———

  /** @internal Called by a controller. */
  validateForm(): boolean {
    const errors: Partial<Record<FieldName, Message>> = {};
    const error = (keys: string | string[], vars?: Record<string, unknown>): Message => ({ keys, vars, tone: 'error' });
    for (const type of SECURE_FIELDS) {
      const cause = this.fields.causes.get(type);
      if (cause) errors[type] = error([`validation.${type}.${cause}`, 'tokenError._default']);
    }
    if (!this.card.bin && !errors.cardNumber) errors.cardNumber = error('validation.cardNumber.required');
    else if (this.card.bin && !this.card.method && !this.card.loading) errors.cardNumber = error('validation.cardNumber.unsupported');
    if (!/\p{L}/u.test(this.cardholderName)) errors.cardholderName = error('validation.cardholderName');
    const idType = this.idTypes.find((t) => t.id === this.idType);
    if (this.idTypes.length) {
      if (!idType) errors.identificationType = error('validation.required');
      else if (!this.idNumberValid(idType)) {
        errors.identificationNumber = error('validation.identificationNumberLength', { min: idType.min_length, max: idType.max_length });
      }
    }
    if (!this.payerEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(this.email.trim())) errors.email = error('validation.email');
    if (this.card.needsIssuer && !this.card.issuerId) errors.issuer = error('validation.issuer');
    // While a card or amount is being quoted, no plan is known yet: never pay with a stale one.
    if (this.card.bin && (this.card.loading || (this.card.method && !this.quoteIsCurrent) || (this.card.method && !this.card.installments))) {
      errors.installments = error('validation.installments');
    }
    this.fieldErrors = errors;
    for (const type of SECURE_FIELDS) this.fields.markInvalid(type, Boolean(errors[type]));
    const first = Object.keys(errors)[0] as FieldName | undefined;
    if (!first) {
      this.message = undefined;
      return true;
    }
    this.announceFieldErrors(first);
    return false;
  }

  private idNumberValid(type: IdentificationType): boolean {
    const value = this.idNumber.trim();
    if (value.length < (type.min_length || 1) || value.length > (type.max_length || 32)) return false;
    return type.type !== 'number' || /^\d+$/.test(value);
  }

  /** @internal Called by a controller. */
  confirmSubmit(): boolean {
    this.clearFeedback();
    const event = new MpSubmitEvent({ amount: this.amount ?? 0, paymentMethodId: this.card.method?.id, installments: this.card.installments });
    return this.dispatchEvent(event);
  }

  /** @internal Called by a controller. */
  async createToken(): Promise<string> {
    const mp = this.sdk.mp;
    if (!mp) throw new Error('MercadoPago.js is not ready');
    const token = await mp.fields.createCardToken({
      cardholderName: this.cardholderName.trim(),
      identificationType: this.idTypes.length ? this.idType : undefined,
      identificationNumber: this.idTypes.length ? this.idNumber.trim() : undefined,
    });
    if (!token || typeof token.id !== 'string') throw new Error('MercadoPago.js returned no token');
    return token.id;
  }

  /** @internal Called by a controller. */
  paymentRequest() {
    const choice = this.card.selectedChoice;
    const payer: PayerData = {
      ...this.payer,
      email: this.payerEmail || this.payer?.email || this.email.trim(),
      first_name: this.payerFirstName || this.payer?.first_name,
      last_name: this.payerLastName || this.payer?.last_name,
      identification: this.idTypes.length ? { type: this.idType, number: this.idNumber.trim() } : this.payer?.identification,
    };
    return {
      action: this.action,
      headers: { ...this.headers },
      timeoutMs: this.requestTimeout,
      body: (token: string) =>
        buildPaymentPayload({
          token,
          paymentMethodId: this.card.method?.id ?? '',
          issuerId: this.card.issuerId || undefined,
          installments: this.card.installments || 1,
          paymentMethodOptionId: choice?.paymentMethodOptionId,
          processingMode: this.card.processingMode,
          amount: this.amount ?? 0,
          description: this.description,
          statementDescriptor: this.statementDescriptor,
          externalReference: this.externalReference,
          payer,
          items: this.items ?? undefined,
          deviceId: (window as { MP_DEVICE_SESSION_ID?: string }).MP_DEVICE_SESSION_ID,
        }),
    };
  }

  /** @internal Called by a controller. */
  tokenFailed(rejection: unknown): void {
    const errors = tokenErrors(rejection);
    const fieldErrors: Partial<Record<FieldName, Message>> = {};
    for (const e of errors) if (e.field && !fieldErrors[e.field]) fieldErrors[e.field] = { keys: [e.key, 'tokenError._default'], tone: 'error' };
    this.fieldErrors = fieldErrors;
    for (const type of SECURE_FIELDS) this.fields.markInvalid(type, Boolean(fieldErrors[type]));
    const first = Object.keys(fieldErrors)[0] as FieldName | undefined;
    if (first) this.announceFieldErrors(first);
    else this.reportError('tokenize_failed', { keys: [errors[0]?.key ?? 'tokenError._default', 'error.tokenize_failed'], tone: 'error' }, rejection);
  }

  /** @internal Called by a controller. */
  paymentAnswered(outcome: ClientOutcome, source: 'submit' | 'poll'): void {
    if (outcome.type === 'result') return this.showResult(outcome, source);
    if (source === 'poll') return; // a failed poll keeps the pending message; the payment is not lost
    if (outcome.type === 'rejected-request') {
      const cause = outcome.causes[0];
      const vars = this.resultVars();
      if (cause?.field) this.setFieldError(cause.field, { keys: [cause.key, 'apiCause._default'], vars, tone: 'error' });
      this.reportError('bad_request', { keys: [cause?.key ?? 'apiCause._default', 'apiCause._default'], vars, tone: 'error' }, undefined, {
        httpStatus: outcome.httpStatus,
        causes: outcome.causes.map((c) => c.code),
      });
      if (cause?.field) this.focusField(cause.field);
      return;
    }
    if (outcome.code === 'aborted') return;
    // The outcome is unknown: "Try again" repeats the same attempt (same key, token and body).
    this.retryWith = () => void this.submit();
    this.reportError(outcome.code, { keys: `error.${outcome.code}`, tone: 'error' }, undefined, { httpStatus: outcome.httpStatus || undefined });
  }

  private resultVars(): Record<string, unknown> {
    return {
      amount: this.money(this.amount),
      paymentMethod: this.card.method?.name ?? this.localize.t('field.cardNumber'),
      installments: this.card.installments || 1,
      // i18next picks the singular wording ("_one" keys) from `count`.
      count: this.card.installments || 1,
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
      const field = fieldForStatusDetail(outcome.statusDetail);
      if (field) {
        this.setFieldError(field, { keys, vars: this.resultVars(), tone: 'error' });
        if (SECURE_FIELDS.includes(field as SecureFieldType)) this.fields.markInvalid(field as SecureFieldType, true);
        this.focusField(field);
      }
    }
    this.dispatchEvent(new MpPaymentEvent({ id: outcome.id, status: outcome.status, statusDetail: outcome.statusDetail, kind }));
    if (kind === 'pending' && source === 'submit') this.followPending(outcome);
    if (kind === 'approved' && this.successUrl) {
      const target = new URL(this.successUrl, document.baseURI);
      if (target.protocol === 'https:' || target.protocol === 'http:') window.location.assign(target.href);
    }
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

  private fail(code: string, keys: string | Message, cause?: unknown): void {
    const message: Message = typeof keys === 'string' ? { keys, tone: 'error' } : keys;
    this.phase = 'error';
    this.reportError(code, message, cause);
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

  private announceFieldErrors(first: FieldName): void {
    const count = Object.keys(this.fieldErrors).length;
    this.message = count === 1 ? { ...this.fieldErrors[first]!, tone: 'error' } : { keys: 'ui.checkFields', tone: 'error' };
    this.focusField(first);
  }

  private focusField(field: FieldName): void {
    if (SECURE_FIELDS.includes(field as SecureFieldType)) return this.fields.focus(field as SecureFieldType);
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus());
  }

  private tryAnotherCard(): void {
    this.clearFeedback();
    this.payment.attempts.settle();
    this.card.reset();
    if (this.sdk.mp) this.fields.mount(this.sdk.mp);
    this.phase = 'loading';
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

  // ——— rendering ———

  private t(keys: string | string[], vars?: Record<string, unknown>): string {
    return this.localize.t(keys, vars as never);
  }

  private text(message: Message | undefined): string {
    return message ? this.t(message.keys, message.vars) : '';
  }

  private errorId(field: FieldName): string {
    return `${this.idPrefix}-${field}-error`;
  }

  private renderError(field: FieldName): TemplateResult {
    return html`<div part="field-error" id=${this.errorId(field)}>${this.text(this.fieldErrors[field])}</div>`;
  }

  private renderSecureField(type: SecureFieldType, wide: boolean): TemplateResult {
    const labelId = `${this.idPrefix}-${type}-label`;
    const brand = type === 'cardNumber' && this.card.method ? html`<span class="brand">${this.card.method.name}</span>` : nothing;
    return html`<div part="field" class=${wide ? 'wide' : ''}>
      <span part="field-label" id=${labelId}>${this.t(`field.${type}`)} ${brand}</span>
      <div part="field-control ${SLOT_OF[type]}" class="secure ${this.fieldErrors[type] ? 'invalid' : ''}" role="group" aria-labelledby=${labelId} aria-describedby=${this.errorId(type)}>
        <slot name=${SLOT_OF[type]}></slot>
      </div>
      ${this.renderError(type)}
    </div>`;
  }

  private renderInput(field: FieldName, part: string, value: string, extra: { type?: string; autocomplete: string; inputmode: string; placeholder?: string }, onInput: (v: string) => void): TemplateResult {
    const id = `${this.idPrefix}-${field}`;
    const invalid = Boolean(this.fieldErrors[field]);
    return html`<div part="field" class="wide">
      <label part="field-label" for=${id}>${this.t(`field.${field}`)}</label>
      <input part=${part} id=${id} data-field=${field} type=${extra.type ?? 'text'} autocomplete=${extra.autocomplete}
        inputmode=${extra.inputmode} placeholder=${extra.placeholder ?? ''} .value=${live(value)} ?disabled=${this.locked}
        aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${this.errorId(field)} required
        @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
        @change=${() => this.changed({ field })} />
      ${this.renderError(field)}
    </div>`;
  }

  private get locked(): boolean {
    return this.disabled || this.payment.submitting || this.phase !== 'ready';
  }

  private renderIdentification(): TemplateResult | typeof nothing {
    if (!this.idTypes.length) return nothing;
    const typeId = `${this.idPrefix}-identificationType`;
    const numberId = `${this.idPrefix}-identificationNumber`;
    const current = this.idTypes.find((t) => t.id === this.idType);
    const invalid = (f: FieldName) => (this.fieldErrors[f] ? 'true' : 'false');
    return html`<div part="field" class="wide">
      <div class="id-row">
        <label part="field-label" for=${typeId}>${this.t('field.identificationType')}</label>
        <label part="field-label" for=${numberId}>${this.t('field.identificationNumber')}</label>
        <select part="identification-type" id=${typeId} data-field="identificationType" ?disabled=${this.locked}
          aria-invalid=${invalid('identificationType')} aria-describedby=${this.errorId('identificationType')}
          @change=${(e: Event) => {
            this.idType = (e.target as HTMLSelectElement).value;
            this.changed({ field: 'identificationType' });
          }}>
          ${this.idTypes.map((t) => html`<option value=${t.id} ?selected=${t.id === this.idType}>${t.name}</option>`)}
        </select>
        <input part="identification-number" id=${numberId} data-field="identificationNumber" type="text" autocomplete="off"
          inputmode=${current?.type === 'number' ? 'numeric' : 'text'} maxlength=${current?.max_length ?? 32}
          placeholder=${this.t('placeholder.identificationNumber')} .value=${live(this.idNumber)} ?disabled=${this.locked}
          aria-invalid=${invalid('identificationNumber')} aria-describedby="${this.errorId('identificationType')} ${this.errorId('identificationNumber')}" required
          @input=${(e: Event) => (this.idNumber = (e.target as HTMLInputElement).value)}
          @change=${() => this.changed({ field: 'identificationNumber' })} />
      </div>
      ${this.renderError('identificationType')} ${this.renderError('identificationNumber')}
    </div>`;
  }

  private renderIssuer(): TemplateResult | typeof nothing {
    if (!this.card.needsIssuer) return nothing;
    const id = `${this.idPrefix}-issuer`;
    return html`<div part="field" class="wide">
      <label part="field-label" for=${id}>${this.t('field.issuer')}</label>
      <select part="issuer" id=${id} data-field="issuer" ?disabled=${this.locked} aria-invalid=${this.fieldErrors.issuer ? 'true' : 'false'}
        aria-describedby=${this.errorId('issuer')}
        @change=${(e: Event) => {
          this.card.issuerId = (e.target as HTMLSelectElement).value;
          this.changed({ field: 'issuer' });
          this.requestUpdate();
        }}>
        <option value="" ?selected=${!this.card.issuerId}>${this.t('ui.selectPlaceholder')}</option>
        ${this.card.issuers.map((i) => html`<option value=${String(i.id)} ?selected=${String(i.id) === this.card.issuerId}>${i.name}</option>`)}
      </select>
      ${this.renderError('issuer')}
    </div>`;
  }

  private installmentLabel(c: { installments: number; installmentAmount: number; totalAmount: number; interestFree: boolean }): string {
    if (c.installments === 1) return this.t('installments.single', { amount: this.money(c.totalAmount) });
    const base = this.t('installments.optionTotal', { count: c.installments, amount: this.money(c.installmentAmount), total: this.money(c.totalAmount) });
    return c.interestFree ? `${base} · ${this.t('installments.interestFree')}` : base;
  }

  /** The installment options were quoted for the amount shown now. */
  private get quoteIsCurrent(): boolean {
    return !this.card.loading && this.card.quotedAmount === this.amount;
  }

  private renderInstallments(): TemplateResult | typeof nothing {
    const { choices } = this.card;
    if (!choices.length) return nothing;
    const current = this.quoteIsCurrent;
    const id = `${this.idPrefix}-installments`;
    const selected = this.card.selectedChoice;
    return html`<div part="field" class="wide">
      <label part="field-label" for=${id}>${this.t('field.installments')}</label>
      <select part="installments" id=${id} data-field="installments" ?disabled=${this.locked || !current}
        aria-invalid=${this.fieldErrors.installments ? 'true' : 'false'} aria-describedby=${this.errorId('installments')}
        @change=${(e: Event) => {
          this.card.installments = Number((e.target as HTMLSelectElement).value);
          this.changed({ field: 'installments', installments: this.card.installments });
          this.requestUpdate();
        }}>
        ${choices.map((c) => html`<option value=${c.installments} ?selected=${c === selected}>${this.installmentLabel(c)}</option>`)}
      </select>
      ${selected?.bankMayChargeInterest ? html`<p class="note">${this.t('installments.bankInterest')}</p>` : nothing}
      ${this.renderError('installments')} ${selected && current ? this.renderFinancing(selected) : nothing}
    </div>`;
  }

  private renderFinancing(c: NonNullable<CardController['selectedChoice']>): TemplateResult | typeof nothing {
    if (c.installments <= 1 && this.resolvedSite !== 'MLA') return nothing;
    const percent = (value: number | undefined) =>
      value === undefined ? '—' : `${new Intl.NumberFormat(this.localize.language || 'en', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)}%`;
    const mla = this.resolvedSite === 'MLA';
    // Argentina always shows TEA and CFT (Resolution E 51/2017); elsewhere only rates that are known,
    // and no financed total when the issuer, not Mercado Pago, sets the interest.
    const showRates = mla || c.tea !== undefined || c.cft !== undefined;
    const count = c.installments === 1
      ? this.t('installments.single', { amount: this.money(c.installmentAmount) })
      : this.t('financing.installments', { count: c.installments, amount: this.money(c.installmentAmount) });
    return html`<div part="financing" class=${mla ? 'mla' : ''}>
      <slot name="price-disclosure">
        <dl>
          <dt>${this.t('financing.cashPrice')}</dt><dd>${this.money(this.amount)}</dd>
          ${c.bankMayChargeInterest ? nothing : html`<dt>${this.t('financing.financedPrice')}</dt><dd>${this.money(c.totalAmount)}</dd>`}
          <dt>${this.t('field.installments')}</dt><dd>${count}</dd>
          ${showRates ? html`<dt>${this.t('financing.tea')}</dt><dd part="tea">${percent(c.tea)}</dd>` : nothing}
          ${c.tna !== undefined ? html`<dt>${this.t('financing.tna')}</dt><dd>${percent(c.tna)}</dd>` : nothing}
          ${showRates ? html`<dt part="cft">${this.t('financing.cft')}</dt><dd part="cft">${percent(c.cft)}</dd>` : nothing}
        </dl>
      </slot>
    </div>`;
  }

  private renderBanner(): TemplateResult {
    const site = SITES[this.resolvedSite];
    return html`<div part="banner">
      <slot name="banner">
        <span>${this.t('banner.accepted')}: Visa, Mastercard, American Express</span>
        <a href=${site.promotionsUrl} target="_blank" rel="noopener noreferrer">${this.t('banner.promotions')}</a>
        <a href=${site.financingCostsUrl} target="_blank" rel="noopener noreferrer">${this.t('banner.financingCosts')}</a>
      </slot>
    </div>`;
  }

  private renderActions(): TemplateResult {
    const submitting = this.payment.submitting;
    return html`<div class="wide actions">
      <slot name="terms"></slot>
      <button part="submit-button" type="submit" ?disabled=${this.locked} aria-busy=${submitting ? 'true' : 'false'}>
        ${submitting ? this.t('ui.paying') : this.t('ui.pay', { amount: this.money(this.amount) })}
      </button>
    </div>`;
  }

  private renderRecovery(): TemplateResult | typeof nothing {
    if (this.offerReload) return html`<button class="secondary" type="button" @click=${() => window.location.reload()}>${this.t('ui.reload')}</button>`;
    if (this.retryWith) return html`<button class="secondary" type="button" @click=${this.retryWith}>${this.t('ui.retry')}</button>`;
    if (this.offerAnotherCard) return html`<button class="secondary" type="button" @click=${() => this.tryAnotherCard()}>${this.t('ui.tryAnotherCard')}</button>`;
    return nothing;
  }

  private renderChallenge(): TemplateResult | typeof nothing {
    if (!this.challenge) return nothing;
    const frameName = `${this.idPrefix}-3ds`;
    // The creq travels as the submitter button's name/value: no input, select or textarea carries a name.
    return html`<iframe class="challenge" name=${frameName} title=${this.t('ui.challengeTitle')}></iframe>
      <form class="challenge-form" method="post" action=${this.challenge.url} target=${frameName} hidden>
        <button type="submit" name="creq" value=${this.challenge.creq} tabindex="-1"></button>
      </form>`;
  }

  protected override render(): TemplateResult {
    const ready = this.localize.ready;
    const tone = this.message?.tone ?? 'info';
    const hideForm = this.phase === 'error' || Boolean(this.challenge) || (this.phase === 'done' && this.message?.tone === 'success');
    return html`<div part="base" aria-busy=${this.phase === 'loading' ? 'true' : 'false'}>
      ${this.mode === 'test' && ready ? html`<span part="test-badge" title=${this.t('ui.testModeHint')}>${this.t('ui.testMode')}</span>` : nothing}
      ${ready ? this.renderBanner() : nothing}
      <form part="form" novalidate ?hidden=${hideForm} @submit=${(e: Event) => {
        e.preventDefault();
        void this.submit();
      }}>
        ${this.phase === 'loading' ? html`<p class="wide note">${this.t('ui.loading')}</p>` : nothing}
        ${this.renderSecureField('cardNumber', true)} ${this.renderSecureField('expirationDate', false)} ${this.renderSecureField('securityCode', false)}
        ${this.renderInput('cardholderName', 'cardholder-name', this.cardholderName, { autocomplete: 'cc-name', inputmode: 'text', placeholder: this.t('placeholder.cardholderName') }, (v) => (this.cardholderName = v))}
        ${this.renderIdentification()}
        ${this.payerEmail ? nothing : this.renderInput('email', 'email', this.email, { type: 'email', autocomplete: 'email', inputmode: 'email', placeholder: this.t('placeholder.email') }, (v) => (this.email = v))}
        ${this.renderIssuer()} ${this.renderInstallments()} ${this.renderActions()}
        <p class="wide note">${this.t('ui.secureNotice')}</p>
      </form>
      ${this.renderChallenge()}
      <div part="message" class="tone-${tone}" role="status" aria-live="polite" aria-atomic="true">${this.text(this.message)}</div>
      ${this.renderRecovery()}
    </div>`;
  }
}
