/**
 * Watches the page for what Mercado Pago's production requirements forbid or ask for, as it
 * changes: a named control added to the card form (R2), the merchant's slotted terms, banner and
 * disclosure (R7–R9). It gathers the facts `audit()` judges and warns once per failing check.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { auditChecklist, type AuditEntry } from '../session/guard.js';
import { isSiteId, siteFromLocale } from '../mercadopago/sites.js';
import type { PayerData } from '../merchant/payload.js';
import type { ConfigController } from './config-controller.js';
import type { LocalizeController } from './localize-controller.js';

/** The element's attributes the audit reads besides the configuration's. */
export interface AuditedAttributes {
  payerEmail: string;
  payer?: PayerData;
  items?: unknown[] | null;
  statusAction: string;
  site: string;
}

export interface GuardControllerOptions {
  config: ConfigController;
  localize: LocalizeController;
}

export class GuardController implements ReactiveController {
  private readonly warned = new Set<string>();
  // Page editors and plugins change slotted content under us: re-render when the merchant's own
  // children or their slots change (the disclosure slot), and watch R2, since a named control may be
  // added at any time. The Secure Fields' iframes coming and going inside our mount containers are
  // not the merchant's content and cause no render.
  private readonly watcher = new MutationObserver((mutations) => {
    if (mutations.some((m) => m.target === this.host || m.attributeName === 'slot' || m.attributeName === 'data-replace')) this.host.requestUpdate();
    if (this.namedControls().length) this.warn();
  });

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & AuditedAttributes,
    private readonly options: GuardControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.watcher.observe(this.host, { subtree: true, childList: true, attributes: true, attributeFilter: ['name', 'slot', 'data-replace'] });
  }

  hostDisconnected(): void {
    this.watcher.disconnect();
  }

  /** Controls inside the element or slotted into it that carry a `name` (R2 forbids it). */
  private namedControls(): string[] {
    const selector = 'input[name], select[name], textarea[name]';
    const found = [...this.host.querySelectorAll(selector), ...(this.host.shadowRoot?.querySelectorAll(selector) ?? [])];
    return found.map((el) => `${el.localName}[name="${el.getAttribute('name')}"]`);
  }

  /** What the merchant slotted: none means the element's default shows; content that says nothing hides it. */
  private slotted(name: 'terms' | 'banner' | 'price-disclosure'): { any: boolean; visible: boolean } {
    const children = Array.from(this.host.querySelectorAll(`:scope > [slot="${name}"]`));
    return { any: children.length > 0, visible: children.some((c) => c.textContent?.trim() || c.querySelector('img, svg, picture')) };
  }

  /** Mercado Pago's production requirements (R1–R9) judged on this page now, in the buyer's language. */
  audit(): AuditEntry[] {
    const { host } = this;
    const { config, localize } = this.options;
    const siteNamed = config.accountOverride !== undefined || isSiteId(host.site) || siteFromLocale(localize.requestedTag) !== undefined;
    const facts = {
      ...this.pageFacts(),
      mode: config.mode,
      officialSdk: config.officialSdk(),
      secureContext: window.isSecureContext,
      configProblems: config.problems(),
      hasPayerEmail: Boolean(host.payerEmail || host.payer?.email),
      hasItems: Array.isArray(host.items) && host.items.length > 0,
      hasStatusAction: Boolean(host.statusAction),
      isArgentina: config.site === 'MLA',
      guessedSite: siteNamed ? undefined : config.site,
      accountSite: config.accountOverride,
    };
    return auditChecklist(facts, (key, vars) => localize.t(key, vars));
  }

  /** What the page shows around the form, as the audit judges it (R2, R7–R9). */
  private pageFacts(): { namedControls: string[]; bannerShown: boolean; disclosureShown: boolean; termsShown: boolean } {
    const banner = this.slotted('banner');
    return {
      namedControls: this.namedControls(),
      bannerShown: !banner.any || banner.visible,
      // The merchant's disclosure only adds to ours, unless it replaces it: then it must say something.
      disclosureShown: !this.disclosureReplaced || this.slotted('price-disclosure').visible,
      termsShown: this.slotted('terms').visible,
    };
  }

  /** The merchant's element that replaces the default financing disclosure, if any. */
  get disclosureReplaced(): boolean {
    return this.host.querySelector(':scope > [slot="price-disclosure"][data-replace]') !== null;
  }

  /** Console warnings for every failing check, once per element and message. */
  warn(): void {
    for (const entry of this.audit()) {
      if (entry.ok || this.warned.has(entry.message)) continue;
      this.warned.add(entry.message);
      console.warn(`<mp-checkout> ${entry.id}: ${entry.message}`);
    }
  }
}
