/**
 * Brings the card form up and keeps it matching the configuration: MercadoPago.js for the current
 * public key and language (requested as soon as there is a key), then the Secure Fields and the
 * document types; down again when the configuration is refused or the element leaves the page.
 * The form is ready (mp-ready) with its fields and its language: the document types are requested
 * beside the fields and never hold them back (issue #12), but no payment starts without them.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SdkController } from './sdk-controller.js';
import type { SecureFieldsController } from './secure-fields-controller.js';
import type { FormController } from './form-controller.js';
import type { CheckoutEvent, CheckoutState } from '../session/checkout-session.js';
import type { MercadoPagoInstance, SdkLocale } from '../mercadopago/sdk-types.js';

export interface FormLoaderOptions {
  sdk: SdkController;
  fields: SecureFieldsController;
  form: FormController;
  /** The public key, when it is one (a TEST- or APP_USR- key). */
  publicKey(): string | undefined;
  sdkLocale(): SdkLocale;
  /** The language is loaded (the form is ready only with its text); `settled`: no other one is coming. */
  language(): { ready: boolean; settled: boolean };
  /** Mexico asks for no document. */
  asksNoDocument(): boolean;
  /** Milliseconds to wait for the document types (the `sdk-timeout`). */
  timeoutMs(): number;
  state(): CheckoutState;
  dispatch: (event: CheckoutEvent) => void;
  /** Judges the configuration again (R1 can be judged once MercadoPago.js is here). */
  recheck(): void;
  /** Forgets the card the buyer typed (new fields, new card). */
  forgetCard(): void;
  failed(event: CheckoutEvent, cause: unknown): void;
  /** The fields and the language are in: the form is usable. */
  ready(): void;
}

