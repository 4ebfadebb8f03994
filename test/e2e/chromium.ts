/**
 * Browser helpers for the end-to-end tests: Debian's Chromium (launched like the audit command
 * launches it), and a buyer typing a test card into the Secure Field iframes with the keyboard.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before } from 'node:test';
import puppeteer, { type Browser, type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../bin/chromium.mjs';
import { startDemoServer } from '../../demo/server.ts';
import { OFFICIAL_SDK_URL } from '../../src/mercadopago/sdk-loader.ts';

export { CHROMIUM_ARGS as chromiumArgs, chromiumPath };

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** The engines puppeteer-core drives here: Debian's Chromium (CDP) and Firefox ESR (WebDriver BiDi). */
export type PuppeteerEngine = 'chromium' | 'firefox';

export function launchEngine(engine: PuppeteerEngine): Promise<Browser> {
  if (engine === 'chromium') return launchChromium();
  return puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', headless: true });
}

/**
 * The engines of the end-to-end payment tests: E2E_ENGINES=chromium,firefox (default both).
 * WebKit runs the same payments through WebDriver in test/e2e/webkit-payment.e2e.test.ts.
 */
export const E2E_ENGINES: PuppeteerEngine[] = (process.env.E2E_ENGINES || 'chromium,firefox')
  .split(',')
  .map((e) => e.trim())
  .filter((e): e is PuppeteerEngine => e === 'chromium' || e === 'firefox');

/** The frame of a Secure Field mounted by the first <mp-checkout> on the page. */
export async function fieldFrame(page: Page, name: 'cardNumber' | 'expirationDate' | 'securityCode'): Promise<Frame> {
  const handle = await page.waitForSelector(`mp-checkout iframe[name="${name}"]`);
  const frame = await handle!.contentFrame();
  assert.ok(frame, `no frame for ${name}`);
  return frame;
}

export interface TestCard {
  number?: string;
  expiry?: string;
  cvv?: string;
  name: string;
  id?: string;
  email?: string;
}

/** Types a test card (Argentine Visa by default) and the buyer's data, then waits for installments. */
export async function typeCard(page: Page, card: TestCard): Promise<void> {
  await (await fieldFrame(page, 'cardNumber')).type('input', card.number ?? '4509953566233704', { delay: 5 });
  await (await fieldFrame(page, 'expirationDate')).type('input', card.expiry ?? '1130', { delay: 5 });
  await (await fieldFrame(page, 'securityCode')).type('input', card.cvv ?? '123', { delay: 5 });
  await page.type('mp-checkout >>> [part~="cardholder-name"]', card.name);
  if (card.id !== '') await page.type('mp-checkout >>> [part~="identification-number"]', card.id ?? '12345678');
  if (card.email !== '' && (await page.$('mp-checkout >>> [part~="email"]'))) {
    await page.type('mp-checkout >>> [part~="email"]', card.email ?? 'buyer@example.com');
  }
  await page.waitForSelector('mp-checkout >>> [part~="installments"]', { timeout: 10_000 });
}

/** The text of the element's live region. */
export const messageOf = (page: Page) => page.$eval('mp-checkout >>> [part~="message"]', (el) => el.textContent.trim());

/**
 * The rest of an offline page's requests, once a test has answered its own: the card brand's logo
 * (the SDK's secure_thumbnail) as a 1 px image, MercadoPago.js as the sandbox double, the demo server
 * and data/blob/about URLs as they are. Anything else fails at once: this machine has no internet.
 */
export async function offlineRequests(demoUrl: string): Promise<(request: HTTPRequest) => Promise<void>> {
  const sandboxSdk = await readFile(new URL('../../dist/sandbox/mercadopago-sdk.js', import.meta.url), 'utf8');
  return async (request) => {
    const url = request.url();
    if (url.startsWith('https://http2.mlstatic.com/')) {
      await request.respond({ status: 200, contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>' });
    } else if (url.startsWith(OFFICIAL_SDK_URL)) {
      await request.respond({ status: 200, contentType: 'text/javascript; charset=utf-8', body: sandboxSdk });
    } else if (url.startsWith(demoUrl) || /^(data|blob|about):/.test(url)) {
      await request.continue();
    } else {
      await request.abort('internetdisconnected');
    }
  };
}

export interface DemoSession {
  /** The demo server's base URL, ending in "/". */
  readonly url: string;
  readonly browser: Browser;
}

/** Starts the demo server and the engine (Chromium by default) before the tests of the enclosing suite and stops both after them. */
export function useDemoSession(engine: PuppeteerEngine = 'chromium'): DemoSession {
  let server: Awaited<ReturnType<typeof startDemoServer>> | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startDemoServer(0);
    browser = await launchEngine(engine);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return server!.url;
    },
    get browser() {
      return browser!;
    },
  };
}
