/**
 * The end-to-end payments in WebKit: Debian's WebKitGTK MiniBrowser through WebKitWebDriver (under
 * xvfb-run), on the built CDN bundle and the demo server, typing into the Secure Field iframes with
 * WebDriver key input like a buyer. puppeteer-core, which drives the same flows in Chromium and
 * Firefox (demo.e2e.test.ts, three-ds.e2e.test.ts), has no WebKit; this file is their WebKit twin.
 * The sandbox SDK comes through the demo's own service worker at the official URL, as in the others.
 *
 * Not checked here, with the reason: the 3-D Secure test's request log (one payment POST, the creq
 * POSTed to the challenge URL, the polls' query) — WebKitWebDriver 2.50 can neither observe nor
 * intercept network requests (no BiDi network module); Chromium and Firefox check it.
 */
/* eslint-disable @typescript-eslint/await-thenable -- webdriverio's chainable `$()` elements are awaitable at run time, but typed as non-thenable */
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { remote } from 'webdriverio';
import { startDemoServer } from '../../demo/server.ts';
import { startWebKitDriver, WEBKIT_CAPABILITIES, type WebKitDriver } from '../helpers/webkit.ts';

type Browser = WebdriverIO.Browser;

const skipWebKit = process.env.E2E_ENGINES && !process.env.E2E_ENGINES.split(',').includes('webkit') ? 'E2E_ENGINES excludes webkit' : false;

