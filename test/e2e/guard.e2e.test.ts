/**
 * End to end: the production guard and `audit()` on the built bundle, on the demo server with its strict
 * Content-Security-Policy, through demo/guard.html, which builds its <mp-checkout> from the query string
 * (`guardPage()` below). A non-secure page is a plain-HTTP host other
 * than localhost (`shop.test`, mapped to 127.0.0.1); there service workers cannot run, so MercadoPago.js is
 * answered at its official URL by request interception with the sandbox double — the real loader path.
 * Last, the `mp-checkout-audit` command, run as a child process.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
import { startDemoServer } from '../../demo/server.ts';
import { chromiumPath, chromiumArgs } from './chromium.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const OFFICIAL_SDK_URL = 'https://sdk.mercadopago.com/js/v2';
const INSECURE_HOST = 'shop.test';
const HOST_RULES = `--host-resolver-rules=MAP ${INSECURE_HOST} 127.0.0.1`;

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let port: string;
let sandboxSdk: string;

before(async () => {
  server = await startDemoServer(0);
  port = new URL(server.url).port;
  sandboxSdk = await readFile(`${root}dist/sandbox/mercadopago-sdk.js`, 'utf8');
  browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: [...chromiumArgs, HOST_RULES] });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

interface AuditEntry {
  id: string;
  ok: boolean;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

interface Opened {
  page: Page;
  url: string;
  /** Everything the page logged, as `type: text`. */
  console: Array<{ type: string; text: string }>;
  /** Requests for MercadoPago.js answered here (non-secure pages only). */
  sdkRequests: string[];
  /** Dialogs the page opened (a `javascript:` action must never run). */
  dialogs: string[];
  cspHeader: string;
  /** The bodies of the payment POSTs the element sent. */
  payments: Array<Record<string, unknown>>;
}

/** Opens a page; `insecure` serves it from http://shop.test:PORT (not a secure context). */
async function open(path: string, { insecure = false } = {}): Promise<Opened> {
  const page = await browser.newPage();
  const url = `http://${insecure ? INSECURE_HOST : 'localhost'}:${port}${path}`;
  const opened: Opened = { page, url, console: [], sdkRequests: [], dialogs: [], cspHeader: '', payments: [] };
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/process_payment') opened.payments.push(JSON.parse(request.postData() ?? '{}'));
  });
  page.on('pageerror', (error) => opened.console.push({ type: 'pageerror', text: String(error) }));
  page.on('console', (message) => opened.console.push({ type: message.type(), text: message.text() }));
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Registered before any page script, in every document: CSP violations and every mp-error.
  await page.evaluateOnNewDocument(() => {
    const log = { violations: [] as string[], mpErrors: [] as Array<{ code: string; message: string }> };
    Object.defineProperty(window, '__guardLog', { value: log });
    document.addEventListener('securitypolicyviolation', (e) => log.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    document.addEventListener('mp-error', (e) => log.mpErrors.push((e as CustomEvent).detail), true);
  });
  if (insecure) {
    await page.setRequestInterception(true);
    const answer = async (request: HTTPRequest): Promise<void> => {
      const requested = request.url();
      if (requested.startsWith(OFFICIAL_SDK_URL)) {
        opened.sdkRequests.push(requested);
        await request.respond({ status: 200, contentType: 'text/javascript; charset=utf-8', body: sandboxSdk });
      } else if (new URL(requested).hostname === INSECURE_HOST || /^(data|blob|about):/.test(requested)) {
        await request.continue();
      } else {
        await request.abort('internetdisconnected'); // this machine is offline: fail fast
      }
    };
    page.on('request', (request) => void answer(request));
  }
  const response = await page.goto(url, { waitUntil: 'load' });
  opened.cspHeader = response?.headers()['content-security-policy'] ?? '';
  return opened;
}

/** Closes a page after checking what every page must satisfy: no CSP violation, no uncaught error. */
async function close(opened: Opened): Promise<void> {
  const violations = await opened.page.evaluate(() => (window as unknown as { __guardLog: { violations: string[] } }).__guardLog.violations);
  assert.deepEqual(violations, [], 'Content-Security-Policy violations');
  const bad = opened.console.filter((m) => m.type === 'pageerror' || /Content Security Policy/i.test(m.text));
  assert.deepEqual(bad, [], 'uncaught errors or CSP reports in the console');
  await opened.page.close();
}

