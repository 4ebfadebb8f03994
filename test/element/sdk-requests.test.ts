/**
 * A MercadoPago.js method rejects (network hiccup, MP outage): the buyer gets a message, a way
 * forward, and an mp-error; the form is never left dead.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { buttonWithText, collectEvents, fillCard, messageText, part, pay, renderCheckout } from '../helpers/fixtures.js';

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
});
