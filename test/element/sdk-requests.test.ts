/**
 * A MercadoPago.js method rejects (network hiccup, MP outage): the buyer gets a message, a way
 * forward, and an mp-error; the form is never left dead.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import {
  buttonWithText,
  collectEvents,
  fillCard,
  merchantRequests,
  messageText,
  MLA_VISA,
  part,
  pay,
  renderCheckout,
  secureFrame,
  sleep,
  typeInto,
} from '../helpers/fixtures.js';
import { typeInSecureField } from '../helpers/type-in-field.js';

type Method = 'getIdentificationTypes' | 'getPaymentMethods' | 'getInstallments';
interface Sdk {
  prototype: Record<Method, (...args: unknown[]) => Promise<unknown>>;
}

const sdk = () => (window as unknown as { MercadoPago: Sdk }).MercadoPago.prototype;
const SDK_FAILED = "We couldn't reach Mercado Pago. Check your connection and try again.";

/** Makes `method` reject `times` times, then behave normally again. */
function failNext(method: Method, times = 1): () => void {
  const original = sdk()[method];
  let left = times;
  sdk()[method] = function (this: unknown, ...args: unknown[]) {
    if (left-- > 0) return Promise.reject(new Error('network down'));
    return original.apply(this, args);
  };
  return () => (sdk()[method] = original);
}

/** Holds every call of `method` until `release` (then it answers as usual) or `fail` (then it rejects). */
function holdCalls(method: Method): { release: () => void; fail: () => void; restore: () => void } {
  const original = sdk()[method];
  let release!: () => void;
  let fail!: () => void;
  const gate = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = () => reject(new Error('network down'));
  });
  sdk()[method] = function (this: unknown, ...args: unknown[]) {
    return gate.then(() => original.apply(this, args));
  };
  return { release, fail, restore: () => (sdk()[method] = original) };
}

/** MercadoPago.js loaded by a first element, so that its methods can be held before the next element asks. */
async function sdkLoaded(): Promise<void> {
  const { el } = await renderCheckout({ waitReady: false });
  await waitUntil(() => el.matches(':state(ready)'), 'first element never ready', { timeout: 5000 });
  el.remove();
}

