/**
 * The checkout's configuration, derived afresh from every attribute on every update (and again
 * when the buyer pays): the problems that refuse the form, the site in force and its money format.
 * A late or fixed attribute brings the form up; a broken one stops it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { configProblems, keyMode, refusingProblems, type CheckoutAttributes, type ConfigProblem, type KeyMode } from '../session/config.js';
import { sdkFromOfficialScript } from '../mercadopago/sdk-loader.js';
import { formatMoney, isSiteId, pageSite, type SiteId } from '../mercadopago/sites.js';

export interface ConfigControllerOptions {
  /** The language tag the page asks for (the locale attribute, the nearest lang…). */
  localeTag(): string;
  /** The loaded UI language, for number formats. */
  language(): string;
  /** Controls with a `name` inside or slotted into the element (R2). */
  namedControls(): string[];
  /** What refuses the form now (empty: nothing); the session ignores what changes nothing. */
  configured(refusing: ConfigProblem[]): void;
}

export class ConfigController implements ReactiveController {
  /** The account's country, as MercadoPago.js's answers name it (`site_id`): it beats the page's. */
  private accountSite?: SiteId;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & CheckoutAttributes,
    private readonly options: ConfigControllerOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.check();
  }

  get mode(): KeyMode | undefined {
    return keyMode(this.host.publicKey);
  }

  /** The active Mercado Pago site: the account's once MercadoPago.js named it, else the page's. */
  get site(): SiteId {
    return this.accountSite ?? this.pageSite;
  }

  /** Mexico's checkout asks for no document (MercadoPago.js has no document types there). */
  get asksNoDocument(): boolean {
    return this.site === 'MLM';
  }

  /** The site the page sets (the attribute) or implies (the locale's region). */
  get pageSite(): SiteId {
    return pageSite(this.host.site, this.options.localeTag());
  }

  /** The account's site when it overrode the page's, for the audit's warning. */
  get accountOverride(): { account: SiteId; page: SiteId } | undefined {
    return this.accountSite && this.accountSite !== this.pageSite ? { account: this.accountSite, page: this.pageSite } : undefined;
  }

  /** Amounts, financing and links follow the account's country; true when that changed the site. */
  adoptAccountSite(siteId: unknown): boolean {
    if (!isSiteId(siteId) || siteId === this.site) return false;
    this.accountSite = siteId;
    this.host.requestUpdate();
    return true;
  }

  /** MercadoPago.js came from the official script (undefined while that is not known yet). */
  officialSdk(): boolean | undefined {
    return sdkFromOfficialScript();
  }

  /** The element sits inside another shadow root, where the Secure Fields cannot mount. */
  get nestedInShadowRoot(): boolean {
    return this.host.isConnected && this.host.getRootNode() !== document;
  }

  /** Every configuration problem, refusing or not. */
  problems(): ConfigProblem[] {
    return configProblems(this.host, { resolvedSite: this.site, baseUrl: document.baseURI });
  }

  /** Tells the session what refuses the form now. Runs on every update and again on pay. */
  check(): void {
    const { host } = this;
    const page = {
      secureContext: window.isSecureContext,
      officialSdk: this.officialSdk(),
      nestedInShadowRoot: this.nestedInShadowRoot,
      namedControls: this.options.namedControls(),
    };
    this.options.configured(host.isConnected ? refusingProblems(this.problems(), this.mode, page) : []);
  }

  /** The amount in the site's currency and the UI language's format; empty until that language is loaded. */
  money(amount: number | undefined): string {
    // Nothing shows an amount before the language (its strings carry them), and the first render
    // must not pay for building a number format.
    const language = this.options.language();
    return !language || amount === undefined || !Number.isFinite(amount) ? '' : formatMoney(amount, this.site, language);
  }
}
