/**
 * MercadoPago.js answers 404. Alone in its file: the loader caches its promise per page.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { buttonWithText, collectEvents, messageText, part, renderCheckout, officialSdkScriptWith } from '../helpers/fixtures.js';

describe('<mp-checkout> when MercadoPago.js fails to load', () => {
  it('shows a localized message, fires mp-error sdk_load_failed and offers "Reload the page"', async () => {
    const errors = collectEvents(document, ['mp-error']);
    const readies = collectEvents(document, ['mp-ready']);
    const insertSdkScript = officialSdkScriptWith('fail');

    const { el } = await renderCheckout({ waitReady: false, beforeAppend: insertSdkScript, attrs: { 'sdk-timeout': '5000' } });
    await waitUntil(() => errors.length > 0, 'no mp-error', { timeout: 8000 });
    await el.updateComplete;

    expect(errors.map((e) => e.detail.code)).to.deep.equal(['sdk_load_failed']);
    expect(errors[0].target).to.equal(el);
    const text = messageText(el);
    expect(text).to.equal(
      'The secure payment form could not be loaded. Check your connection or disable content blockers for this site, then reload the page.',
    );
    // (detail.message is checked in the next test, where the timing is deterministic.)
    expect(part(el, 'message')!.getAttribute('role')).to.equal('status');

    const reload = buttonWithText(el, 'Reload the page');
    expect(reload, '"Reload the page" offered').to.exist;
    expect(reload!.type).to.equal('button');
    expect(el.matches(':state(error)')).to.equal(true);
    expect(el.matches(':state(loading)')).to.equal(false);
    expect(part(el, 'form')!.hidden, 'the unusable form is hidden').to.equal(true);
    expect(el.querySelectorAll('iframe'), 'no Secure Fields mounted').to.have.length(0);
    expect(readies).to.have.length(0);
    expect(window.MercadoPago).to.equal(undefined);

    // audit() of a dead checkout: the failure is an error, and R1 is not green.
    const audit = el.audit();
    const form = audit.filter((e) => e.id === 'form');
    expect(form.map((e) => [e.ok, e.severity])).to.deep.equal([[false, 'error']]);
    expect(form[0].message).to.equal(`The card form stopped: ${text} (sdk_load_failed)`);
    expect(audit.find((e) => e.id === 'R1')).to.include({ ok: false, severity: 'warning' });
    expect(audit.find((e) => e.id === 'R1')!.message).to.equal('MercadoPago.js has not loaded yet, so its origin cannot be checked.');
  });

  it('a second element on the same page fails the same way, and mp-error carries the readable text, not the code', async () => {
    // The loader's failure is cached, so this element hears about it at once, before its strings load.
    const errors = collectEvents(document, ['mp-error']);
    const { el } = await renderCheckout({ waitReady: false });
    await waitUntil(() => errors.length > 0, 'no mp-error', { timeout: 5000 });
    await waitUntil(() => messageText(el) !== '', 'no message shown', { timeout: 2000 });
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['sdk_load_failed']);
    const text = messageText(el);
    expect(text).to.match(/^The secure payment form could not be loaded\./);
    expect(errors[0].detail.message, 'mp-error detail.message is the localized explanation').to.equal(text);
    expect(buttonWithText(el, 'Reload the page')).to.exist;
  });
});

declare global {
  interface Window {
    MercadoPago?: unknown;
  }
}