describe('<mp-checkout> when a MercadoPago.js request fails', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  for (const method of ['getPaymentMethods', 'getInstallments'] as const) {
    it(`${method} rejects: a message, mp-error sdk_request_failed, and "Try again" looks the card up again`, async () => {
      const { el } = await renderCheckout();
      const errors = collectEvents(el, ['mp-error']);
      restore = failNext(method);
      await fillCard(el, { name: 'APRO' }).catch(() => undefined); // installments never arrive the first time
      await waitUntil(() => errors.length === 1, 'no mp-error', { timeout: 5000 });
      expect(errors[0].detail.code).to.equal('sdk_request_failed');
      await el.updateComplete;
      expect(messageText(el)).to.equal(SDK_FAILED);

      buttonWithText(el, 'Try again')!.click();
      await waitUntil(() => part(el, 'installments'), 'the card was not looked up again', { timeout: 5000 });
      const event = await pay(el);
      expect(event.detail.status).to.equal('approved');
    });
  }

  it('getIdentificationTypes rejects: no half form, and "Try again" rebuilds it', async () => {
    // The first call happens as soon as the SDK is up, so the failure is armed before the element exists.
    const { el } = await renderCheckout({ waitReady: false });
    await waitUntil(() => (window as unknown as { MercadoPago?: Sdk }).MercadoPago, 'no SDK');
    await waitUntil(() => el.matches(':state(ready)'), 'first element never ready', { timeout: 5000 });
    el.remove();

    restore = failNext('getIdentificationTypes');
    const { el: second } = await renderCheckout({ waitReady: false });
    const errors = collectEvents(second, ['mp-error']);
    await waitUntil(() => errors.length === 1, 'no mp-error', { timeout: 5000 });
    await second.updateComplete;
    expect(errors[0].detail.code).to.equal('sdk_request_failed');
    expect(messageText(second)).to.equal(SDK_FAILED);
    expect(second.matches(':state(error)')).to.equal(true);
    expect(part(second, 'form')!.hidden).to.equal(true);

    const ready = new Promise((resolve) => second.addEventListener('mp-ready', resolve, { once: true }));
    buttonWithText(second, 'Try again')!.click();
    await ready;
    await second.updateComplete;
    expect(part(second, 'identification-type'), 'document types loaded').to.exist;
    await fillCard(second, { name: 'APRO' });
    const event = await pay(second);
    expect(event.detail.status).to.equal('approved');
  });

  it('getIdentificationTypes is slow: mp-ready does not wait for it, and a payment asked for meanwhile waits for the document', async () => {
    await sdkLoaded();
    const held = holdCalls('getIdentificationTypes');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    restore = () => {
      held.restore();
      console.warn = warn;
    };
    const { el, logId } = await renderCheckout({ waitReady: false });
    await waitUntil(() => el.matches(':state(ready)'), 'mp-ready waited for the document types', { timeout: 5000 });
    await el.updateComplete;
    expect(
      warnings.filter((w) => w.includes('form:')),
      'no "still loading" warning for a form that works',
    ).to.deep.equal([]);
    const select = part(el, 'identification-type') as HTMLSelectElement;
    expect(select.disabled, 'the document row keeps its place, its type locked').to.equal(true);
    expect(select.options.length).to.equal(0);
    expect((part(el, 'submit-button') as HTMLButtonElement).disabled, 'the pay button waits for the document types').to.equal(true);
    expect(part(el, 'base')!.getAttribute('aria-busy'), 'the form says it is still loading').to.equal('true');
    expect(
      el.audit().find((entry) => entry.id === 'form'),
      'the audit says so too',
    ).to.include({ ok: false });

    // A buyer who is done with everything else before they come, and a page that pays through submit() then.
    typeInSecureField(secureFrame(el, 'cardNumber'), MLA_VISA);
    typeInSecureField(secureFrame(el, 'expirationDate'), '11/30');
    typeInSecureField(secureFrame(el, 'securityCode'), '123');
    await el.updateComplete;
    typeInto(part(el, 'cardholder-name') as HTMLInputElement, 'APRO');
    typeInto(part(el, 'identification-number') as HTMLInputElement, '12345678');
    typeInto(part(el, 'email') as HTMLInputElement, 'buyer@example.com');
    await waitUntil(() => part(el, 'installments'), 'installments never offered', { timeout: 5000 });
    const submits = collectEvents(el, ['mp-submit']);
    const payment = oneEvent(el, 'mp-payment');
    const submitted = el.submit();
    await sleep(200);
    expect(submits, 'no payment begins without the document').to.have.length(0);
    expect(await merchantRequests(logId), 'nothing posted').to.have.length(0);

    held.release();
    await submitted;
    expect((await payment).detail.status).to.equal('approved');
    const [request] = await merchantRequests(logId);
    expect(request.body.payer.identification, 'paid with the document').to.deep.equal({ type: 'DNI', number: '12345678' });
  });

  it('getIdentificationTypes fails after mp-ready: the form stops with "Try again", which brings it back', async () => {
    await sdkLoaded();
    const held = holdCalls('getIdentificationTypes');
    const { el } = await renderCheckout({ waitReady: false });
    const errors = collectEvents(el, ['mp-error']);
    await waitUntil(() => el.matches(':state(ready)'), 'never ready', { timeout: 5000 });
    (part(el, 'cardholder-name') as HTMLInputElement).focus(); // the buyer is typing
    held.restore(); // the next request answers
    held.fail();
    await waitUntil(() => errors.length === 1, 'no mp-error', { timeout: 5000 });
    await el.updateComplete;
    expect(errors[0].detail.code).to.equal('sdk_request_failed');
    expect(messageText(el)).to.equal(SDK_FAILED);
    expect(el.matches(':state(error)')).to.equal(true);
    await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'message'), 'the focus fell to <body> with the hidden form');

    buttonWithText(el, 'Try again')!.click();
    await waitUntil(() => el.matches(':state(ready)'), 'not ready again', { timeout: 5000 });
    await fillCard(el, { name: 'APRO' });
    expect((await pay(el)).detail.status).to.equal('approved');
  });
});