export class FormLoader implements ReactiveController {
  /** The newest document-type load, settled however it ends: an older one (before a rebuild) changes nothing. */
  private idTypesLoad: Promise<void> = Promise.resolve();
  /** Ends the newest load without its outcome (a new load replaces it, or the element leaves). */
  private abandonIdTypes?: () => void;
  /** Whether the newest load was for a site that asks for no document (Mexico); undefined before any. */
  private loadedWithoutDocument?: boolean;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: FormLoaderOptions,
  ) {
    host.addController(this);
  }

  /**
   * MercadoPago.js is the longest wait on the way to a usable form: request it the moment the
   * element joins a page with a key, not after the first render or the language.
   */
  hostConnected(): void {
    if (this.wantsSdk()) this.syncSdk();
  }

  hostUpdated(): void {
    if (this.host.isConnected) this.advance();
  }

  /** Moves the form toward usable; called after every update. */
  advance(): void {
    const { fields, sdk } = this.options;
    const { phase } = this.options.state();
    if (phase === 'configuring') fields.unmount();
    if (this.wantsSdk()) this.syncSdk();
    if (phase === 'loading' && sdk.mp && !fields.mounted) this.build(sdk.mp);
    // The site changed under a built form (a corrected attribute, the account's country from a card
    // lookup) between Mexico and a site that asks for a document: the document field follows, and
    // the pay button shows it waits for it.
    const built = (phase === 'loading' || phase === 'ready') && sdk.mp && fields.mounted;
    if (built && this.loadedWithoutDocument !== undefined && this.loadedWithoutDocument !== this.options.asksNoDocument()) {
      this.loadIdentificationTypes(sdk.mp!);
      this.host.requestUpdate();
    }
  }

  /** A MercadoPago instance is ready, or the form must be built again: mount the fields, load the document types. */
  build(mp: MercadoPagoInstance): void {
    const { sdk, fields, dispatch } = this.options;
    if (!this.host.isConnected || sdk.mp !== mp) return;
    this.options.recheck();
    // The fields do not wait for the language: their labels are inline (secure-field-text.ts).
    if (this.options.state().phase === 'configuring') return;
    dispatch({ type: 'rebuild' });
    if (this.options.state().phase !== 'loading') return;
    this.options.forgetCard();
    this.loadIdentificationTypes(mp);
    fields.mount(mp);
  }

  /** Mounts fresh fields: "Try again" after a build failure, another card, reset(). */
  rebuild(): void {
    this.options.forgetCard();
    // Unmount before clearing the errors: Firefox fires `blur` on a focused field while its iframe
    // is removed, and what the old field reports then must not survive into the fresh form.
    this.options.fields.unmount();
    this.options.form.show({});
    this.options.dispatch({ type: 'rebuild' });
    this.advance();
  }

  /**
   * The fields said ready, or the language came (the element calls this then): ready means the
   * fields and the form's text, so the text never changes under the buyer.
   */
  fieldsReady(): void {
    if (!this.options.fields.ready || !this.options.language().ready || this.options.state().phase !== 'loading') return;
    this.options.dispatch({ type: 'form-ready' });
    this.options.ready();
  }

  /**
   * The current form's document types have not arrived, and its site asks for a document: a
   * payment now could send a token without it, so none starts (the pay button waits).
   */
  get documentTypesPending(): boolean {
    return this.abandonIdTypes !== undefined && !this.options.asksNoDocument();
  }

  /**
   * While the document types are pending, what settles once they have come, failed or timed out (a
   * payment asked for meanwhile waits for it); undefined when there is nothing to wait for.
   */
  documentTypesWait(): Promise<void> | undefined {
    return this.documentTypesPending ? this.idTypesLoad : undefined;
  }

  /** The element left the page (not a move): the fields and the instance go; a result stays. */
  teardown(): void {
    this.abandonIdTypes?.();
    this.options.fields.unmount();
    this.options.forgetCard();
    this.options.sdk.reset();
    this.options.dispatch({ type: 'detached' });
  }

  /**
   * The instance for the current key and SDK locale. A language change after the buyer typed card
   * data keeps the instance (the fields cannot be refilled; their placeholders follow the new
   * language); a new public key always rebuilds.
   */
  private syncSdk(): void {
    const { sdk, fields } = this.options;
    const publicKey = this.options.publicKey()!;
    const sameAccount = sdk.mp !== undefined && sdk.publicKey === publicKey;
    if (sameAccount && (fields.typed.size > 0 || !this.options.language().settled)) return;
    void sdk.ensure(publicKey, this.options.sdkLocale());
  }

  /** A form is (or may soon be) shown for a key: not under a result, a challenge or a failure. */
  private wantsSdk(): boolean {
    const { phase } = this.options.state();
    return (phase === 'configuring' || phase === 'loading' || phase === 'ready') && this.options.publicKey() !== undefined;
  }

  /**
   * Loads the document types (Mexico has none to load). Without them the card cannot be paid for, so a
   * failure, or no answer within the `sdk-timeout`, stops the form, ready or not, with "Try again".
   * Only the newest load counts: one a rebuild or another key has replaced changes nothing.
   */
  private loadIdentificationTypes(mp: MercadoPagoInstance): void {
    this.abandonIdTypes?.();
    this.loadedWithoutDocument = this.options.asksNoDocument();
    if (this.loadedWithoutDocument) return this.options.form.setIdentificationTypes([]);
    // A throw or a value that is not a promise, from a MercadoPago.js that misbehaves, is a failure like any.
    const types = new Promise<unknown>((resolve) => resolve(mp.getIdentificationTypes()));
    const load = new Promise<void>((settle) => {
      // The first of the answer, the timeout and an abandon ends the load; only the newest load's
      // outcome, for the instance it asked, touches the form. Every end settles what a payment waits on.
      const end = (outcome?: () => void) => {
        if (this.abandonIdTypes !== abandon) return;
        this.abandonIdTypes = undefined;
        clearTimeout(timer);
        if (this.options.sdk.mp === mp) outcome?.();
        this.host.requestUpdate();
        settle();
      };
      const abandon = () => end();
      const failed = (error: unknown) => end(() => this.options.failed({ type: 'build-failed', code: 'sdk_request_failed' }, error));
      const timer = setTimeout(() => failed(new Error('MercadoPago.js did not answer getIdentificationTypes in time')), this.options.timeoutMs());
      this.abandonIdTypes = abandon;
      types.then((list) => end(() => this.options.form.setIdentificationTypes(list)), failed);
    });
    this.idTypesLoad = load;
  }
}
