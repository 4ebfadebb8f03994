/**
 * Shared helpers for element tests: a configured <mp-checkout> on the sandbox, a per-test merchant
 * log, and typing into the Secure Fields iframes like a buyer.
 */
import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import { typeInSecureField } from './type-in-field.js';

export const MLA_VISA = '4509953566233704';

let logCounter = 0;

/** A fresh merchant log id, so each test reads only its own requests. */
export function newLogId(): string {
  logCounter += 1;
  return `t${Date.now().toString(36)}${logCounter}${Math.random().toString(36).slice(2, 6)}`;
}

export interface LoggedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: any;
}

/** What the merchant's server received for this log. */
export async function merchantRequests(logId: string): Promise<LoggedRequest[]> {
  const response = await fetch(`/sandbox/${logId}/requests`);
  return response.json();
}

export interface CheckoutOptions {
  logId?: string;
  respond?: string;
  attrs?: Record<string, string>;
  waitReady?: boolean;
  /** Runs right before the element is connected, in the same task (e.g. to pre-insert the SDK script). */
  beforeAppend?: () => void;
}

/** Renders a configured checkout on the sandbox and waits for mp-ready. */
export async function renderCheckout(options: CheckoutOptions = {}): Promise<{ el: MpCheckoutElement; logId: string }> {
  const logId = options.logId ?? newLogId();
  const query = options.respond ? `?respond=${options.respond}` : '';
  const attrs: Record<string, string> = {
    'public-key': 'TEST-MLA-sandbox-key',
    amount: '1500.5',
    action: `/sandbox/${logId}/process_payment${query}`,
    locale: 'en',
    site: 'MLA',
    ...options.attrs,
  };
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('mp-checkout');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  const ready = oneEvent(el, 'mp-ready');
  options.beforeAppend?.();
  wrapper.append(el);
  if (options.waitReady !== false) {
    await ready;
    await documentTypesIn(el);
  }
  return { el, logId };
}

/**
 * The document types have arrived. They are requested beside the Secure Fields and may come after
 * mp-ready (the pay button waits for them), so a test that pays at once waits for them too.
 */
export async function documentTypesIn(el: MpCheckoutElement): Promise<void> {
  await waitUntil(
    () => {
      // Unlocked too: the types stay in the form through a rebuild, while the new ones are asked for.
      const select = el.shadowRoot?.querySelector<HTMLSelectElement>('[part~="identification-type"]');
      return !select || (select.options.length > 0 && (el.disabled || !select.disabled));
    },
    'the document types never arrived',
    { timeout: 5000 },
  );
  await el.updateComplete;
}

export function shadow(el: MpCheckoutElement): ShadowRoot {
  return el.shadowRoot!;
}

export function part(el: MpCheckoutElement, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function secureFrame(el: MpCheckoutElement, field: 'cardNumber' | 'expirationDate' | 'securityCode'): HTMLIFrameElement {
  const frame = el.querySelector<HTMLIFrameElement>(`iframe[name="${field}"]`);
  if (!frame) throw new Error(`no ${field} iframe`);
  return frame;
}

/** Types into one of the element's own inputs like a user (input + change events). */
export function typeInto(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export interface CardInput {
  number?: string;
  expiry?: string;
  cvv?: string;
  name?: string;
  idNumber?: string;
  email?: string;
}

/** Fills the whole form as a buyer would, and waits for installments to be offered. */
export async function fillCard(el: MpCheckoutElement, card: CardInput = {}): Promise<void> {
  await documentTypesIn(el); // the document row unlocks with them
  typeInSecureField(secureFrame(el, 'cardNumber'), card.number ?? MLA_VISA);
  typeInSecureField(secureFrame(el, 'expirationDate'), card.expiry ?? '11/30');
  typeInSecureField(secureFrame(el, 'securityCode'), card.cvv ?? '123');
  await el.updateComplete;
  typeInto(part(el, 'cardholder-name') as HTMLInputElement, card.name ?? 'APRO');
  const idNumber = part(el, 'identification-number') as HTMLInputElement | null;
  if (idNumber) typeInto(idNumber, card.idNumber ?? '12345678');
  const email = part(el, 'email') as HTMLInputElement | null;
  if (email) typeInto(email, card.email ?? 'buyer@example.com');
  await waitUntil(() => part(el, 'installments'), 'installments never offered', { timeout: 5000 });
  await el.updateComplete;
}

/** Presses the pay button and waits for the payment answer event. */
export async function pay(el: MpCheckoutElement, event: 'mp-payment' | 'mp-error' = 'mp-payment') {
  const answer = oneEvent(el, event);
  (part(el, 'submit-button') as HTMLButtonElement).click();
  // Fail with what the buyer sees instead of a bare mocha timeout.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${event} event; the message says: "${messageText(el)}"`)), 8000);
  });
  try {
    return await Promise.race([answer, stuck]);
  } finally {
    clearTimeout(timer);
  }
}