describe('payments on the demo (built bundle, WebKitWebDriver) [webkit]', { skip: skipWebKit }, () => {
  let server: Awaited<ReturnType<typeof startDemoServer>> | undefined;
  let driver: WebKitDriver | undefined;
  let browser: Browser;

  before(async () => {
    server = await startDemoServer(0);
    driver = await startWebKitDriver();
  });
  // Each test is a new buyer in a new browser: nothing the tab remembers (an approved or unresolved
  // attempt for the demo's order, which the element would rightly repeat instead of paying again)
  // and no state of the sandbox worker carries over from one test to the next.
  beforeEach(async () => {
    browser = await remote({ hostname: '127.0.0.1', port: driver!.port, path: '/', logLevel: 'error', capabilities: WEBKIT_CAPABILITIES });
  });
  afterEach(async () => {
    await browser?.deleteSession().catch(() => {});
  });
  after(async () => {
    driver?.stop();
    await server?.close();
  });

  const inShadow = (selector: string) => browser.$('mp-checkout').shadow$(selector);
  const message = () => browser.execute(() => document.querySelector('mp-checkout')!.shadowRoot!.querySelector('[part~="message"]')?.textContent?.trim() ?? '');

  async function openDemo(query: string): Promise<void> {
    await browser.url(`${server!.url}${query}`);
    const ready = () => browser.execute(() => Boolean(document.querySelector('mp-checkout')?.matches(':state(ready)')));
    await browser.waitUntil(ready, { timeout: 20_000 }).catch(async () => {
      // Say what the page was doing, so a failure on a CI machine can be understood from its log.
      throw new Error(`the element never reached :state(ready): ${await pageState()}`);
    });
    await browser.execute(() => {
      const log: Array<{ type: string; status: string; id: unknown }> = [];
      (window as unknown as { __events: typeof log }).__events = log;
      const el = document.querySelector('mp-checkout')!;
      for (const type of ['mp-payment', 'mp-error']) {
        el.addEventListener(type, (e) => log.push({ type, status: (e as CustomEvent).detail?.status, id: (e as CustomEvent).detail?.id }));
      }
    });
  }

  /** The page as far as it got: the sandbox worker, the element's custom states, its text. */
  const pageState = () =>
    browser
      .execute(() => {
        const el = document.querySelector('mp-checkout');
        const states = ['configuring', 'loading', 'ready', 'submitting', 'failed'].filter((state) => el?.matches(`:state(${state})`));
        return JSON.stringify({
          document: document.readyState,
          sandboxWorker: Boolean(navigator.serviceWorker?.controller),
          defined: Boolean(customElements.get('mp-checkout')),
          states,
          text: el?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 400),
        });
      })
      .catch((error: unknown) => `(the page did not answer: ${String(error)})`);

  const events = () => browser.execute(() => (window as unknown as { __events: Array<{ type: string; status: string; id: unknown }> }).__events);

  async function typeInField(name: 'cardNumber' | 'expirationDate' | 'securityCode', text: string): Promise<void> {
    const frame = await browser.$(`mp-checkout iframe[name="${name}"]`);
    await browser.switchFrame(frame);
    await browser.$('input').addValue(text);
    await browser.switchFrame(null);
  }

  async function typeCard(name: string): Promise<void> {
    await typeInField('cardNumber', '4509953566233704');
    await typeInField('expirationDate', '1130');
    await typeInField('securityCode', '123');
    await (await inShadow('[part~="cardholder-name"]')).addValue(name);
    await (await inShadow('[part~="identification-number"]')).addValue('12345678');
    const email = await inShadow('[part~="email"]');
    if (await email.isExisting()) await email.addValue('buyer@example.com');
    await (await inShadow('[part~="installments"]')).waitForExist({ timeout: 10_000 });
  }

  async function pay(): Promise<void> {
    await (await inShadow('[part~="submit-button"]')).click();
  }

  it('pays with the MLA test Visa and APRO and shows the approval', async () => {
    await openDemo('?locale=es-AR&site=MLA');
    await typeCard('APRO');
    await pay();
    await browser.waitUntil(async () => (await events()).length >= 1, { timeout: 15_000, timeoutMsg: 'no mp-payment' });
    assert.deepEqual(
      (await events()).map((e) => [e.type, e.status]),
      [['mp-payment', 'approved']],
    );
    await browser.waitUntil(async () => (await message()) !== '', { timeout: 5_000 });
    assert.match(await message(), /Se acreditó tu pago/);
    assert.match(await message(), /MPCHECKOUT DEMO/);
  });

  it('pays with OTHE and shows the rejection with a way forward', async () => {
    await openDemo('?locale=en&site=MLA');
    await typeCard('OTHE');
    await pay();
    await browser.waitUntil(async () => (await message()) !== '' && (await events()).length >= 1, { timeout: 15_000 });
    assert.match(await message(), /Visa did not process the payment/);
    assert.equal(
      await browser.execute(() => document.querySelector('mp-checkout')!.shadowRoot!.querySelector('button.secondary')?.textContent?.trim()),
      'Use another card',
    );
  });

  it('never puts the card number into the page', async () => {
    await openDemo('?locale=en&site=MLA');
    await typeCard('APRO');
    const html = await browser.execute(() => {
      const el = document.querySelector('mp-checkout')!;
      return el.outerHTML + el.shadowRoot!.innerHTML + document.getElementById('events')!.textContent;
    });
    for (const needle of ['4509953566233704', '4509 9535 6623 3704']) assert.equal(html.indexOf(needle), -1, `card number found in the page`);
  });

  it('CHAL: the 3-D Secure challenge opens inside the element, the buyer confirms, polling shows the approval', async () => {
    await openDemo('?locale=en&site=MLA');
    await typeCard('CHAL');
    await pay();
    const challenge = await inShadow('iframe.challenge');
    await challenge.waitForExist({ timeout: 10_000 });
    const place = await browser.execute(() => {
      const f = document.querySelector('mp-checkout')!.shadowRoot!.querySelector('iframe.challenge')!;
      const r = f.getBoundingClientRect();
      return { title: f.getAttribute('title'), visible: r.width > 0 && r.height > 0 };
    });
    assert.deepEqual(place, { title: 'Card issuer verification (3-D Secure)', visible: true });
    await browser.waitUntil(async () => (await events()).length >= 1, { timeout: 10_000 });
    assert.deepEqual(
      (await events()).map((e) => [e.type, e.status]),
      [['mp-payment', 'pending']],
    );
    assert.match(await message(), /Your bank needs to verify this payment/);

    await browser.switchFrame(challenge);
    const confirm = await browser.$('//*[normalize-space(text())="Confirm the payment"]');
    await confirm.waitForExist({ timeout: 10_000 });
    await confirm.click();
    await browser.switchFrame(null);

    await browser.waitUntil(async () => (await events()).length >= 2, { timeout: 15_000, timeoutMsg: 'no second mp-payment after the challenge' });
    const all = await events();
    assert.deepEqual(
      all.map((e) => [e.type, e.status]),
      [
        ['mp-payment', 'pending'],
        ['mp-payment', 'approved'],
      ],
    );
    assert.equal(all[1].id, all[0].id);
    await browser.waitUntil(async () => (await message()).includes('Payment approved!'), { timeout: 10_000 });
    assert.match(await message(), /^Payment approved! Your statement will show a charge of ARS\s15,000\.00 as MPCHECKOUT DEMO\.$/);
    assert.equal(await (await inShadow('iframe.challenge')).isExisting(), false, 'the challenge iframe is gone after the approval');
  });
});
