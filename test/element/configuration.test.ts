/**
 * Attributes set in any order and at any time, as page builders and frameworks set them: a late or
 * fixed attribute simply works, a broken one stops payment with its own mp-error code, every time,
 * and no amount is ever shown differently from what is posted.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import { collectEvents, fillCard, merchantRequests, messageText, newLogId, part, pay, renderCheckout, sleep } from '../helpers/fixtures.js';

/** A bare element, as a page builder inserts it before filling in its attributes. */
async function bareCheckout(attrs: Record<string, string>): Promise<MpCheckoutElement> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('mp-checkout');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  wrapper.append(el);
  return el;
}

const payButtonText = (el: MpCheckoutElement) => part(el, 'submit-button')?.textContent?.trim() ?? '';

describe('<mp-checkout> attributes at any time', () => {
  it('starts without amount, says so, and becomes ready with no stale message once the amount arrives', async () => {
    const logId = newLogId();
    const errors: CustomEvent[] = [];
    document.addEventListener('mp-error', (e) => errors.push(e as CustomEvent));
    const el = await bareCheckout({ 'public-key': 'TEST-MLA-sandbox-key', action: `/sandbox/${logId}/process_payment`, locale: 'en', site: 'MLA' });
    await waitUntil(() => el.matches(':state(error)') && messageText(el).includes('"amount" attribute is missing'), 'no missing-amount message', {
      timeout: 5000,
    });
    expect(errors.at(-1)?.detail.code).to.equal('missing_amount');
    const ready = oneEvent(el, 'mp-ready');
    el.amount = 1500.5; // a framework setting the property after upgrade
    await ready;
    await el.updateComplete;
    expect(messageText(el), 'the old refusal is gone').to.equal('');
    expect(el.matches(':state(ready)')).to.equal(true);
    await fillCard(el, { name: 'APRO' });
    expect((await pay(el)).detail.status).to.equal('approved');
    expect((await merchantRequests(logId))[0].body.transaction_amount).to.equal(1500.5);
  });

  it('a late public-key and a late action bring the form up, in either order', async () => {
    for (const order of [
      ['public-key', 'action'],
      ['action', 'public-key'],
    ]) {
      const logId = newLogId();
      const el = await bareCheckout({ amount: '250', locale: 'en', site: 'MLA' });
      await waitUntil(() => el.matches(':state(error)'), 'not refused', { timeout: 5000 });
      const values: Record<string, string> = { 'public-key': 'TEST-MLA-sandbox-key', action: `/sandbox/${logId}/process_payment` };
      el.setAttribute(order[0], values[order[0]]);
      await sleep(50);
      expect(el.matches(':state(ready)'), `not ready with only ${order[0]}`).to.equal(false);
      const ready = oneEvent(el, 'mp-ready');
      el.setAttribute(order[1], values[order[1]]);
      await ready;
      await el.updateComplete;
      expect(messageText(el)).to.equal('');
      await fillCard(el, { name: 'APRO' });
      expect((await pay(el)).detail.status, order.join(' then ')).to.equal('approved');
      el.remove();
    }
  });

  it('a broken configuration fixed at run time recovers', async () => {
    const logId = newLogId();
    const el = await bareCheckout({ 'public-key': 'TEST-MLA-sandbox-key', amount: '100', action: 'javascript:alert(1)', locale: 'en', site: 'MLA' });
    await waitUntil(() => messageText(el).includes('"action" attribute is not a valid'), 'no invalid-action message', { timeout: 5000 });
    const ready = oneEvent(el, 'mp-ready');
    el.action = `/sandbox/${logId}/process_payment`;
    await ready;
    await el.updateComplete;
    expect(messageText(el)).to.equal('');
    await fillCard(el, { name: 'APRO' });
    expect((await pay(el)).detail.status).to.equal('approved');
  });

  const breaks: Array<{ attribute: string; value: string; code: string }> = [
    { attribute: 'action', value: 'data:text/html,<h1>x</h1>', code: 'invalid_action' },
    { attribute: 'amount', value: '-1', code: 'invalid_amount' },
    { attribute: 'amount', value: '1500.555', code: 'amount_decimals' },
    { attribute: 'request-timeout', value: 'abc', code: 'invalid_request_timeout' },
    { attribute: 'request-timeout', value: '0', code: 'invalid_request_timeout' },
    // A "never" beyond what a timer can wait fires at once: every POST would be cut off as it goes.
    { attribute: 'request-timeout', value: '9999999999', code: 'invalid_request_timeout' },
    { attribute: 'sdk-timeout', value: '2147483648', code: 'invalid_sdk_timeout' },
    { attribute: 'status-action', value: 'javascript:alert(1)', code: 'invalid_status_action' },
    { attribute: 'public-key', value: 'pk_live_123', code: 'invalid_public_key' },
    // It goes out as a header: a space or a line break would make every POST fail as "network".
    { attribute: 'idempotency-key', value: 'order 42', code: 'invalid_idempotency_key' },
  ];
  for (const { attribute, value, code } of breaks) {
    it(`${attribute}="${value}" set after the form is ready stops payment with mp-error ${code}, even in the same task as the click`, async () => {
      const { el, logId } = await renderCheckout();
      await fillCard(el, { name: 'APRO' });
      const errors = collectEvents(el, ['mp-error']);
      el.setAttribute(attribute, value);
      (part(el, 'submit-button') as HTMLButtonElement).click();
      await waitUntil(() => errors.length > 0, 'no mp-error', { timeout: 5000 });
      expect(errors.map((e) => e.detail.code)).to.deep.equal([code]);
      await el.updateComplete;
      expect(el.matches(':state(error)')).to.equal(true);
      expect(part(el, 'form')!.hidden, 'no payable form').to.equal(true);
      await el.submit();
      await sleep(100);
      expect(await merchantRequests(logId), 'nothing was posted').to.deep.equal([]);
      expect(payButtonText(el)).not.to.contain('-');
    });
  }

  it('installments outside a range changed in the same task are never posted', async () => {
    const { el, logId } = await renderCheckout();
    await fillCard(el, { name: 'APRO' });
    const select = part(el, 'installments') as HTMLSelectElement;
    select.value = '12';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    el.maxInstallments = 3;
    await el.submit();
    await waitUntil(() => part(el, 'installments') && !(part(el, 'installments') as HTMLSelectElement).disabled, 'never re-quoted', { timeout: 5000 });
    const posted = (await merchantRequests(logId)).map((r) => r.body.installments);
    expect(
      posted.every((n) => n <= 3),
      `posted ${posted.join(', ')}`,
    ).to.equal(true);
    expect(Array.from((part(el, 'installments') as HTMLSelectElement).options, (o) => Number(o.value)).every((n) => n <= 3)).to.equal(true);
  });
});

