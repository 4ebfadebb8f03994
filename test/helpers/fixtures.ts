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
  wrapper.append(el);
  if (options.waitReady !== false) await ready;
  return { el, logId };
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
  return answer;
}

export function messageText(el: MpCheckoutElement): string {
  return part(el, 'message')?.textContent?.trim() ?? '';
}
