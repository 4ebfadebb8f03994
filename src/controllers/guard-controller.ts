/**
 * Watches the page for what Mercado Pago's production requirements forbid or ask for, as it
 * changes: a named control added to the card form (R2), Mercado Pago's device profile (R4), the
 * merchant's slotted terms, banner and disclosure (R7–R9). It gathers the facts `audit()` judges and
 * warns once per failing check.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { auditChecklist, type AuditEntry, type DeviceProfile } from '../session/guard.js';
import { OFFICIAL_SDK_URL, sdkLoadedAt } from '../mercadopago/sdk-loader.js';
import { isSiteId, siteFromLocale } from '../mercadopago/sites.js';
import type { ConfigController } from './config-controller.js';
import type { LocalizeController } from './localize-controller.js';
import type { CheckoutState } from '../session/checkout-session.js';

/** The element's attributes the audit reads besides the configuration's. */
export interface AuditedAttributes {
  items?: unknown[] | null;
  statusAction: string;
  site: string;
}

/**
 * How long after MercadoPago.js loaded its device profile may take to set `MP_DEVICE_SESSION_ID`
 * before it counts as not having run: one request to Mercado Pago and one inline script.
 */
export const DEVICE_PROFILE_GRACE_MS = 5_000;

export interface GuardControllerOptions {
  config: ConfigController;
  localize: LocalizeController;
  /** The checkout's state: a failure or a form still loading is part of the audit. */
  state(): CheckoutState;
  /** Ready, but the document types are still coming: nothing can be paid yet. */
  documentTypesPending(): boolean;
}

export class GuardController implements ReactiveController {
  private readonly warned = new Set<string>();
  // Page editors and plugins change slotted content under us: re-render when the merchant's own
  // children or their slots change (the disclosure slot), and watch R2, since a named control may be
  // added at any time. The Secure Fields' iframes coming and going inside our mount containers are
  // not the merchant's content and cause no render.
  // A control's `name` refuses the form in production (R2), so it re-derives the configuration too
  // (an iframe's name is not a control's).
  private readonly watcher = new MutationObserver((mutations) => {
    const rederive = (m: MutationRecord) =>
      m.target === this.host ||
      m.attributeName === 'slot' ||
      m.attributeName === 'data-replace' ||
      (m.attributeName === 'name' && m.target instanceof Element && m.target.matches('input, select, textarea'));
    if (mutations.some(rederive)) this.host.requestUpdate();
    if (this.namedControls().length) this.warn();
  });

