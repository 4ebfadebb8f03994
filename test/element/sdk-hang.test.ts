/**
 * MercadoPago.js never answers. Alone in its file: the loader caches its promise per page.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { buttonWithText, collectEvents, messageText, part, renderCheckout, officialSdkScriptWith } from '../helpers/fixtures.js';

describe('<mp-checkout> when MercadoPago.js never loads', () => {
  it('after sdk-timeout shows a localized message, fires mp-error sdk_timeout and offers "Reload the page"', async () => {
    const errors = collectEvents(document, ['mp-error']);
    const readies = collectEvents(document, ['mp-ready']);
    const insertSdkScript = officialSdkScriptWith('hang');

    const started = performance.now();
    const { el } = await renderCheckout({ waitReady: false, beforeAppend: insertSdkScript, attrs: { 'sdk-timeout': '1500' } });
    await el.updateComplete;
    // While waiting: the skeleton in its loading state, no message yet. The language comes long before
    // the timeout, with room for a loaded machine running three engines at once.
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(messageText(el)).to.equal('');
    await waitUntil(() => part(el, 'base')!.textContent.includes('Loading secure payment form'), 'no loading state', { timeout: 1200 });
    expect(messageText(el)).to.equal('');
    // Still loading is not compliant: R1 cannot be judged yet and the form is not there.
    const loading = el.audit();
    expect(
      loading.find((e) => e.id === 'R1'),
      'R1 while loading',
    ).to.include({ ok: false, severity: 'warning' });
    expect(
      loading.find((e) => e.id === 'form'),
      'the form while loading',
    ).to.include({ ok: false, severity: 'warning' });
    expect(loading.find((e) => e.id === 'form')!.message).to.equal('The card form has not finished loading.');

    await waitUntil(() => errors.length > 0, 'no mp-error', { timeout: 5000 });
    const elapsed = performance.now() - started;
    expect(elapsed, 'waited about sdk-timeout').to.be.within(1400, 5000);
    await el.updateComplete;

    expect(errors.map((e) => e.detail.code)).to.deep.equal(['sdk_timeout']);
    const text = messageText(el);
    expect(text).to.equal(
      'The secure payment form is taking too long to load. Check your connection or disable content blockers for this site, then reload the page.',
    );
    expect(errors[0].detail.message).to.equal(text);
    expect(buttonWithText(el, 'Reload the page'), '"Reload the page" offered').to.exist;
    expect(el.matches(':state(error)')).to.equal(true);
    expect(el.matches(':state(loading)')).to.equal(false);
    expect(readies).to.have.length(0);
    const form = el.audit().find((e) => e.id === 'form');
    expect(form, 'audit() reports the timeout').to.include({ ok: false, severity: 'error' });
    expect(form!.message).to.equal(`The card form stopped: ${text} (sdk_timeout)`);
  });
});