describe('<mp-checkout> amounts: shown exactly as posted', () => {
  const refused: Array<{ site: string; locale: string; amount: string }> = [
    { site: 'MLC', locale: 'es-CL', amount: '1500.5' },
    { site: 'MCO', locale: 'es-CO', amount: '20000.25' },
    { site: 'MLA', locale: 'es-AR', amount: '1500.555' },
    { site: 'MLB', locale: 'pt-BR', amount: '99.999' },
  ];
  for (const { site, locale, amount } of refused) {
    for (const key of ['TEST-sandbox-key', 'APP_USR-sandbox-key']) {
      it(`${amount} in ${site} is refused with a ${key.slice(0, 4)} key (amount_decimals)`, async () => {
        const logId = newLogId();
        const el = await bareCheckout({ 'public-key': key, amount, action: `/sandbox/${logId}/process_payment`, locale, site });
        await waitUntil(() => el.matches(':state(error)'), 'not refused', { timeout: 5000 });
        const entry = el.audit().find((e) => e.id === 'config' && !e.ok);
        expect(entry?.severity).to.equal('error');
        expect(el.querySelectorAll('iframe')).to.have.length(0);
        expect(payButtonText(el), 'no rounded amount on a button').to.not.match(/\d/);
      });
    }
  }

  for (const { site, locale, amount, card, id } of [
    { site: 'MLA', locale: 'es-AR', amount: '1500.5', card: '4509953566233704', id: '12345678' },
    { site: 'MLC', locale: 'es-CL', amount: '30000', card: '4168818844447115', id: '123456789' },
    { site: 'MLB', locale: 'pt-BR', amount: '10.99', card: '4235647728025682', id: '12345678909' },
  ]) {
    it(`${amount} in ${site}: the button shows what is posted`, async () => {
      const { el, logId } = await renderCheckout({ attrs: { site, locale, amount, 'public-key': `TEST-${site}-sandbox-key` } });
      await fillCard(el, { number: card, name: 'APRO', idNumber: id });
      const currency = { MLA: 'ARS', MLC: 'CLP', MLB: 'BRL' }[site]!;
      const decimals = site === 'MLC' ? 0 : 2;
      const shown = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
        Number(amount),
      );
      expect(payButtonText(el)).to.contain(shown);
      const event = await pay(el);
      expect(event.detail.status, messageText(el)).to.equal('approved');
      expect((await merchantRequests(logId))[0].body.transaction_amount).to.equal(Number(amount));
    });
  }
});

