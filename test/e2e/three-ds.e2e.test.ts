/**
 * 3-D Secure end to end: the built CDN bundle on the demo server, in headless Chromium. The sandbox
 * answers cardholder name CHAL with `pending_challenge` and `three_ds_info`; the element POSTs the
 * `creq` into an iframe it owns, the buyer confirms inside the issuer's page, the page posts
 * `{status: 'COMPLETE'}`, and the element polls `status-action` until the approval.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { E2E_ENGINES, messageOf, typeCard, useDemoSession, type DemoSession } from './chromium.ts';

let demo: DemoSession;

interface Seen {
  pageErrors: string[];
  requests: Array<{ method: string; path: string; postData?: string }>;
  /** Request bodies still being read (over WebDriver BiDi they are fetched after the event). */
  bodies: Array<Promise<void>>;
}

/** A request's body: synchronous over CDP (Chromium); over BiDi (Firefox) puppeteer fetches it with network.getData. */
function postDataOf(request: HTTPRequest): Promise<string | undefined> {
  try {
    return Promise.resolve(request.postData());
  } catch {
    return request.fetchPostData();
  }
}

async function openDemo(query: string): Promise<{ page: Page; seen: Seen }> {
  const page = await demo.browser.newPage();
  const seen: Seen = { pageErrors: [], requests: [], bodies: [] };
  page.on('pageerror', (error) => seen.pageErrors.push(String(error)));
  page.on('request', (request: HTTPRequest) => {
    const url = new URL(request.url());
    if (url.origin !== new URL(demo.url).origin) return;
    if (/^\/(process_payment|payment_status|sandbox\/3ds)/.test(url.pathname)) {
      const entry: Seen['requests'][number] = { method: request.method(), path: url.pathname + url.search };
      seen.requests.push(entry);
      seen.bodies.push(postDataOf(request).then((body) => void (entry.postData = body)));
    }
  });
  await page.goto(`${demo.url}${query}`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('mp-checkout')?.matches(':state(ready)'), { timeout: 20_000 });
  // Every mp-payment and mp-error the element fires, in order, as the merchant's page receives them.
  await page.evaluate(() => {
    const log: Array<{ type: string; detail: unknown }> = [];
    (window as unknown as { __events: typeof log }).__events = log;
    const el = document.querySelector('mp-checkout')!;
    for (const type of ['mp-payment', 'mp-error']) el.addEventListener(type, (e) => log.push({ type, detail: (e as CustomEvent).detail }));
  });
  return { page, seen };
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { __events: Array<{ type: string; detail: Record<string, unknown> }> }).__events);

const message = messageOf;

for (const engine of E2E_ENGINES)
  describe(`3-D Secure challenge on the demo (built bundle) [${engine}]`, () => {
    // Describe bodies all run first; each suite points the helpers at its own session before its tests.
    const session = useDemoSession(engine);
    before(() => {
      demo = session;
    });

    it('CHAL: the challenge opens inside the element, the buyer confirms, polling shows the approval', async () => {
      const { page, seen } = await openDemo('?locale=en&site=MLA');
      await typeCard(page, { name: 'CHAL' });
      await page.click('mp-checkout >>> [part~="submit-button"]');

      // The challenge iframe appears inside the element's shadow root, with an accessible title.
      const challenge = await page.waitForSelector('mp-checkout >>> iframe.challenge', { timeout: 10_000 });
      assert.ok(challenge, 'no challenge iframe');
      const title = await challenge.evaluate((f) => f.getAttribute('title') ?? '');
      assert.equal(title, 'Card issuer verification (3-D Secure)');
      const place = await challenge.evaluate((f) => ({
        inElement: (f.getRootNode() as ShadowRoot).host?.localName ?? null,
        visible: f.getBoundingClientRect().width > 0 && f.getBoundingClientRect().height > 0,
        nameless:
          !f.closest('form') && Array.from((f.getRootNode() as ShadowRoot).querySelectorAll('input, select, textarea')).every((c) => !c.hasAttribute('name')),
      }));
      assert.deepEqual(place, { inElement: 'mp-checkout', visible: true, nameless: true });

      // The first answer was "pending": one mp-payment, and the buyer is told to verify.
      await page.waitForFunction(() => (window as unknown as { __events: unknown[] }).__events.length >= 1);
      assert.deepEqual(
        (await events(page)).map((e) => [e.type, e.detail.status, e.detail.statusDetail]),
        [['mp-payment', 'pending', 'pending_challenge']],
      );
      const paymentId = (await events(page))[0].detail.id;
      assert.match(String(paymentId), /^\d+$/);
      assert.match(await message(page), /Your bank needs to verify this payment/);

      // The issuer's page got the creq as a form POST, inside the element's iframe.
      const frame = await challenge.contentFrame();
      assert.ok(frame, 'the challenge iframe has no frame');
      const confirm = await frame.waitForSelector('::-p-text(Confirm the payment)', { timeout: 10_000 });
      await Promise.all(seen.bodies);
      const threeDsPost = seen.requests.find((r) => r.method === 'POST' && r.path === '/sandbox/3ds');
      assert.ok(threeDsPost, `no POST to /sandbox/3ds; saw ${JSON.stringify(seen.requests.map((r) => `${r.method} ${r.path}`))}`);
      const creq = new URLSearchParams(threeDsPost.postData ?? '').get('creq');
      assert.ok(creq, 'the POST to the challenge URL carried no creq');
      assert.equal(JSON.parse(Buffer.from(creq, 'base64').toString('utf8')).acsTransID, String(paymentId));

      await confirm!.click();

      // COMPLETE → the element polls status-action and shows the approval.
      await page.waitForFunction(() => (window as unknown as { __events: unknown[] }).__events.length >= 2, { timeout: 15_000 });
      const all = await events(page);
      assert.deepEqual(
        all.map((e) => [e.type, e.detail.status]),
        [
          ['mp-payment', 'pending'],
          ['mp-payment', 'approved'],
        ],
      );
      assert.equal(all[1].detail.id, paymentId);
      await page.waitForFunction(() =>
        document.querySelector('mp-checkout')!.shadowRoot!.querySelector('[part~="message"]')!.textContent.includes('Payment approved!'),
      );
      assert.match(await message(page), /^Payment approved! Your statement will show a charge of ARS\s15,000\.00 as MPCHECKOUT DEMO\.$/);
      assert.equal(await page.$('mp-checkout >>> iframe.challenge'), null, 'the challenge iframe is gone after the approval');

      // The merchant saw one payment POST and status polls for that payment only.
      const payments = seen.requests.filter((r) => r.path === '/process_payment');
      assert.equal(payments.length, 1, 'exactly one payment POST');
      const polls = seen.requests.filter((r) => r.path.startsWith('/payment_status'));
      assert.ok(polls.length >= 1, 'the element never polled status-action');
      for (const poll of polls) assert.equal(poll.path, `/payment_status?id=${String(paymentId)}`);
      assert.deepEqual(seen.pageErrors, [], 'no uncaught error in the page');
      await page.close();
    });
  });