const waitForState = (page: Page, state: 'ready' | 'error') =>
  page.waitForFunction((s) => document.querySelector('mp-checkout')?.matches(`:state(${s})`), { timeout: 20_000 }, state);

const audit = (page: Page) => page.evaluate(() => (document.querySelector('mp-checkout') as unknown as { audit(): AuditEntry[] }).audit());

function entry(entries: AuditEntry[], id: string): AuditEntry {
  const found = entries.filter((e) => e.id === id);
  assert.equal(found.length, 1, `exactly one ${id} entry in ${JSON.stringify(entries)}`);
  return found[0];
}

async function mpErrors(page: Page, atLeast = 1): Promise<Array<{ code: string; message: string }>> {
  await page.waitForFunction(
    (n) => (window as unknown as { __guardLog: { mpErrors: unknown[] } }).__guardLog.mpErrors.length >= n,
    { timeout: 10_000 },
    atLeast,
  );
  return page.evaluate(() => (window as unknown as { __guardLog: { mpErrors: Array<{ code: string; message: string }> } }).__guardLog.mpErrors);
}

const recordedMpErrors = (page: Page) =>
  page.evaluate(() => (window as unknown as { __guardLog: { mpErrors: Array<{ code: string }> } }).__guardLog.mpErrors.map((e) => e.code));

/** Text of a shadow part, and whether the buyer can see it. */
function part(page: Page, name: string): Promise<{ text: string; visible: boolean } | null> {
  return page.evaluate((n) => {
    const el = document.querySelector('mp-checkout')?.shadowRoot?.querySelector<HTMLElement>(`[part~="${n}"]`);
    return el ? { text: el.textContent?.trim() ?? '', visible: el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) } : null;
  }, name);
}

/** Waits for a shadow part to exist (mutations inside a shadow root escape waitForSelector's observer). */
const waitForPart = (page: Page, name: string) =>
  page.waitForFunction((n) => document.querySelector('mp-checkout')?.shadowRoot?.querySelector(`[part~="${n}"]`), { timeout: 10_000, polling: 50 }, name);

const cardFrames = (page: Page) => page.$$eval('mp-checkout iframe', (frames) => frames.map((f) => f.getAttribute('name')).sort());