  /** What blocked an inline script MercadoPago.js added (its device profile), if anything did. */
  private deviceProfileBlocked?: 'csp-blocked' | 'trusted-types-blocked';
  private deviceProfileTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & AuditedAttributes,
    private readonly options: GuardControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.watcher.observe(this.host, { subtree: true, childList: true, attributes: true, attributeFilter: ['name', 'slot', 'data-replace'] });
    document.addEventListener('securitypolicyviolation', this.noteViolation);
  }

  hostDisconnected(): void {
    this.watcher.disconnect();
    document.removeEventListener('securitypolicyviolation', this.noteViolation);
    clearTimeout(this.deviceProfileTimer);
    this.deviceProfileTimer = undefined;
  }

  /**
   * An inline script refused by the page's policies, added by MercadoPago.js (the violation names the
   * script that added it; a browser that names none still counts): its device profile did not run.
   */
  private readonly noteViolation = (event: SecurityPolicyViolationEvent): void => {
    if (sdkLoadedAt() === undefined) return;
    const fromSdk = event.sourceFile === '' || event.sourceFile.startsWith(OFFICIAL_SDK_URL);
    const inlineScript = event.blockedURI === 'inline' && event.effectiveDirective.startsWith('script-src');
    const untrustedScript = event.effectiveDirective === 'require-trusted-types-for' && event.sample.startsWith('HTMLScriptElement text');
    if (!fromSdk || !(inlineScript || untrustedScript)) return;
    this.deviceProfileBlocked = inlineScript ? 'csp-blocked' : 'trusted-types-blocked';
    this.warn();
  };

  /** Whether Mercado Pago's device profile ran (R4); schedules a look once its grace period ends. */
  deviceProfile(): DeviceProfile {
    if ((window as { MP_DEVICE_SESSION_ID?: unknown }).MP_DEVICE_SESSION_ID) return 'ran';
    if (this.deviceProfileBlocked) return this.deviceProfileBlocked;
    const loadedAt = sdkLoadedAt();
    if (loadedAt === undefined) return 'not-started';
    const left = loadedAt + DEVICE_PROFILE_GRACE_MS - performance.now();
    if (left <= 0) return 'silent';
    if (this.deviceProfileTimer === undefined && this.host.isConnected) {
      this.deviceProfileTimer = setTimeout(() => {
        this.deviceProfileTimer = undefined;
        this.warn();
      }, left);
    }
    return 'expected';
  }

  /** Controls inside the element or slotted into it that carry a `name` (R2 forbids it). */
  namedControls(): string[] {
    const selector = 'input[name], select[name], textarea[name]';
    const found = [...this.host.querySelectorAll(selector), ...(this.host.shadowRoot?.querySelectorAll(selector) ?? [])];
    return found.map((el) => `${el.localName}[name="${el.getAttribute('name')}"]`);
  }

  /**
   * What the merchant slotted: none means the element's default shows; content that says nothing, or
   * that the page hides (`hidden`, `display: none`, `visibility: hidden`, `opacity: 0`), hides it.
   */
  private slotted(name: 'terms' | 'banner' | 'price-disclosure'): { any: boolean; visible: boolean } {
    const children = Array.from(this.host.querySelectorAll(`:scope > [slot="${name}"]`));
    return { any: children.length > 0, visible: children.some((child) => showsSomething(child, child.assignedSlot !== null)) };
  }

  /** Mercado Pago's production requirements (R1–R9) judged on this page now, in the buyer's language. */
  audit(): AuditEntry[] {
    const { host } = this;
    const { config, localize } = this.options;
    const state = this.options.state();
    const siteNamed = config.accountOverride !== undefined || isSiteId(host.site) || siteFromLocale(localize.requestedTag) !== undefined;
    const facts = {
      ...this.pageFacts(),
      mode: config.mode,
      officialSdk: config.officialSdk(),
      secureContext: window.isSecureContext,
      https: window.location.protocol === 'https:',
      nestedInShadowRoot: config.nestedInShadowRoot,
      loading: state.phase === 'loading' || this.options.documentTypesPending(),
      failure: state.phase === 'failed' ? state.failure.code : undefined,
      configProblems: config.problems(),
      hasItems: Array.isArray(host.items) && host.items.length > 0,
      hasStatusAction: Boolean(host.statusAction),
      isArgentina: config.site === 'MLA',
      guessedSite: siteNamed ? undefined : config.site,
      accountSite: config.accountOverride,
    };
    return auditChecklist(facts, (key, vars) => localize.t(key, vars));
  }

  /** What the page shows around the form, as the audit judges it (R2, R4's device profile, R7–R9). */
  private pageFacts(): { namedControls: string[]; deviceProfile: DeviceProfile; bannerShown: boolean; disclosureShown: boolean; termsShown: boolean } {
    const banner = this.slotted('banner');
    return {
      namedControls: this.namedControls(),
      deviceProfile: this.deviceProfile(),
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
      // No message yet: the language is still loading; the warning comes with the next look (at ready).
      if (entry.ok || !entry.message || this.warned.has(entry.message)) continue;
      this.warned.add(entry.message);
      console.warn(`<mp-checkout> ${entry.id}: ${entry.message}`);
    }
  }
}

/**
 * Slotted content the buyer can see: text or an image that no element on the way hides. Read from
 * each element's own computed style, so it holds while the element's form itself is not shown.
 */
function showsSomething(el: Element, assigned: boolean, inheritedVisibility = 'visible'): boolean {
  // Content no slot takes yet (the disclosure slot before a card is typed) is outside the flat tree,
  // where engines compute no style or `display: none`: its `hidden` attribute and inline style say what they can.
  const style = assigned ? getComputedStyle(el) : inlineStyle(el, inheritedVisibility);
  // These hide the whole subtree; `visibility` is inherited and a descendant may turn it back on.
  if (style.display === 'none' || Number(style.opacity) === 0) return false;
  const seen = style.visibility === 'visible';
  if (el.matches('img, svg, picture')) return seen;
  return Array.from(el.childNodes).some((node) =>
    node instanceof Element ? showsSomething(node, assigned, style.visibility) : seen && node.nodeType === Node.TEXT_NODE && Boolean(node.textContent?.trim()),
  );
}

function inlineStyle(el: Element, inheritedVisibility: string): { display: string; opacity: string; visibility: string } {
  const inline = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  return {
    display: (el as HTMLElement).hidden ? 'none' : inline?.display || 'block',
    opacity: inline?.opacity || '1',
    visibility: inline?.visibility || inheritedVisibility,
  };
}
