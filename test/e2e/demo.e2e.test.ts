/**
 * End to end: the built CDN bundle on the demo server, in headless Chromium, typed into the Secure
 * Field iframes with the keyboard like a buyer. The sandbox SDK comes through the demo's service
 * worker at the official URL, exactly as a person running `npm start` gets it.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { E2E_ENGINES, messageOf, typeCard, useDemoSession, type DemoSession } from './chromium.ts';

let demo: DemoSession;

async function openDemo(query = ''): Promise<Page> {
  const page = await demo.browser.newPage();
  page.on('pageerror', (error) => assert.fail(`uncaught error in the page: ${String(error)}`));
  await page.goto(`${demo.url}${query}`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('mp-checkout')?.matches(':state(ready)'), { timeout: 20_000 });
  return page;
}

async function payAndReadMessage(page: Page): Promise<string> {
  const result = page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        document.querySelector('mp-checkout')!.addEventListener('mp-payment', (e) => resolve((e as CustomEvent).detail.status), { once: true }),
      ),
  );
  await page.click('mp-checkout >>> [part~="submit-button"]');
  await result;
  await page.waitForFunction(() => document.querySelector('mp-checkout')?.shadowRoot?.querySelector('[part~="message"]')?.textContent?.trim());
  return messageOf(page);
}

for (const engine of E2E_ENGINES)
  describe(`demo on the sandbox (built bundle) [${engine}]`, () => {
    // Describe bodies all run first; each suite points the helpers at its own session before its tests.
    const session = useDemoSession(engine);
    before(() => {
      demo = session;
    });

    it('pays with the MLA test Visa and APRO and shows the approval', async () => {
      const page = await openDemo('?locale=es-AR&site=MLA');
      await typeCard(page, { name: 'APRO' });
      const message = await payAndReadMessage(page);
      assert.match(message, /Se acreditó tu pago/);
      assert.match(message, /MPCHECKOUT DEMO/);
      await page.close();
    });

    it('pays with OTHE and shows the rejection with a way forward', async () => {
      const page = await openDemo('?locale=en&site=MLA');
      await typeCard(page, { name: 'OTHE' });
      const message = await payAndReadMessage(page);
      assert.match(message, /Visa did not process the payment/);
      const retry = await page.$eval('mp-checkout >>> button.secondary', (el) => el.textContent.trim());
      assert.equal(retry, 'Use another card');
      await page.close();
    });

    it('the country switcher translates the slotted terms link with the element', async () => {
      const page = await openDemo('?locale=es-AR&site=MLA');
      const terms = () => page.$eval('mp-checkout > [slot="terms"]', (a) => a.textContent.trim());
      assert.equal(await terms(), 'Términos y condiciones');
      await page.select('#locale-switcher', 'en|MLA');
      assert.equal(await terms(), 'Terms and conditions');
      await page.select('#locale-switcher', 'pt-BR|MLB');
      assert.equal(await terms(), 'Termos e condições');
      await page.close();
    });

    it('links the production guard page, whose examples say what is wrong with a key', async () => {
      const page = await openDemo('?locale=en&site=MLA');
      const guardLink = await page.$eval('header nav a[href^="/demo/guard.html"]', (a) => a.getAttribute('href'));
      await page.goto(new URL(guardLink!, demo.url).href, { waitUntil: 'load' });
      const placeholder = await page.$eval('nav a[href*="public-key=TEST-%E2%80%A6"]', (a) => a.getAttribute('href'));
      await page.goto(new URL(placeholder!, demo.url).href, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('mp-checkout')?.matches(':state(error)'), { timeout: 20_000 });
      assert.match(await messageOf(page), /This checkout is not configured correctly\. The "public-key" attribute is still the example "TEST-…"/);
      await page.close();
    });

    it('never puts the card number into the page', async () => {
      const page = await openDemo('?locale=en&site=MLA');
      await typeCard(page, { name: 'APRO' });
      // The demo's own test-data list shows the number; the element and its events must not.
      const html = await page.evaluate(() => {
        const el = document.querySelector('mp-checkout')!;
        return el.outerHTML + el.shadowRoot!.innerHTML + document.getElementById('events')!.textContent;
      });
      for (const needle of ['4509953566233704', '4509 9535 6623 3704']) {
        const at = html.indexOf(needle);
        assert.equal(at, -1, `card number found in the page: …${html.slice(Math.max(0, at - 200), at + 50)}`);
      }
      await page.close();
    });
  });