export function messageText(el: MpCheckoutElement): string {
  return part(el, 'message')?.textContent?.trim() ?? '';
}

// ——— helpers added for the behaviour suites (double submit, privacy, lifecycle, results…) ———

export const MLA_DEBIT_MASTER = '5287338310253304';

/** Collects every event of the given types that reaches `target` (bubbling, composed). */
export function collectEvents(target: EventTarget, types: string[]): CustomEvent[] {
  const seen: CustomEvent[] = [];
  for (const type of types) target.addEventListener(type, (event) => seen.push(event as CustomEvent));
  return seen;
}

/**
 * Every element matching `selector` under `root`, descending into open shadow roots and into
 * same-origin iframe documents (the Secure Fields).
 */
export function deepQueryAll(root: Document | Element | ShadowRoot, selector: string): Element[] {
  const found: Element[] = [];
  const visit = (node: Document | Element | ShadowRoot) => {
    for (const element of Array.from(node.querySelectorAll('*'))) {
      if (element.matches(selector)) found.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
      if (element instanceof HTMLIFrameElement) {
        let doc: Document | null = null;
        try {
          doc = element.contentDocument;
        } catch {
          doc = null;
        }
        if (doc) visit(doc);
      }
    }
  };
  if (root instanceof Element && root.matches(selector)) found.push(root);
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

/** A button in the element's shadow root whose visible text contains `text` (null if none). */
export function buttonWithText(el: MpCheckoutElement, text: string): HTMLButtonElement | null {
  const buttons = Array.from(el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button'));
  return buttons.find((b) => (b.textContent ?? '').includes(text)) ?? null;
}

/** The error text shown under a field: the `field-error` part inside the field wrapper holding `controlPart`. */
export function fieldErrorText(el: MpCheckoutElement, controlPart: string): string {
  const control = part(el, controlPart);
  const field = control?.closest('[part~="field"]');
  return field?.querySelector('[part~="field-error"]')?.textContent?.trim() ?? '';
}

/** Resolves once all three Secure Fields hold a usable input (after mount or after an iframe reload). */
export async function waitForSecureInputs(el: MpCheckoutElement): Promise<void> {
  await waitUntil(
    () =>
      (['cardNumber', 'expirationDate', 'securityCode'] as const).every((field) => {
        const frame = el.querySelector<HTMLIFrameElement>(`iframe[name="${field}"]`);
        return Boolean(frame?.contentDocument?.querySelector('input'));
      }),
    'Secure Field inputs never appeared',
    { timeout: 5000 },
  );
}

/** Presses the pay button without waiting for anything. */
export function clickPay(el: MpCheckoutElement): void {
  (part(el, 'submit-button') as HTMLButtonElement).click();
}

/** Resolves after `ms` milliseconds (only where a negative — "nothing else happens" — must be observed). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * For `renderCheckout({ beforeAppend })`: puts the official MercadoPago.js script in the page with a
 * sandbox failure mode (test/helpers/sdk-interceptor.ts), in the same task as the element, so the
 * loader finds it before any answer can arrive. The loader caches per page: one mode per test file.
 */
export function officialSdkScriptWith(mode: 'fail' | 'hang' | 'empty' | 'blocked-fields'): () => void {
  return () => {
    const script = document.createElement('script');
    script.src = `https://sdk.mercadopago.com/js/v2?sandbox=${mode}`;
    document.head.append(script);
  };
}
