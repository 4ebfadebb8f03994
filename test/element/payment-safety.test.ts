/**
 * The payment is never sent twice, never sent with data the buyer did not confirm, and never
 * lost — whatever the page does to the element meanwhile.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import {
  buttonWithText,
  collectEvents,
  fillCard,
  MLA_VISA,
  merchantRequests,
  messageText,
  part,
  pay,
  renderCheckout,
  sleep,
  typeInto,
} from '../helpers/fixtures.js';

const posts = async (logId: string) => (await merchantRequests(logId)).filter((r) => r.method === 'POST');
const payButton = (el: MpCheckoutElement) => part(el, 'submit-button') as HTMLButtonElement;

/** Points the element at another scripted server behaviour, keeping the same merchant log. */
async function respondWith(el: MpCheckoutElement, mode: string): Promise<void> {
  el.setAttribute('action', el.getAttribute('action')!.replace(/respond=[^&]*/, `respond=${mode}`));
  await el.updateComplete;
}

async function chooseInstallments(el: MpCheckoutElement, count: number): Promise<void> {
  const select = part(el, 'installments') as HTMLSelectElement;
  await waitUntil(() => !select.disabled && Array.from(select.options).some((o) => o.value === String(count)), `no ${count} installments`, { timeout: 5000 });
  typeInto(select, String(count));
  await el.updateComplete;
}

/** The page re-creates the element for the same order (a framework re-render, or the page after a reload). */
async function rerender(el: MpCheckoutElement, logId: string, attrs: Record<string, string>): Promise<MpCheckoutElement> {
  el.remove();
  const again = await renderCheckout({ logId, attrs: { ...attrs, action: el.getAttribute('action')! } });
  await again.el.updateComplete;
  return again.el;
}

