/**
 * The first render and the MercadoPago.js request (issue #12): the SDK is requested the moment the
 * element connects, before its first render and long before its language arrives; and the first
 * render already has the form's final geometry, so nothing the language, the fields, a card lookup
 * or a payment's message brings moves the page. Geometry, not timing: deterministic in Chromium.
 * (The timings themselves are `npm run bench`'s, never a test.)
 */
import { expect } from '@open-wc/testing';
import { collectEvents, documentTypesIn, fillCard, messageText, part, pay, renderCheckout } from '../helpers/fixtures.js';

const sdkScripts = () => document.querySelectorAll('script[src^="https://sdk.mercadopago.com/js/v2"]').length;
const height = (el: Element) => el.getBoundingClientRect().height;

describe('<mp-checkout> first paint', () => {
  it('requests MercadoPago.js at connection: before its first render and before any language chunk', async () => {
    expect(sdkScripts(), 'no SDK script before the element').to.equal(0);
    let atConnection = -1;
    let renderedAtConnection = true;
    const { el } = await renderCheckout({
      waitReady: false,
      // Runs in the task that appends the element; the checks run right after the append, still in it.
      beforeAppend: () =>
        queueMicrotask(() => {
          atConnection = sdkScripts();
          renderedAtConnection = document.querySelector('mp-checkout')!.shadowRoot?.querySelector('[part~="form"]') != null;
        }),
    });
    // renderCheckout's append is synchronous; the microtask queued before it runs after it, and before
    // Lit's first update (queued by the append itself, later).
    expect(atConnection, 'the SDK script is in the page when the element has just connected').to.equal(1);
    expect(renderedAtConnection, 'checked before the first render').to.equal(false);
    // Where the element adds the tag itself (Trusted Types: sdk-loader.ts), MercadoPago.js is asked for
    // first and is not an async script, which Chromium would run only after a loading milestone and
    // behind the page's other work. Elsewhere the official loader adds a plain tag.
    const script = document.querySelector<HTMLScriptElement>('script[src^="https://sdk.mercadopago.com/js/v2"]')!;
    if ('trustedTypes' in window) {
      expect(script.getAttribute('fetchpriority'), 'MercadoPago.js asked for with high priority').to.equal('high');
      expect(script.async, 'MercadoPago.js runs as soon as it has loaded').to.equal(false);
    }
    await el.updateComplete;
    expect(part(el, 'submit-button')!.textContent.trim(), 'the first render comes before the language').to.equal('');
  });

  it('shows the amount through ready without building an Intl.NumberFormat (a page’s first costs Chromium 40–130 ms)', async () => {
    const NumberFormat = Intl.NumberFormat;
    let built = 0;
    Intl.NumberFormat = new Proxy(NumberFormat, {
      construct: (target, args: ConstructorParameters<typeof Intl.NumberFormat>) => (built++, new target(...args)),
      apply: (target, _this, args: ConstructorParameters<typeof Intl.NumberFormat>) => (built++, target(...args)),
    });
    try {
      for (const [locale, site, currency] of [
        ['en', 'MLA', 'ARS'],
        ['es-AR', 'MLA', 'ARS'],
        ['pt-BR', 'MLB', 'BRL'],
      ]) {
        const { el } = await renderCheckout({ attrs: { locale, site, amount: '15000' } });
        const shown = part(el, 'submit-button')!.textContent;
        expect(built, `${locale}: no NumberFormat built`).to.equal(0);
        const amount = new NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2 }).format(15000);
        expect(shown, `${locale}: the pay button quotes the amount as Intl writes it`).to.contain(amount);
        el.remove();
      }
    } finally {
      Intl.NumberFormat = NumberFormat;
    }
  });

  it('keeps its height from the first render through ready, a card lookup and a rejected payment with its message', async () => {
    const { el } = await renderCheckout({ waitReady: false });
    const events = collectEvents(el, ['mp-ready']);
    await el.updateComplete;
    expect(part(el, 'submit-button')!.textContent.trim(), 'measuring the skeleton, before the language').to.equal('');
    const first = height(el);
    expect(first, 'the skeleton has the form’s size').to.be.greaterThan(400);

    await new Promise<void>((resolve) => (events.length ? resolve() : el.addEventListener('mp-ready', () => resolve(), { once: true })));
    await el.updateComplete;
    expect(height(el), 'ready: the strings and the fields filled in').to.be.closeTo(first, 0.5);
    await documentTypesIn(el);
    expect(height(el), 'the document types filled in').to.be.closeTo(first, 0.5);

    // The BIN lookup: the brand, the installments and Argentina's financing block.
    await fillCard(el, { name: 'OTHE' });
    expect(part(el, 'financing'), 'the financing block is shown').to.exist;
    expect(height(el), 'after the card lookup').to.be.closeTo(first, 0.5);

    const event = await pay(el);
    await el.updateComplete;
    expect(event.detail.status).to.equal('rejected');
    expect(messageText(el), 'a rejection message is shown').to.not.equal('');
    expect(height(el), 'with the rejection message and its button').to.be.closeTo(first, 0.5);
  });
});
