/**
 * The payment is never sent twice, never sent with data the buyer did not confirm, and never
 * lost — whatever the page does to the element meanwhile.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import { collectEvents, fillCard, merchantRequests, messageText, part, pay, renderCheckout, sleep } from '../helpers/fixtures.js';

const posts = async (logId: string) => (await merchantRequests(logId)).filter((r) => r.method === 'POST');
const payButton = (el: MpCheckoutElement) => part(el, 'submit-button') as HTMLButtonElement;

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
});
