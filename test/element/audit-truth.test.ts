/**
 * What audit() marks as met must hold on the page: no ✓ for a page that is only a secure context,
 * for slotted content the page hides, or for an element the Secure Fields cannot reach; a named
 * control is an error in production, and the e-mail the buyer types counts as payer data (R4).
 * The test pages are http://localhost: a secure context, not HTTPS.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { collectEvents, renderCheckout } from '../helpers/fixtures.js';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';

const ITEMS = '[{"id":"kit-1","title":"Yerba mate kit","quantity":1,"unit_price":1500.5}]';
const PRODUCTION = { 'public-key': 'APP_USR-audit-truth-0000', 'status-action': '/status', items: ITEMS };

const entry = (el: MpCheckoutElement, id: string) => {
  const found = el.audit().filter((e) => e.id === id);
  expect(found, `one ${id} entry`).to.have.length(1);
  return found[0];
};

/** Appends slotted content made of markup the test writes itself. */
function slot(el: MpCheckoutElement, name: string, markup: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = markup;
  const child = template.content.firstElementChild as HTMLElement;
  child.slot = name;
  el.append(child);
  return child;
}

describe('audit(): a check that passes holds', () => {
  it('a complete production configuration: R1 from the official script, R4 with items and the typed e-mail, R3 not HTTPS on localhost', async () => {
    const { el } = await renderCheckout({ attrs: PRODUCTION });
    slot(el, 'terms', '<a href="/terms">Terms</a>');
    await el.updateComplete;
    expect(window.location.protocol, 'precondition: the test page is plain HTTP').to.equal('http:');
    expect(window.isSecureContext, 'precondition: localhost is a secure context').to.equal(true);

    expect(entry(el, 'R1')).to.include({ ok: true, severity: 'info' });
    const r3 = entry(el, 'R3');
    expect([r3.ok, r3.severity]).to.deep.equal([false, 'warning']);
    expect(r3.message).to.match(/not served over HTTPS/);
    // No payer-email attribute: the buyer types the e-mail into the required field, so it is sent.
    expect(el.hasAttribute('payer-email')).to.equal(false);
    expect(entry(el, 'R4')).to.include({ ok: true, severity: 'info' });
    expect(
      el.audit().filter((e) => e.id === 'form'),
      'a ready form has no form entry',
    ).to.deep.equal([]);
    expect(
      el
        .audit()
        .filter((e) => !e.ok)
        .map((e) => e.id),
    ).to.deep.equal(['R3']);
  });

  it('R7, R8 and R9 fail when the slotted banner, disclosure or terms are hidden', async () => {
    const { el } = await renderCheckout({ attrs: { ...PRODUCTION, 'public-key': 'TEST-audit-truth-0000' } });
    const terms = slot(el, 'terms', '<a href="/terms">Terms and conditions</a>');
    await el.updateComplete;
    expect(entry(el, 'R9').ok, 'visible terms').to.equal(true);

    terms.hidden = true;
    expect(entry(el, 'R9'), 'hidden terms').to.include({ ok: false, severity: 'warning' });
    terms.hidden = false;
    terms.style.display = 'none';
    expect(entry(el, 'R9').ok, 'display: none').to.equal(false);
    terms.style.display = '';
    terms.innerHTML = '<span style="visibility: hidden">Terms</span>';
    expect(entry(el, 'R9').ok, 'text that is not visible').to.equal(false);
    terms.innerHTML = '<span style="visibility: hidden"><b style="visibility: visible">Terms</b></span>';
    expect(entry(el, 'R9').ok, 'a visible descendant of invisible text shows').to.equal(true);

    const banner = slot(el, 'banner', '<p hidden>Promotions</p>');
    expect(entry(el, 'R7'), 'a hidden banner replaces the default one').to.include({ ok: false, severity: 'warning' });
    banner.hidden = false;
    expect(entry(el, 'R7').ok).to.equal(true);
    banner.style.opacity = '0';
    expect(entry(el, 'R7').ok, 'opacity: 0').to.equal(false);

    const disclosure = slot(el, 'price-disclosure', '<p data-replace style="display: none">CFT 120%</p>');
    expect(entry(el, 'R8'), 'a hidden replacement of the disclosure').to.include({ ok: false, severity: 'warning' });
    disclosure.style.display = '';
    expect(entry(el, 'R8').ok).to.equal(true);
  });

  it('R2: a named control is an error in production and refuses the form (mp-error named_control)', async () => {
    const errors = collectEvents(document, ['mp-error']);
    const { el } = await renderCheckout({ attrs: PRODUCTION });
    const box = slot(el, 'terms', '<label><input type="checkbox"> I accept the terms</label>');
    await el.updateComplete;
    expect(entry(el, 'R2').ok).to.equal(true);

    box.querySelector('input')!.setAttribute('name', 'accept');
    await waitUntil(() => el.matches(':state(error)'), 'the form was not refused', { timeout: 3000 });
    const r2 = entry(el, 'R2');
    expect([r2.ok, r2.severity]).to.deep.equal([false, 'error']);
    expect(r2.message).to.include('input[name="accept"]');
    await waitUntil(() => errors.length > 0, 'no mp-error', { timeout: 3000 });
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['named_control']);
    expect(el.querySelectorAll('iframe'), 'the Secure Fields were unmounted').to.have.length(0);

    box.querySelector('input')!.removeAttribute('name');
    await waitUntil(() => el.matches(':state(ready)'), 'removing the name did not bring the form back', { timeout: 5000 });
  });

  it('R2 stays a warning with a TEST- key, and the form works', async () => {
    const { el } = await renderCheckout({ attrs: { ...PRODUCTION, 'public-key': 'TEST-audit-truth-0000' } });
    slot(el, 'terms', '<input type="hidden" name="csrf" value="x">');
    await el.updateComplete;
    expect(entry(el, 'R2')).to.include({ ok: false, severity: 'warning' });
    expect(el.matches(':state(ready)')).to.equal(true);
  });

  it('an element inside another shadow root is refused, and audit() says so', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const el = document.createElement('mp-checkout');
    for (const [name, value] of Object.entries({ ...PRODUCTION, amount: '100', action: '/pay', site: 'MLA', locale: 'en' })) el.setAttribute(name, value);
    root.append(el);
    await waitUntil(() => el.matches(':state(error)'), 'not refused', { timeout: 3000 });
    await waitUntil(() => el.audit().every((e) => e.message), 'no message', { timeout: 3000 });
    const nested = el.audit().filter((e) => !e.ok && e.severity === 'error');
    expect(nested.map((e) => e.id)).to.deep.equal(['config']);
    expect(nested[0].message).to.match(/inside another element's shadow root/);
  });
});