describe('<mp-checkout> configuration messages say what is wrong, in sentences', () => {
  async function refusal(attrs: Record<string, string>): Promise<{ el: MpCheckoutElement; message: string; codes: string[] }> {
    const el = await bareCheckout({ locale: 'en', site: 'MLA', ...attrs });
    const errors = collectEvents(el, ['mp-error']);
    await waitUntil(() => el.matches(':state(error)') && messageText(el) !== '' && errors.length > 0, 'no configuration refusal', { timeout: 5000 });
    return { el, message: messageText(el), codes: errors.map((e) => e.detail.code as string) };
  }

  it('several problems read as sentences, each starting with a capital', async () => {
    const { message } = await refusal({ 'public-key': 'TEST-MLA-sandbox-key' });
    expect(message).to.equal(
      'This checkout is not configured correctly. The "amount" attribute is missing. The "action" attribute (the payment endpoint URL) is missing.',
    );
  });

  const keys: Array<{ key: string; says: RegExp; why: string }> = [
    { key: ' TEST-MLA-sandbox-key\n', says: /spaces or line breaks around the key/, why: 'whitespace around a good key' },
    { key: 'TEST-…', says: /still the example "TEST-…" from the documentation/, why: 'the README placeholder' },
    { key: 'APP_USR-...', says: /still the example "APP_USR-\.\.\." from the documentation/, why: 'the placeholder typed with dots' },
    { key: 'TEST-MLA sandbox key', says: /characters a Mercado Pago public key never has/, why: 'characters no key has' },
    { key: 'pk_live_123', says: /must start with TEST- \(test mode\) or APP_USR- \(production\)/, why: 'another prefix' },
  ];
  for (const { key, says, why } of keys) {
    it(`public-key ${JSON.stringify(key)} (${why}): its own message, the same mp-error code`, async () => {
      const { message, codes } = await refusal({ 'public-key': key, amount: '100', action: '/process_payment' });
      expect(message).to.match(says);
      for (const other of keys.filter((k) => k.says !== says)) expect(message).to.not.match(other.says);
      expect(codes.at(-1)).to.equal('invalid_public_key');
    });
  }

  it('the audit() entry carries the precise message too', async () => {
    const { el } = await refusal({ 'public-key': 'TEST-…', amount: '100', action: '/process_payment' });
    const entry = el.audit().find((e) => !e.ok && e.severity === 'error' && e.message.includes('public-key'));
    expect(entry?.message).to.match(/still the example "TEST-…"/);
  });
});
