/**
 * R1 against a decoy: a self-hosted, modified MercadoPago.js defines window.MercadoPago, and a
 * `<script type="text/plain">` with the official URL (which never runs) makes the page look right.
 * Alone in its file: the loader and what it knows about MercadoPago.js's origin are per page.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { collectEvents, messageText, renderCheckout } from '../helpers/fixtures.js';

/** Loads a classic script and waits for it. */
function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => reject(new Error(`${src} did not load`)), { once: true });
    document.head.append(script);
  });
}

describe('<mp-checkout> with a self-hosted MercadoPago.js behind a decoy official script tag', () => {
  before(async () => {
    // The copy, served from this origin (test/helpers/sdk-interceptor.ts), and modified.
    await loadScript('/__sdk-double');
    (window as { MercadoPago?: { modified?: boolean } }).MercadoPago!.modified = true;
    const decoy = document.createElement('script');
    decoy.type = 'text/plain';
    decoy.src = 'https://sdk.mercadopago.com/js/v2';
    document.head.append(decoy);
  });

  it('production: refuses the form with sdk_not_official and audit() marks R1 as an error', async () => {
    const errors = collectEvents(document, ['mp-error']);
    const { el } = await renderCheckout({ waitReady: false, attrs: { 'public-key': 'APP_USR-decoy-0000' } });
    await waitUntil(() => errors.length > 0, 'no mp-error', { timeout: 5000 });
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['sdk_not_official']);
    expect(el.matches(':state(error)')).to.equal(true);
    expect(el.querySelectorAll('iframe'), 'no Secure Field mounted').to.have.length(0);
    await waitUntil(() => messageText(el) !== '', 'no message', { timeout: 3000 });
    expect(messageText(el)).to.include('https://sdk.mercadopago.com/js/v2');
    const r1 = el.audit().find((e) => e.id === 'R1')!;
    expect([r1.ok, r1.severity]).to.deep.equal([false, 'error']);
  });

  it('test mode: works, with R1 as a warning', async () => {
    const { el } = await renderCheckout({ attrs: { 'public-key': 'TEST-decoy-0000' } });
    const r1 = el.audit().find((e) => e.id === 'R1')!;
    expect([r1.ok, r1.severity]).to.deep.equal([false, 'warning']);
    expect(r1.message).to.match(/did not come from a script element/);
  });
});
