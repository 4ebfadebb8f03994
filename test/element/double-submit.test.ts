import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import { clickPay, collectEvents, fillCard, merchantRequests, messageText, part, renderCheckout, sleep } from '../helpers/fixtures.js';

/**
 * The merchant endpoint answers slowly, so the request is in flight while the buyer keeps clicking.
 * One second, not less: the test sees the POST arrive by polling the merchant log, and with three
 * engines side by side on two cores a poll can take longer than 300 ms (WebKit then saw the answer
 * before it could check the in-flight state).
 */
const SLOW = 'sandbox&delay=1000';

function payButton(el: MpCheckoutElement): HTMLButtonElement {
  return part(el, 'submit-button') as HTMLButtonElement;
}

/** While the POST is in flight: the button is disabled and busy, the element is :state(submitting). */
async function expectLockedWhileInFlight(el: MpCheckoutElement, logId: string): Promise<void> {
  await el.updateComplete;
  expect(el.matches(':state(submitting)'), ':state(submitting) right after the click').to.equal(true);
  expect(payButton(el).disabled, 'pay button disabled right after the click').to.equal(true);
  // The POST has reached the server and has not been answered yet.
  await waitUntil(async () => (await merchantRequests(logId)).length === 1, 'the POST never arrived', { timeout: 3000 });
  await el.updateComplete;
  expect(el.matches(':state(submitting)'), ':state(submitting) while the POST is in flight').to.equal(true);
  expect(el.matches(':state(ready)')).to.equal(false);
  expect(payButton(el).disabled, 'pay button disabled while the POST is in flight').to.equal(true);
  expect(payButton(el).getAttribute('aria-busy')).to.equal('true');
  expect((part(el, 'cardholder-name') as HTMLInputElement).disabled, 'inputs locked while in flight').to.equal(true);
}

async function expectOnePostAndApproved(el: MpCheckoutElement, logId: string, answer: Promise<CustomEvent>): Promise<void> {
  const event = await answer;
  expect(event.detail.status).to.equal('approved');
  await waitUntil(() => messageText(el).includes('approved'), 'approval never shown');
  await el.updateComplete;
  expect(el.matches(':state(submitting)'), 'not submitting after the answer').to.equal(false);
  // Give any queued duplicate a chance to go out before counting.
  await sleep(150);
  const posts = (await merchantRequests(logId)).filter((r) => r.method === 'POST');
  expect(posts, 'exactly one POST reached the merchant').to.have.length(1);
}

describe('<mp-checkout> double submit', () => {
  it('a double click (two clicks in the same task) sends exactly one POST', async () => {
    const { el, logId } = await renderCheckout({ respond: SLOW });
    await fillCard(el);
    const submits = collectEvents(el, ['mp-submit']);
    const answer = oneEvent(el, 'mp-payment');
    clickPay(el);
    clickPay(el);
    await expectLockedWhileInFlight(el, logId);
    await expectOnePostAndApproved(el, logId, answer);
    expect(submits, 'one mp-submit').to.have.length(1);
  });

  it('a human double click (second click 40 ms later) sends exactly one POST', async () => {
    const { el, logId } = await renderCheckout({ respond: SLOW });
    await fillCard(el);
    const answer = oneEvent(el, 'mp-payment');
    clickPay(el);
    await sleep(40);
    clickPay(el);
    await expectLockedWhileInFlight(el, logId);
    await expectOnePostAndApproved(el, logId, answer);
  });

  it('ten synchronous clicks on pay send exactly one POST', async () => {
    const { el, logId } = await renderCheckout({ respond: SLOW });
    await fillCard(el);
    const submits = collectEvents(el, ['mp-submit']);
    const answer = oneEvent(el, 'mp-payment');
    for (let i = 0; i < 10; i++) clickPay(el);
    await expectLockedWhileInFlight(el, logId);
    // Clicking the locked button while the POST is in flight changes nothing either.
    for (let i = 0; i < 10; i++) clickPay(el);
    await expectOnePostAndApproved(el, logId, answer);
    expect(submits, 'one mp-submit').to.have.length(1);
  });

  it('el.submit() called ten times sends exactly one POST', async () => {
    const { el, logId } = await renderCheckout({ respond: SLOW });
    await fillCard(el);
    const payments = collectEvents(el, ['mp-payment']);
    const answer = oneEvent(el, 'mp-payment');
    const calls: Array<Promise<void>> = [];
    for (let i = 0; i < 10; i++) calls.push(el.submit());
    await expectLockedWhileInFlight(el, logId);
    await Promise.all(calls);
    await expectOnePostAndApproved(el, logId, answer);
    expect(payments, 'one payment result').to.have.length(1);
  });

  it('el.submit() and clicks mixed while in flight still send exactly one POST', async () => {
    const { el, logId } = await renderCheckout({ respond: SLOW });
    await fillCard(el);
    const answer = oneEvent(el, 'mp-payment');
    void el.submit();
    clickPay(el);
    await el.updateComplete;
    void el.submit();
    clickPay(el);
    await expectLockedWhileInFlight(el, logId);
    void el.submit();
    await expectOnePostAndApproved(el, logId, answer);
  });
});
