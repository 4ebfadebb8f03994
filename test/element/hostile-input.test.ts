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

  /** Every uncaught error and unhandled rejection on the page while `run` runs. */
  async function uncaughtDuring(run: () => Promise<void>): Promise<unknown[]> {
    const seen: unknown[] = [];
    const onError = (event: ErrorEvent) => seen.push(event.error ?? event.message);
    const onRejection = (event: PromiseRejectionEvent) => seen.push(event.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      await run();
      await new Promise((resolve) => setTimeout(resolve, 50)); // let a rejection surface
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
    return seen;
  }

  const configProblem = (el: HTMLElement & { audit(): Array<{ id: string; ok: boolean; severity: string; message: string }> }) =>
    el.audit().filter((entry) => entry.id === 'config' && !entry.ok);

  it('an items attribute nested 8,000 levels deep is reported as invalid_items, throws nowhere and is not posted', async () => {
    const deep = `[${'['.repeat(8000)}${']'.repeat(8000)}]`;
    let logId = '';
    const uncaught = await uncaughtDuring(async () => {
      const rendered = await renderCheckout({ attrs: { items: deep } });
      logId = rendered.logId;
      const { el } = rendered;
      expect(
        configProblem(el)
          .map((entry) => entry.message)
          .join(),
      ).to.contain('"items" attribute is not a JSON array of at most 100 items');
      await fillCard(el, { name: 'APRO' });
      expect((await pay(el)).detail.status).to.equal('approved');
    });
    expect(uncaught).to.deep.equal([]);
    const [post] = await merchantRequests(logId);
    expect(post.body.additional_info?.items).to.equal(undefined);
  });

  it('a 1 MB items property, 101 items, or a payer 100 levels deep are reported and left out of the POST', async () => {
    const { el, logId } = await renderCheckout();
    const huge = Array.from({ length: 100 }, (_, i) => ({ id: `sku-${i}`, title: 'x'.repeat(10_000), quantity: 1, unit_price: 1 }));
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ id: `sku-${i}`, title: 'Mate', quantity: 1, unit_price: 1 }));
    let deepPayer: Record<string, unknown> = { street_name: 'Calle' };
    for (let level = 0; level < 100; level++) deepPayer = { address: deepPayer };
    for (const items of [huge, tooMany]) {
      el.items = items;
      await el.updateComplete;
      expect(
        configProblem(el)
          .map((entry) => entry.message)
          .join(),
        `${items.length} items`,
      ).to.contain('"items" attribute');
    }
    el.payer = { email: 'ana@example.com', first_name: 'Ana', ...deepPayer };
    await el.updateComplete;
    expect(configProblem(el).map((entry) => entry.message)).to.have.length(2);
    expect(configProblem(el)[1].message).to.contain('"payer" property is more than 8 levels deep');

    await fillCard(el, { name: 'APRO' });
    expect((await pay(el)).detail.status).to.equal('approved');
    const [post] = await merchantRequests(logId);
    expect(JSON.stringify(post.body).length, 'the POST stays small').to.be.lessThan(2_000);
    expect(post.body.additional_info?.items).to.equal(undefined);
    expect(post.body.payer.email, 'the payer property is not read').to.equal('buyer@example.com');
  });

  it('items and payer within the bounds are posted as given', async () => {
    const { el, logId } = await renderCheckout();
    const items = Array.from({ length: 100 }, (_, i) => ({
      id: `sku-${i}`,
      title: 'Mate',
      quantity: 1,
      unit_price: 10,
      category_descriptor: { passenger: { first_name: 'Ana' }, route: { departure: 'EZE', arrival: 'GRU' } },
    }));
    el.items = items;
    el.payer = { email: 'ana@example.com', address: { zip_code: '1000', street_name: 'Calle', street_number: 12 } };
    await el.updateComplete;
    expect(configProblem(el)).to.deep.equal([]);
    await fillCard(el, { name: 'APRO' });
    await pay(el);
    const [post] = await merchantRequests(logId);
    expect(post.body.additional_info.items).to.deep.equal(items);
    expect(post.body.additional_info.payer.address).to.deep.equal({ zip_code: '1000', street_name: 'Calle', street_number: 12 });
  });
});