async function waitUntil(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const consoleOf = (opened: Opened, type: 'error' | 'warn', pattern: RegExp) =>
  opened.console.filter((m) => (m.type === type || (type === 'warn' && m.type === 'warning')) && pattern.test(m.text));

async function fieldFrame(page: Page, name: string): Promise<Frame> {
  const handle = await page.waitForSelector(`mp-checkout iframe[name="${name}"]`);
  const frame = await handle!.contentFrame();
  assert.ok(frame, `no frame for ${name}`);
  return frame;
}

async function typeCard(page: Page, name: string): Promise<void> {
  await (await fieldFrame(page, 'cardNumber')).type('input', '4509953566233704', { delay: 5 });
  await (await fieldFrame(page, 'expirationDate')).type('input', '1130', { delay: 5 });
  await (await fieldFrame(page, 'securityCode')).type('input', '123', { delay: 5 });
  await page.type('mp-checkout >>> [part~="cardholder-name"]', name);
  await page.type('mp-checkout >>> [part~="identification-number"]', '12345678');
  await waitForPart(page, 'installments');
}

const SECURE_FIELDS = ['cardNumber', 'expirationDate', 'securityCode'].sort();

/** A complete production configuration: what demo/guard.html is given unless a case changes it. */
const PRODUCTION: Record<string, string> = {
  'public-key': 'APP_USR-guard-demo-0000',
  amount: '15000.00',
  action: '/process_payment',
  'status-action': '/payment_status',
  site: 'MLA',
  locale: 'en',
  description: 'Yerba mate kit',
  'statement-descriptor': 'MPCHECKOUT DEMO',
  'payer-email': 'buyer@example.com',
  items: '[{"id":"kit-1","title":"Yerba mate kit","quantity":1,"unit_price":15000}]',
  // The demo server re-prices every payment from this order (server/), as a real backend must.
  'external-reference': 'order-1042',
};
const TEST_KEY = 'TEST-guard-demo-0000';

/**
 * The URL of demo/guard.html for one configuration: every query parameter becomes an attribute of its
 * <mp-checkout>, except the page's flags `terms=0`, `disclosure=text|empty` and `sdk=self-hosted`.
 * `null` leaves an attribute out.
 */
function guardPage(query: Record<string, string | null>): string {
  const given = Object.entries(query).filter((pair): pair is [string, string] => pair[1] !== null);
  return `/demo/guard.html?${new URLSearchParams(given)}`;
}
const withProduction = (changes: Record<string, string | null> = {}) => guardPage({ ...PRODUCTION, ...changes });

/** The configurations the tests open, by name. */
const PAGES = {
  production: withProduction(),
  'test-key': withProduction({ 'public-key': TEST_KEY }),
  'self-hosted-sdk': withProduction({ sdk: 'self-hosted' }),
  'amount-not-a-number': withProduction({ amount: '15.000,00' }),
  'amount-zero': withProduction({ amount: '0' }),
  'missing-amount': withProduction({ amount: null }),
  'action-javascript': withProduction({ action: 'javascript:alert(1)' }),
  'missing-action': withProduction({ action: null }),
  'clp-decimals': withProduction({ amount: '15000.50', site: 'MLC' }),
  'clp-decimals-test': withProduction({ 'public-key': TEST_KEY, amount: '15000.50', site: 'MLC' }),
  'missing-key': withProduction({ 'public-key': null }),
  'invalid-key': withProduction({ 'public-key': 'PUBLIC-guard-demo-0000' }),
  // The bare minimum: a test key, amount and action; no terms, payer, items or status endpoint.
  warnings: guardPage({ 'public-key': TEST_KEY, amount: '15000.00', action: '/process_payment', site: 'MLA', locale: 'en', terms: '0' }),
  'price-disclosure': withProduction({ disclosure: 'text' }),
  'price-disclosure-empty': withProduction({ disclosure: 'empty' }),
};

describe('production guard: page context', () => {
  it('refuses a production key on a non-secure (plain HTTP) page: no card form, a visible error, mp-error and console.error', async () => {
    const opened = await open(PAGES.production, { insecure: true });
    const { page } = opened;
    assert.equal(await page.evaluate(() => window.isSecureContext), false, 'precondition: shop.test over HTTP is not a secure context');
    await waitForState(page, 'error');

    const errors = await mpErrors(page);
    assert.deepEqual(
      errors.map((e) => e.code),
      ['insecure_context'],
    );
    assert.match(errors[0].message, /HTTPS/);
    const message = await part(page, 'message');
    assert.ok(message?.visible, 'the message part is visible');
    assert.match(message.text, /HTTPS/);
    assert.deepEqual(await cardFrames(page), [], 'no Secure Field was mounted');
    assert.equal((await part(page, 'form'))?.visible, false, 'the card form is not shown');
    assert.equal(await part(page, 'test-badge'), null, 'a production key shows no test badge');
    await waitUntil(() => consoleOf(opened, 'error', /insecure_context/).length > 0, 'console.error about insecure_context');
    assert.match(consoleOf(opened, 'error', /insecure_context/)[0].text, /HTTPS/);

    const r3 = entry(await audit(page), 'R3');
    assert.deepEqual([r3.ok, r3.severity], [false, 'error']);
    assert.match(r3.message, /HTTPS/);
    await close(opened);
  });

  it('lets a TEST- key work on the same non-secure page, with warnings only', async () => {
    const opened = await open(PAGES['test-key'], { insecure: true });
    const { page } = opened;
    await waitForState(page, 'ready');
    assert.ok(opened.sdkRequests.length > 0, 'MercadoPago.js was requested at its official URL');
    assert.deepEqual(await cardFrames(page), SECURE_FIELDS);
    const badge = await part(page, 'test-badge');
    assert.ok(badge?.visible, 'the test badge is visible');
    assert.equal(badge.text, 'Test mode');
    assert.deepEqual(await recordedMpErrors(page), []);

    const entries = await audit(page);
    assert.deepEqual(
      entries.filter((e) => !e.ok).map((e) => [e.id, e.severity]),
      [['R3', 'warning']],
    );
    await waitUntil(() => consoleOf(opened, 'warn', /R3/).length > 0, 'console.warn about R3');
    assert.deepEqual(consoleOf(opened, 'error', /mp-checkout/), []);
    await close(opened);
  });

  it('mounts a complete production configuration on a secure page; every requirement passes but HTTPS, which localhost is not', async () => {
    const opened = await open(PAGES.production);
    const { page } = opened;
    await waitForState(page, 'ready');
    assert.deepEqual(await cardFrames(page), SECURE_FIELDS);
    assert.equal(await part(page, 'test-badge'), null);
    const entries = await audit(page);
    assert.deepEqual(
      entries.map((e) => e.id),
      ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'],
    );
    // http://localhost is a secure context, so production works, but it is not HTTPS: R3 is not met.
    assert.deepEqual(
      entries.filter((e) => !e.ok).map((e) => [e.id, e.severity]),
      [['R3', 'warning']],
    );
    assert.match(entry(entries, 'R3').message, /not served over HTTPS/);
    assert.ok(entries.every((e) => (e.ok ? e.severity === 'info' : true) && e.message.length > 0));
    assert.deepEqual(await recordedMpErrors(page), []);
    assert.deepEqual(
      opened.console.filter((m) => m.text.includes('mp-checkout')).map((m) => m.text.split(':')[0]),
      ['<mp-checkout> R3'],
      'nothing else to warn about',
    );
    await close(opened);
  });

  it('refuses a production key when window.MercadoPago is a self-hosted copy, not the official script', async () => {
    const opened = await open(PAGES['self-hosted-sdk']);
    const { page } = opened;
    assert.equal(
      await page.evaluate(() => typeof (window as { MercadoPago?: unknown }).MercadoPago),
      'function',
      'precondition: a working copy is on the page',
    );
    await waitForState(page, 'error');
    const errors = await mpErrors(page);
    assert.deepEqual(
      errors.map((e) => e.code),
      ['sdk_not_official'],
    );
    const message = await part(page, 'message');
    assert.ok(message?.visible);
    assert.match(message.text, /https:\/\/sdk\.mercadopago\.com\/js\/v2/);
    assert.deepEqual(await cardFrames(page), []);
    await waitUntil(() => consoleOf(opened, 'error', /sdk_not_official/).length > 0, 'console.error about sdk_not_official');
    const r1 = entry(await audit(page), 'R1');
    assert.equal(r1.ok, false);
    assert.equal(r1.severity, 'error');
    await close(opened);
  });
});

describe('production guard: configuration', () => {
  const cases: Array<{ page: keyof typeof PAGES; code: string; shown: RegExp }> = [
    { page: 'amount-not-a-number', code: 'invalid_amount', shown: /"amount".*number greater than 0/ },
    { page: 'amount-zero', code: 'invalid_amount', shown: /"amount".*number greater than 0/ },
    { page: 'missing-amount', code: 'missing_amount', shown: /"amount".*missing/ },
    { page: 'action-javascript', code: 'invalid_action', shown: /"action".*http\(s\) URL/ },
    { page: 'missing-action', code: 'missing_action', shown: /"action".*missing/ },
    { page: 'clp-decimals', code: 'amount_decimals', shown: /more decimals than CLP allows/ },
    { page: 'missing-key', code: 'missing_public_key', shown: /"public-key".*missing/ },
    { page: 'invalid-key', code: 'invalid_public_key', shown: /must start with TEST- \(test mode\) or APP_USR- \(production\)/ },
  ];
  for (const { page: name, code, shown } of cases) {
    it(`${name} → refused with mp-error "${code}", a visible explanation and an error in audit()`, async () => {
      const opened = await open(PAGES[name]);
      const { page } = opened;
      await waitForState(page, 'error');
      const errors = await mpErrors(page);
      assert.deepEqual(
        errors.map((e) => e.code),
        [code],
      );
      const message = await part(page, 'message');
      assert.ok(message?.visible, 'the explanation is visible');
      assert.match(message.text, shown);
      assert.equal((await part(page, 'form'))?.visible, false, 'no card form');
      assert.deepEqual(await cardFrames(page), []);
      await waitUntil(() => consoleOf(opened, 'error', new RegExp(code)).length > 0, `console.error about ${code}`);
      const config = (await audit(page)).filter((e) => e.id === 'config');
      assert.equal(config.length, 1, 'one configuration entry');
      assert.match(config[0].message, shown);
      assert.deepEqual([config[0].ok, config[0].severity], [false, 'error'], 'a problem that stops the form is an error');
      assert.deepEqual(opened.dialogs, [], 'nothing ran from the action URL');
      await close(opened);
    });
  }

  it('CLP decimals with a TEST- key are refused too: the amount would be shown rounded and charged unrounded', async () => {
    const opened = await open(PAGES['clp-decimals-test']);
    const { page } = opened;
    await waitForState(page, 'error');
    assert.deepEqual(await cardFrames(page), []);
    assert.deepEqual(
      (await mpErrors(page)).map((e) => e.code),
      ['amount_decimals'],
    );
    const config = (await audit(page)).filter((e) => e.id === 'config');
    assert.deepEqual(
      config.map((e) => [e.ok, e.severity]),
      [[false, 'error']],
    );
    assert.match(config[0].message, /more decimals than CLP allows/);
    await close(opened);
  });
});

describe('production guard: warnings', () => {
  it('no terms, no items, no status-action → R9, R4 and R5 warnings (and R3 on localhost), each logged once; the form works', async () => {
    const opened = await open(PAGES.warnings);
    const { page } = opened;
    await waitForState(page, 'ready');
    assert.deepEqual(await cardFrames(page), SECURE_FIELDS);
    const entries = await audit(page);
    for (const id of ['R9', 'R4', 'R5']) {
      const e = entry(entries, id);
      assert.deepEqual([e.ok, e.severity], [false, 'warning'], id);
      assert.ok(e.message.length > 0);
    }
    assert.deepEqual(
      entries
        .filter((e) => !e.ok)
        .map((e) => e.id)
        .sort(),
      ['R3', 'R4', 'R5', 'R9'],
    );
    assert.match(entry(entries, 'R9').message, /terms/i);
    assert.match(entry(entries, 'R5').message, /status-action/);
    await waitUntil(() => ['R9', 'R4', 'R5'].every((id) => consoleOf(opened, 'warn', new RegExp(`\\b${id}\\b`)).length > 0), 'console warnings');
    for (const id of ['R9', 'R4', 'R5']) assert.equal(consoleOf(opened, 'warn', new RegExp(`\\b${id}\\b`)).length, 1, `${id} logged once`);
    assert.deepEqual(await recordedMpErrors(page), []);
    await close(opened);
  });

  it("Argentina: the merchant's own text in the price-disclosure slot counts as the disclosure (R8)", async () => {
    const opened = await open(PAGES['price-disclosure']);
    const { page } = opened;
    await waitForState(page, 'ready');
    const before = entry(await audit(page), 'R8');
    assert.deepEqual([before.ok, before.severity], [true, 'info'], 'before any card is typed');
    await (await fieldFrame(page, 'cardNumber')).type('input', '4509953566233704', { delay: 5 });
    await waitForPart(page, 'financing');
    const slotted = await page.$eval('p[slot="price-disclosure"]', (p) => p.checkVisibility());
    assert.ok(slotted, "the merchant's disclosure is shown with the installments");
    const afterCard = entry(await audit(page), 'R8');
    assert.deepEqual([afterCard.ok, afterCard.severity], [true, 'info'], 'with the financing block shown');
    await close(opened);
  });

  it('Argentina: an empty price-disclosure slot is reported (R8 warning), before and after a card is typed', async () => {
    const opened = await open(PAGES['price-disclosure-empty']);
    const { page } = opened;
    await waitForState(page, 'ready');
    const before = entry(await audit(page), 'R8');
    assert.deepEqual([before.ok, before.severity], [false, 'warning'], 'before any card is typed');
    await (await fieldFrame(page, 'cardNumber')).type('input', '4509953566233704', { delay: 5 });
    await waitForPart(page, 'financing');
    const afterCard = entry(await audit(page), 'R8');
    assert.deepEqual([afterCard.ok, afterCard.severity], [false, 'warning'], 'with the (empty) financing block shown');
    await close(opened);
  });

  it('a name attribute added later to a slotted control is reported by audit() (R2) and console.warn', async () => {
    const opened = await open(PAGES.production);
    const { page } = opened;
    await waitForState(page, 'ready');
    await page.evaluate(() => {
      const box = Object.assign(document.createElement('input'), { type: 'checkbox', id: 'accept' });
      box.slot = 'terms';
      document.querySelector('mp-checkout')!.append(box);
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    assert.equal(entry(await audit(page), 'R2').ok, true, 'a control without a name is fine');
    assert.deepEqual(consoleOf(opened, 'warn', /R2/), []);

    await page.evaluate(() => document.getElementById('accept')!.setAttribute('name', 'accept-terms'));
    await waitUntil(() => consoleOf(opened, 'warn', /R2/).length > 0, 'console.warn about R2');
    assert.match(consoleOf(opened, 'warn', /R2/)[0].text, /input\[name="accept-terms"\]/);
    // In production a named control is an error, and the form is refused until it goes.
    await waitForState(page, 'error');
    assert.deepEqual(
      (await mpErrors(page)).map((e) => e.code),
      ['named_control'],
    );
    const r2 = entry(await audit(page), 'R2');
    assert.deepEqual([r2.ok, r2.severity], [false, 'error']);
    assert.match(r2.message, /input\[name="accept-terms"\]/);
    await close(opened);
  });

  it('a named control appended after ready is reported by audit() (R2) and console.warn', async () => {
    const opened = await open(PAGES.production);
    const { page } = opened;
    await waitForState(page, 'ready');
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.name = 'x';
      input.slot = 'terms';
      document.querySelector('mp-checkout')!.append(input);
    });
    await waitUntil(() => consoleOf(opened, 'warn', /R2/).length > 0, 'console.warn about R2');
    assert.match(consoleOf(opened, 'warn', /R2/)[0].text, /input\[name="x"\]/);
    await waitForState(page, 'error');
    const r2 = entry(await audit(page), 'R2');
    assert.deepEqual([r2.ok, r2.severity], [false, 'error']);
    assert.match(r2.message, /input\[name="x"\]/);
    await close(opened);
  });
});

describe('strict Content-Security-Policy', () => {
  const directives = (text: string) =>
    text
      .split(';')
      .map((d) => d.trim().replace(/\s+/g, ' '))
      .filter(Boolean);
  const NONCE = /'nonce-([^']+)'/;

  /** Presses pay with the APRO test card and waits for the approved result. */
  async function payApproved(page: Page): Promise<void> {
    await typeCard(page, 'APRO');
    const paid = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          document.querySelector('mp-checkout')!.addEventListener('mp-payment', (e) => resolve((e as CustomEvent).detail.status), { once: true }),
        ),
    );
    await page.click('mp-checkout >>> [part~="submit-button"]');
    assert.equal(await paid, 'approved');
    await page.waitForFunction(() => document.querySelector('mp-checkout')?.shadowRoot?.querySelector('[part~="message"]')?.textContent?.trim());
    const message = await part(page, 'message');
    assert.ok(message?.visible);
    assert.match(message.text, /Payment approved!/);
  }

  const deviceSessionId = (page: Page) => page.evaluate(() => (window as { MP_DEVICE_SESSION_ID?: string }).MP_DEVICE_SESSION_ID ?? null);
  const violations = (page: Page) => page.evaluate(() => (window as unknown as { __guardLog: { violations: string[] } }).__guardLog.violations);

  /** Closes a page whose only violation must be the blocked device profile. */
  async function closeExpecting(opened: Opened, violation: string): Promise<void> {
    assert.deepEqual(await violations(opened.page), [violation], 'the blocked device profile, and nothing else');
    const errors = opened.console.filter((m) => m.type === 'pageerror');
    assert.deepEqual(errors, [], 'uncaught errors');
    await opened.page.close();
  }

  it('serves the README recipe with a fresh nonce; a production payment carries the device profile as device_id, with no violation', async () => {
    const readme = await readFile(`${root}README.md`, 'utf8');
    const recipe = /```text\nContent-Security-Policy:\n([\s\S]*?)```/.exec(readme);
    assert.ok(recipe, 'the README has the Content-Security-Policy recipe');

    const opened = await open(PAGES.production);
    const { page } = opened;
    const nonce = NONCE.exec(opened.cspHeader)?.[1];
    assert.ok(nonce && nonce.length >= 22, `a nonce of at least 128 bits in ${opened.cspHeader}`);
    assert.deepEqual(directives(opened.cspHeader.replace(NONCE, "'nonce-{nonce}'")), directives(recipe[1]), 'the page is served with the README recipe');
    assert.doesNotMatch(opened.cspHeader, /unsafe-eval/);
    const scriptSrc = directives(opened.cspHeader).find((d) => d.startsWith('script-src'))!;
    assert.doesNotMatch(scriptSrc, /unsafe-(eval|inline)/);
    assert.match(scriptSrc, /'strict-dynamic'/);
    const again = await fetch(new URL(PAGES.production, server.url));
    assert.notEqual(NONCE.exec(again.headers.get('content-security-policy') ?? '')?.[1], nonce, 'a new nonce for every response');
    assert.match(await again.text(), /<script nonce="[^"]+" type="module" src="\/demo\/guard.js">/, 'the page tag carries it');

    await waitForState(page, 'ready');
    assert.deepEqual(
      await page.evaluate(() => [...document.scripts].map((s) => s.getAttribute('src') ?? 'inline')),
      ['/demo/guard.js', 'https://sdk.mercadopago.com/js/v2', 'inline'],
      "the page's nonced script, MercadoPago.js added by the official loader and its inline device profile",
    );
    await page.waitForFunction(() => (window as { MP_DEVICE_SESSION_ID?: string }).MP_DEVICE_SESSION_ID, { timeout: 5_000 });
    const r4 = entry(await audit(page), 'R4');
    assert.deepEqual([r4.ok, r4.severity], [true, 'info']);

    await payApproved(page);
    assert.equal(opened.payments.length, 1);
    assert.match(String(opened.payments[0].device_id), /^sandbox-device-[0-9a-f]{32}$/);
    assert.equal(opened.payments[0].device_id, await deviceSessionId(page), "the device profile's session id is the payment's device_id");
    assert.deepEqual(await recordedMpErrors(page), []);
    await close(opened); // asserts no securitypolicyviolation and no CSP report in the console
  });

  it('the allow-list fallback (no nonce) still pays, but blocks the device profile: no device_id, and R4 warns with the fix', async () => {
    const opened = await open(withProduction({ csp: 'allow-list' }));
    const { page } = opened;
    assert.doesNotMatch(opened.cspHeader, /nonce|strict-dynamic/, 'precondition: the fallback policy');
    await waitForState(page, 'ready');
    await page.waitForFunction(() => (window as unknown as { __guardLog: { violations: string[] } }).__guardLog.violations.length > 0, { timeout: 5_000 });
    assert.deepEqual(await violations(page), ['script-src-elem inline'], 'the inline device profile MercadoPago.js added was refused');

    const r4 = entry(await audit(page), 'R4');
    assert.deepEqual([r4.ok, r4.severity], [false, 'warning']);
    assert.match(r4.message, /blocked Mercado Pago's device profile/);
    assert.match(r4.message, /nonce and 'strict-dynamic' to script-src/);
    await waitUntil(() => consoleOf(opened, 'warn', /R4/).length > 0, 'console.warn about R4');
    assert.match(consoleOf(opened, 'warn', /R4/)[0].text, /strict-dynamic/);
    assert.deepEqual(
      (await audit(page)).filter((e) => !e.ok).map((e) => e.id),
      // R3 warns too: the test serves the page over plain http://localhost, a secure context but not HTTPS.
      ['R3', 'R4'],
      'nothing else is missing on this page',
    );

    await payApproved(page);
    assert.equal(opened.payments.length, 1);
    assert.equal(await deviceSessionId(page), null);
    assert.ok(!('device_id' in opened.payments[0]), `no device_id in ${JSON.stringify(opened.payments[0])}`);
    assert.equal(consoleOf(opened, 'warn', /R4/).length, 1, 'R4 logged once');
    await closeExpecting(opened, 'script-src-elem inline');
  });

  it('with Trusted Types enforced too, MercadoPago.js loads through the mp-checkout policy and a production payment succeeds', async () => {
    const opened = await open(withProduction({ csp: 'trusted-types' }));
    const { page } = opened;
    assert.match(
      opened.cspHeader,
      /'strict-dynamic'.*; require-trusted-types-for 'script'; trusted-types mp-checkout lit-html mp-checkout-demo$/,
      'precondition',
    );
    await waitForState(page, 'ready');
    assert.deepEqual(
      await page.evaluate(() => [...document.scripts].map((s) => s.getAttribute('src') ?? 'inline')),
      ['/demo/guard.js', 'https://sdk.mercadopago.com/js/v2', 'inline'],
      'MercadoPago.js at its official URL, added once',
    );
    assert.deepEqual(await recordedMpErrors(page), []);

    // MercadoPago.js adds its device profile from a plain text node, as the real one does: Trusted
    // Types refuse it without a default policy (which the element does not install), and R4 says so.
    await page.waitForFunction(() => (window as unknown as { __guardLog: { violations: string[] } }).__guardLog.violations.length > 0, { timeout: 5_000 });
    const r4 = entry(await audit(page), 'R4');
    assert.deepEqual([r4.ok, r4.severity], [false, 'warning']);
    assert.match(r4.message, /Trusted Types blocked Mercado Pago's device profile/);
    assert.deepEqual(
      (await audit(page)).filter((e) => !e.ok).map((e) => e.id),
      // R3 warns too: plain http://localhost is a secure context but not HTTPS.
      ['R3', 'R4'],
    );

    await payApproved(page);
    assert.equal(opened.payments.length, 1);
    assert.ok(!('device_id' in opened.payments[0]));
    await closeExpecting(opened, 'require-trusted-types-for trusted-types-sink');
  });
});