describe('<mp-checkout> payment safety', () => {
  it('after an approval, detaching and re-attaching the element does not make it payable again', async () => {
    const { el, logId } = await renderCheckout();
    await fillCard(el, { name: 'APRO' });
    await pay(el);
    const parent = el.parentElement!;
    el.remove();
    await sleep(50); // longer than a DOM move: the element really left
    parent.append(el);
    await sleep(300);
    await el.updateComplete;
    expect(part(el, 'form')!.hidden, 'the form stays hidden').to.equal(true);
    expect(el.matches(':state(ready)'), 'not ready to pay').to.equal(false);
    expect(messageText(el)).to.match(/^Payment approved!/);
    await el.submit();
    expect(await posts(logId)).to.have.length(1);
  });

  it('removing the element while the POST is in flight keeps the answer: mp-payment still fires', async () => {
    const { el, logId } = await renderCheckout({ respond: 'sandbox&delay=400' });
    await fillCard(el, { name: 'APRO' });
    const payments = collectEvents(el, ['mp-payment']);
    payButton(el).click();
    await waitUntil(async () => (await posts(logId)).length === 1, 'the POST never left', { timeout: 3000, interval: 20 });
    const parent = el.parentElement!;
    el.remove();
    await waitUntil(() => payments.length === 1, 'the answer was lost', { timeout: 3000 });
    expect(payments[0].detail.status).to.equal('approved');
    parent.append(el);
    await el.updateComplete;
    expect(messageText(el)).to.match(/^Payment approved!/);
    expect(part(el, 'form')!.hidden).to.equal(true);
  });

  it('the body is read when the buyer presses pay: a later amount change cannot reach that POST', async () => {
    const { el, logId } = await renderCheckout();
    await fillCard(el, { name: 'APRO' });
    const submits = collectEvents(el, ['mp-submit']);
    const answer = new Promise((resolve) => el.addEventListener('mp-payment', resolve, { once: true }));
    payButton(el).click();
    el.amount = 99999; // the page changes the amount while the card token is being made
    await answer;
    const [post] = await posts(logId);
    expect(post.body.transaction_amount).to.equal(1500.5);
    expect(submits[0].detail.amount, 'mp-submit announced what was sent').to.equal(1500.5);
    expect(messageText(el)).to.contain('1,500.50');
  });

  it('an amount change while the card is still being looked up ends with options for the new amount', async () => {
    const { el } = await renderCheckout({ attrs: { amount: '1000' } });
    const cardDone = fillCard(el, { name: 'APRO' });
    el.amount = 2000; // lands while the BIN lookup is in flight
    await cardDone;
    await waitUntil(() => !(part(el, 'installments') as HTMLSelectElement).disabled, 'installments stuck', { timeout: 5000 });
    const single = (part(el, 'installments') as HTMLSelectElement).options[0].textContent;
    expect(single, 'the 1-payment option is quoted for 2000').to.contain('2,000.00');
  });

  it('a pending payment that is finally rejected gives the buyer a usable form again', async () => {
    const { el, logId } = await renderCheckout();
    el.setAttribute('status-action', `/sandbox/${logId}/payment_status?respond=200-rejected`);
    await fillCard(el, { name: 'CONT' });
    const payments = collectEvents(el, ['mp-payment']);
    const first = await pay(el);
    expect(first.detail.status).to.equal('in_process');
    await el.updateComplete;
    expect(part(el, 'form')!.hidden, 'nothing to fill in while pending').to.equal(true);
    await waitUntil(() => payments.length === 2, 'the polled rejection never came', { timeout: 8000 });
    expect(payments[1].detail.status).to.equal('rejected');
    await waitUntil(() => el.matches(':state(ready)'), 'the form did not come back', { timeout: 5000 });
    await el.updateComplete;
    expect(part(el, 'form')!.hidden).to.equal(false);
    expect(payButton(el).disabled).to.equal(false);
    expect(messageText(el)).to.equal('Visa did not process the payment.');
  });

  it('an invalid success-url is a configuration problem, never an uncaught error after approval', async () => {
    const { el } = await renderCheckout({ attrs: { 'success-url': 'http://[' } });
    const audit = el.audit();
    expect(audit.some((e) => e.id === 'config' && e.message.includes('success-url'))).to.equal(true);
    await fillCard(el, { name: 'APRO' });
    const event = await pay(el);
    expect(event.detail.status).to.equal('approved');
  });

  it('CLP amounts with decimals are caught when the site comes from the locale (es-CL)', async () => {
    const { el } = await renderCheckout({ waitReady: false, attrs: { site: '', locale: 'es-CL', amount: '1500.50', 'public-key': 'TEST-MLC-sandbox' } });
    el.removeAttribute('site');
    await waitUntil(() => el.audit().some((e) => e.id === 'config' && e.message.includes('CLP')), 'no decimals warning', { timeout: 5000 });
  });

  it('a locale without a country makes audit() say the site is a guess', async () => {
    const { el } = await renderCheckout({ attrs: { locale: 'en' } });
    el.removeAttribute('site');
    await el.updateComplete;
    const entry = el.audit().find((e) => e.message.includes('No site is set'));
    expect(entry?.severity).to.equal('warning');
  });

  describe('an attempt whose outcome is unknown is never replaced by a second one', () => {
    afterEach(() => sessionStorage.clear());

    it('a 2xx with a status that is not Mercado Pago\'s locks the form; "Check again" repeats the same attempt', async () => {
      const { el, logId } = await renderCheckout({ respond: '200-success' });
      await fillCard(el);
      const answer = await pay(el);
      expect(answer.detail.status).to.equal('success');
      await el.updateComplete;
      expect(part(el, 'form')!.hidden, 'locked as for a pending payment').to.equal(true);
      expect(payButton(el).disabled, 'no fresh payment from the pay button').to.equal(true);
      expect(messageText(el)).to.match(/did not confirm your payment of ARS\s?1,500\.50 with Visa.*Do not pay again/);
      await el.submit();
      await respondWith(el, 'sandbox');
      const approved = new Promise<CustomEvent>((resolve) => el.addEventListener('mp-payment', (e) => resolve(e as CustomEvent), { once: true }));
      buttonWithText(el, 'Check again')!.click();
      expect((await approved).detail.status).to.equal('approved');
      const [first, second, third] = await posts(logId);
      expect(second.headers['x-idempotency-key'], 'submit() repeated the attempt').to.equal(first.headers['x-idempotency-key']);
      expect(third.headers['x-idempotency-key'], '"Check again" repeated it too').to.equal(first.headers['x-idempotency-key']);
      expect(third.body).to.deep.equal(first.body);
    });

    it('a 409 (the same key still being processed) keeps the attempt: the retry sends the same key and body', async () => {
      const { el, logId } = await renderCheckout({ respond: '409' });
      await fillCard(el);
      const error = await pay(el, 'mp-error');
      expect(error.detail.httpStatus).to.equal(409);
      expect(messageText(el)).to.match(/not be charged twice/);
      await respondWith(el, 'sandbox');
      expect((await pay(el)).detail.status).to.equal('approved');
      const [first, second] = await posts(logId);
      expect(second.headers['x-idempotency-key']).to.equal(first.headers['x-idempotency-key']);
      expect(second.body).to.deep.equal(first.body);
    });

    it('after a 502, the element the page re-creates for the same order repeats the attempt, and says so before the click', async () => {
      const attrs = { 'external-reference': `order-${Math.random()}` };
      const { el, logId } = await renderCheckout({ respond: '502-html', attrs });
      await fillCard(el);
      await chooseInstallments(el, 3);
      await pay(el, 'mp-error');
      const stored = Object.keys(sessionStorage).map((key) => sessionStorage.getItem(key)!);
      expect(stored, 'one attempt kept for the order').to.have.length(1);
      expect(stored[0], 'no card number').not.to.contain(MLA_VISA);
      const kept = JSON.parse(stored[0]) as { idempotencyKey: string; body: Record<string, unknown> };
      const [first] = await posts(logId);
      expect(kept.idempotencyKey).to.equal(first.headers['x-idempotency-key']);
      expect(kept.body, 'exactly what was posted: no card number, CVV or expiry').to.deep.equal(first.body);

      const next = await rerender(el, logId, attrs);
      expect(payButton(next).textContent).to.match(/Repeat the payment of ARS\s?1,500\.50 with Visa in 3 installments/);
      expect(messageText(next)).to.match(/A payment of ARS\s?1,500\.50 with Visa was already sent for this order/);
      const submits = collectEvents(next, ['mp-submit']);
      // The new element's card fields are empty: the click repeats the attempt, it does not make a new one.
      await pay(next, 'mp-error');
      const [, second] = await posts(logId);
      expect(second.headers['x-idempotency-key'], 'same key').to.equal(first.headers['x-idempotency-key']);
      expect(second.body, 'same body, same token').to.deep.equal(first.body);
      expect(submits[0].detail).to.deep.equal({ amount: 1500.5, paymentMethodId: 'visa', installments: 3 });
    });

    it('the attempt is recorded before it is sent: re-created while the POST is in flight, the next element repeats it', async () => {
      const attrs = { 'external-reference': `order-${Math.random()}` };
      const { el, logId } = await renderCheckout({ respond: 'sandbox&delay=600', attrs });
      await fillCard(el);
      payButton(el).click();
      await waitUntil(async () => (await posts(logId)).length === 1, 'the POST never left', { timeout: 3000, interval: 20 });
      const next = await rerender(el, logId, attrs);
      expect((await pay(next)).detail.status).to.equal('approved');
      const [first, second] = await posts(logId);
      expect(second.headers['x-idempotency-key']).to.equal(first.headers['x-idempotency-key']);
      expect(second.body).to.deep.equal(first.body);
      const [record] = Object.values(sessionStorage).map((text: string) => JSON.parse(text) as { idempotencyKey: string });
      expect(record.idempotencyKey, 'the approved payment of a named order stays on record').to.equal(first.headers['x-idempotency-key']);
    });

    it("a second element for the same order on the page repeats the first one's unresolved attempt", async () => {
      const attrs = { 'external-reference': `order-${Math.random()}` };
      const { el: first, logId } = await renderCheckout({ respond: '502-html', attrs });
      const { el: second } = await renderCheckout({ logId, attrs: { ...attrs, action: first.getAttribute('action')! } });
      await fillCard(first);
      await pay(first, 'mp-error');
      await fillCard(second, { number: '5031755734530604' });
      await pay(second, 'mp-error');
      const [a, b] = await posts(logId);
      expect(b.headers['x-idempotency-key']).to.equal(a.headers['x-idempotency-key']);
      expect(b.body).to.deep.equal(a.body);
    });

    for (const [name, status] of [
      ['APRO', 'approved'],
      ['CONT', 'in_process'],
    ] as const) {
      it(`a named order whose payment exists (${status}) is not paid again after a reload: the attempt is repeated`, async () => {
        const attrs = { 'external-reference': `order-${Math.random()}` };
        const { el, logId } = await renderCheckout({ attrs });
        await fillCard(el, { name });
        expect((await pay(el)).detail.status).to.equal(status);
        const next = await rerender(el, logId, attrs);
        expect(payButton(next).textContent).to.match(/Repeat the payment of ARS\s?1,500\.50 with Visa/);
        // The sandbox merchant, like Mercado Pago, answers a repeated key with the first payment.
        const again = await pay(next);
        expect(again.detail.status).to.equal(status);
        const [first, second] = await posts(logId);
        expect(second.headers['x-idempotency-key']).to.equal(first.headers['x-idempotency-key']);
        expect(second.body).to.deep.equal(first.body);
      });
    }

    it('a rejection ends the record: the reloaded page starts a fresh attempt, as does a page without a reference', async () => {
      const attrs = { 'external-reference': `order-${Math.random()}` };
      const { el, logId } = await renderCheckout({ attrs });
      await fillCard(el, { name: 'OTHE' });
      expect((await pay(el)).detail.status).to.equal('rejected');
      expect(Object.keys(sessionStorage)).to.have.length(0);
      const { el: unnamed } = await renderCheckout({ logId, attrs: { action: el.getAttribute('action')! } });
      await fillCard(unnamed, { name: 'APRO' });
      expect((await pay(unnamed)).detail.status).to.equal('approved');
      expect(Object.keys(sessionStorage), 'no reference: nothing tells this purchase from the next').to.have.length(0);
    });

    it('another order (another reference or amount) does not pick up the attempt', async () => {
      const attrs = { 'external-reference': `order-${Math.random()}` };
      const { el, logId } = await renderCheckout({ respond: '502-html', attrs });
      await fillCard(el);
      await pay(el, 'mp-error');
      const other = await rerender(el, logId, { ...attrs, amount: '99' });
      expect(payButton(other).textContent).to.match(/^\s*Pay ARS\s?99\.00\s*$/);
      await fillCard(other);
      await pay(other, 'mp-error');
      const [first, second] = await posts(logId);
      expect(second.headers['x-idempotency-key']).not.to.equal(first.headers['x-idempotency-key']);
    });

    it("the merchant's idempotency-key is sent as X-Idempotency-Key", async () => {
      const key = `order-42:try-${Date.now()}`;
      const { el, logId } = await renderCheckout({ attrs: { 'idempotency-key': key } });
      await fillCard(el);
      await pay(el);
      const [post] = await posts(logId);
      expect(post.headers['x-idempotency-key']).to.equal(key);
    });

    it("after a 502 the page changes the amount: the button, mp-submit and the result keep the attempt's amount", async () => {
      const { el, logId } = await renderCheckout({ respond: '502-html' });
      await fillCard(el);
      await chooseInstallments(el, 3);
      await pay(el, 'mp-error');
      el.amount = 100;
      await el.updateComplete;
      expect(payButton(el).textContent, 'the button shows what pay repeats').to.match(/Repeat the payment of ARS\s?1,500\.50 with Visa in 3 installments/);
      expect(payButton(el).textContent).not.to.contain('100.00');
      await respondWith(el, 'sandbox');
      const submits = collectEvents(el, ['mp-submit']);
      expect((await pay(el)).detail.status).to.equal('approved');
      expect(submits[0].detail, 'mp-submit announces the attempt').to.deep.equal({ amount: 1500.5, paymentMethodId: 'visa', installments: 3 });
      const [first, second] = await posts(logId);
      expect(second.body.transaction_amount).to.equal(1500.5);
      expect(second.body).to.deep.equal(first.body);
      expect(messageText(el)).to.contain('1,500.50');
      await el.updateComplete;
      expect(payButton(el).textContent, "settled: the button is the form's again").to.match(/Pay ARS\s?100\.00/);
    });
  });
});
