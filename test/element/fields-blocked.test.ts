/**
 * A content blocker blocks Mercado Pago's field hosts: MercadoPago.js loads, the field iframes
 * never answer. Alone in its file: the loader caches its promise per page.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { buttonWithText, collectEvents, messageText, part, renderCheckout, officialSdkScriptWith } from '../helpers/fixtures.js';

describe('<mp-checkout> when the Secure Fields never become ready', () => {
  it('says a content blocker may be in the way, fires mp-error fields_timeout, and "Try again" rebuilds the fields', async () => {
    const errors = collectEvents(document, ['mp-error']);
    const readies = collectEvents(document, ['mp-ready']);
    const insertSdkScript = officialSdkScriptWith('blocked-fields');
    const { el } = await renderCheckout({ waitReady: false, beforeAppend: insertSdkScript, attrs: { 'sdk-timeout': '400' } });

    await waitUntil(() => errors.length === 1, 'no mp-error', { timeout: 5000 });
    await el.updateComplete;
    expect(errors[0].detail.code).to.equal('fields_timeout');
    const text = messageText(el);
    expect(text).to.equal('The card fields did not appear. A content blocker may be blocking Mercado Pago; allow it for this site and try again.');
    expect(errors[0].detail.message).to.equal(text);
    expect(el.matches(':state(error)')).to.equal(true);
    expect(part(el, 'form')!.hidden, 'no half-working form').to.equal(true);
    expect(readies).to.have.length(0);
    const form = el.audit().filter((e) => e.id === 'form');
    expect(
      form.map((e) => [e.ok, e.severity]),
      'audit() reports the fields that never came',
    ).to.deep.equal([[false, 'error']]);
    expect(form[0].message).to.equal(`The card form stopped: ${text} (fields_timeout)`);
    // MercadoPago.js itself came from the official script: that part holds.
    expect(el.audit().find((e) => e.id === 'R1')).to.include({ ok: true });

    // Still blocked: trying again rebuilds the three fields (no duplicates) and fails the same way.
    buttonWithText(el, 'Try again')!.click();
    await el.updateComplete;
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(messageText(el)).to.equal('');
    await waitUntil(() => errors.length === 2, 'no second mp-error', { timeout: 5000 });
    expect(errors[1].detail.code).to.equal('fields_timeout');
    expect(el.querySelectorAll('iframe')).to.have.length(3);
    await el.updateComplete;
    expect(buttonWithText(el, 'Try again'), 'still offered').to.exist;
  });

  it('still times out when the element is moved while its fields are loading (a page builder re-parenting it)', async () => {
    const errors = collectEvents(document, ['mp-error']);
    const { el } = await renderCheckout({ waitReady: false, beforeAppend: officialSdkScriptWith('blocked-fields'), attrs: { 'sdk-timeout': '400' } });
    await waitUntil(() => el.querySelectorAll('iframe').length === 3, 'the fields were never mounted', { timeout: 5000 });
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(el); // disconnected and connected again in one task: the mounted fields stay
    await waitUntil(() => errors.length === 1, 'no mp-error after the move: the fields would load forever', { timeout: 5000 });
    expect(errors[0].detail.code).to.equal('fields_timeout');
    await el.updateComplete;
    expect(buttonWithText(el, 'Try again'), 'the way out is offered').to.exist;
    elsewhere.remove();
  });
});