describe('mp-checkout-audit command', () => {
  const run = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [`${root}bin/mp-checkout-audit.mjs`, ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      });
    });

  it('against the demo: prints the R1–R9 checklist and exits 0', async () => {
    const { code, stdout, stderr } = await run([`${server.url}?locale=en`]);
    assert.equal(code, 0, `exit code (stderr: ${stderr})\n${stdout}`);
    for (const id of ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9']) {
      assert.match(stdout, new RegExp(`^\\s*[✓!] ${id}\\b.*\\S`, 'm'), `a checklist line for ${id}`);
    }
    // The demo runs on http://localhost: a secure context, but not HTTPS.
    assert.match(stdout, /^\s*! R3\s+.*not served over HTTPS/m);
    assert.doesNotMatch(stdout, /✗/);
    assert.match(stdout, /\b0 errors\b/);
  });

  it('against the production page on a non-secure host: marks R3 as an error and exits 1', async () => {
    const url = `http://${INSECURE_HOST}:${port}${PAGES.production}`;
    const { code, stdout, stderr } = await run([url, `--chromium-arg=${HOST_RULES}`]);
    assert.equal(code, 1, `exit code (stderr: ${stderr})\n${stdout}`);
    assert.match(stdout, /^\s*✗ R3\s+.*HTTPS/m);
    assert.match(stdout, /^\s*✗ state\s+<mp-checkout> shows an error/m);
    // (MercadoPago.js is unreachable for the command's own browser on this offline host: one more error.)
    assert.match(stdout, /\b[23] errors\b/);
  });

  it('against the allow-list fallback policy: warns that the device profile was blocked (R4) and names the fix, exits 0', async () => {
    const { code, stdout, stderr } = await run([new URL(withProduction({ csp: 'allow-list' }), server.url).href]);
    assert.equal(code, 0, `exit code (stderr: ${stderr})\n${stdout}`);
    assert.match(stdout, /^\s*! R4\s+.*blocked Mercado Pago's device profile.*'strict-dynamic'/m);
    // R3 warns too: the demo is served over plain http://localhost.
    assert.match(stdout, /^\s*! R3\s+.*HTTPS/m);
    assert.match(stdout, /\b0 errors, 2 warnings\b/);
  });

  it('--json prints the same report as data', async () => {
    const { code, stdout } = await run([new URL(PAGES.warnings, server.url).href, '--json']);
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as { errors: number; warnings: number; elements: Array<{ mode: string; state: string; entries: AuditEntry[] }> };
    assert.equal(report.elements.length, 1);
    assert.deepEqual([report.elements[0].mode, report.elements[0].state], ['test', 'ready']);
    assert.deepEqual(
      report.elements[0].entries
        .filter((e) => !e.ok)
        .map((e) => e.id)
        .sort(),
      ['R3', 'R4', 'R5', 'R9'],
    );
    assert.deepEqual([report.errors, report.warnings], [0, 4]);
  });

  it('exits 2 on a usage error', async () => {
    const { code, stderr } = await run(['--timeout', 'soon']);
    assert.equal(code, 2);
    assert.match(stderr, /Usage: mp-checkout-audit <url>/);
  });
});
