/**
 * What the merchant's page hands the element through properties (`headers`, `items`, `payer`) is
 * used only within bounds: it cannot take over the headers the element owns, and it cannot make
 * the element throw or post an outsized body.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { collectEvents, fillCard, merchantRequests, messageText, newLogId, pay, renderCheckout } from '../helpers/fixtures.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('<mp-checkout> hostile input from the page', () => {
  it('merchant headers cannot replace or duplicate X-Idempotency-Key, Content-Type or Accept, on the POST and the status polls', async () => {
    const logId = newLogId();
    const { el } = await renderCheckout({ logId, attrs: { 'status-action': `/sandbox/${logId}/payment_status` } });
    el.headers = {
      'x-idempotency-key': 'merchant-key',
      'CONTENT-TYPE': 'text/plain',
      accept: 'text/html',
      ' Accept ': 'application/json',
      'X-CSRF-Token': 'csrf-1',
    };
    await el.updateComplete;
    const problem = el.audit().find((entry) => entry.id === 'config' && !entry.ok);
    expect(problem?.severity, 'a warning with a TEST- key').to.equal('warning');
    expect(problem?.message).to.contain('x-idempotency-key, CONTENT-TYPE, accept');
    expect(problem?.message, 'repeating the element’s own value is no problem').not.to.contain(' Accept ');

    await fillCard(el, { name: 'CONT' });
    const payments = collectEvents(el, ['mp-payment']);
    await pay(el);
    await waitUntil(() => payments.length === 2, 'the pending payment never settled', { timeout: 8000, interval: 100 });

    const [post, ...polls] = await merchantRequests(logId);
    expect(post.headers['x-idempotency-key']).to.match(UUID_V4);
    expect(post.headers['content-type']).to.equal('application/json');
    expect(post.headers.accept).to.equal('application/json');
    expect(post.headers['x-csrf-token'], 'other headers pass').to.equal('csrf-1');
    expect(polls.length).to.be.greaterThan(0);
    for (const poll of polls) {
      expect(poll.headers.accept).to.equal('application/json');
      expect(poll.headers['x-idempotency-key']).to.equal(undefined);
      expect(poll.headers['x-csrf-token']).to.equal('csrf-1');
    }
  });

  it('merchant headers that set X-Idempotency-Key refuse the form in production', async () => {
    const { el } = await renderCheckout({ attrs: { 'public-key': 'APP_USR-sandbox-key' }, waitReady: false });
    const errors = collectEvents(el, ['mp-error']);
    el.headers = { 'X-Idempotency-Key': 'order-42' };
    await waitUntil(() => el.matches(':state(error)'), 'the production form was not refused', { timeout: 5000 });
    expect(messageText(el)).to.contain('"headers" property sets X-Idempotency-Key');
    expect(errors.flatMap((e) => (e.detail as { causes?: string[] }).causes ?? [])).to.include('reserved_header');
  });
});
