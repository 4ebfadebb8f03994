/**
 * End to end: a page made by the WordPress plugin (integrations/wordpress), in Chromium, with the
 * built bundle. PHP renders the page through WordPress's own code (tests/render-page.php): the block
 * from saved post content, the shortcode through the_content, the footer scripts. The page is served
 * with the README's strict Content-Security-Policy, its script tags given the response's nonce as a
 * security plugin does; MercadoPago.js is answered at its official URL with
 * the sandbox double (request interception), and the payment goes to the demo server's sandbox endpoint.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { contentSecurityPolicy, newNonce } from '../../demo/server.ts';
import { messageOf, offlineRequests, typeCard, useDemoSession } from './chromium.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const demo = useDemoSession();

// The demo server's sandbox endpoint: the reference handler at /process_payment prices payments from
// its own orders, and this page's amount and items are the test's, not an order's.
const SETTINGS = {
  public_key: 'TEST-MLA-sandbox-demo',
  action: '/sandbox/process_payment',
  status_action: '/sandbox/payment_status',
  script_url: '/dist/mp-checkout.js',
  terms_page: 12,
};

/** Values that would run script if any escaping failed; `window.__pwned` tells. */
const HOSTILE = `"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>' onmouseover='window.__pwned=3`;
const ITEMS = [{ id: 'mate', title: '</script><script>window.__pwned=4</script> "Mate" & <b>', quantity: 1, unit_price: 1500.5 }];

/** The page as the plugin renders it, from PHP. */
async function renderPage(content: string, block?: Record<string, unknown>): Promise<string> {
  const args = [`${root}integrations/wordpress/tests/render-page.php`, JSON.stringify(SETTINGS), content];
  if (block) args.push(JSON.stringify(block));
  const { stdout } = await promisify(execFile)('php', args, { maxBuffer: 10_000_000 });
  return stdout;
}

interface Opened {
  page: Page;
  errors: string[];
  dialogs: string[];
}

/** Opens the HTML at a same-origin URL of the demo server, served with the demo's CSP and a nonce on each script tag. */
async function open(html: string): Promise<Opened> {
  const page = await demo.browser.newPage();
  const opened: Opened = { page, errors: [], dialogs: [] };
  const pageUrl = `${demo.url}wordpress/checkout/`;
  page.on('pageerror', (error) => opened.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) opened.errors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const offline = await offlineRequests(demo.url);
  await page.setRequestInterception(true);
  const answer = async (request: HTTPRequest): Promise<void> => {
    const url = request.url();
    if (url === pageUrl) {
      const nonce = newNonce();
      const headers = { 'Content-Security-Policy': contentSecurityPolicy(nonce) };
      await request.respond({ status: 200, headers, contentType: 'text/html; charset=utf-8', body: html.replaceAll('<script', `<script nonce="${nonce}"`) });
    } else {
      await offline(request);
    }
  };
  page.on('request', (request) => void answer(request));
  await page.goto(pageUrl, { waitUntil: 'load' });
  return opened;
}

const ready = (page: Page, index = 0) =>
  page.waitForFunction((i) => document.querySelectorAll('mp-checkout')[i]?.matches(':state(ready)'), { timeout: 20_000 }, index);

describe('WordPress plugin page (built bundle)', () => {
  it('the block with hostile values runs no script, hands the element the exact values, and pays', async () => {
    const html = await renderPage('', { amount: '1500.50', description: HOSTILE, items: JSON.stringify(ITEMS), payerEmail: 'ana@example.com' });
    const { page, errors, dialogs } = await open(html);
    await ready(page);

    const seen = await page.evaluate(() => {
      const el = document.querySelector('mp-checkout') as HTMLElement & { description: string; items: unknown; publicKey: string; amount: number };
      return {
        description: el.description,
        items: el.items,
        publicKey: el.publicKey,
        amount: el.amount,
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        elements: document.querySelectorAll('body *:not(mp-checkout):not(mp-checkout *):not(script)').length,
        scripts: [...document.scripts].map((s) => `${s.type} ${s.getAttribute('src')}`),
        terms: el.querySelector('a[slot="terms"]')?.textContent,
      };
    });
    assert.deepEqual(seen, {
      description: HOSTILE,
      items: ITEMS,
      publicKey: 'TEST-MLA-sandbox-demo',
      amount: 1500.5,
      pwned: null,
      elements: 0,
      // The plugin's one module script, MercadoPago.js added by the element from its official URL, and
      // the device profile MercadoPago.js adds as an inline script (allowed by 'strict-dynamic').
      scripts: [' https://sdk.mercadopago.com/js/v2', ' null', 'module /dist/mp-checkout.js'],
      terms: 'Términos y condiciones',
    });
    const r9 = await page.evaluate(() =>
      (document.querySelector('mp-checkout') as unknown as { audit(): Array<{ id: string; ok: boolean }> }).audit().find((e) => e.id === 'R9'),
    );
    assert.equal(r9?.ok, true, 'R9: the terms link from the settings is in the terms slot');

    await typeCard(page, { name: 'APRO' });
    const status = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          document.querySelector('mp-checkout')!.addEventListener('mp-payment', (e) => resolve((e as CustomEvent).detail.status), { once: true }),
        ),
    );
    await page.click('mp-checkout >>> [part~="submit-button"]');
    assert.equal(await status, 'approved');
    await page.waitForFunction(() => document.querySelector('mp-checkout')?.shadowRoot?.querySelector('[part~="message"]')?.textContent?.trim());
    assert.match(await messageOf(page), /Se acreditó tu pago/);

    assert.deepEqual(dialogs, [], 'dialogs');
    assert.deepEqual(errors, [], 'page errors, console errors and CSP violations');
    await page.close();
  });

  it('a shortcode in post content: the element reads its attributes, a bare disabled locks it', async () => {
    const html = await renderPage('<p>Pague aquí:</p>\n\n[mp_checkout amount="2500" site="MLA" max-installments="3" payer_email="ana@example.com" disabled]');
    const { page, errors } = await open(html);
    await page.waitForFunction(() => customElements.get('mp-checkout') && document.querySelector('mp-checkout')?.shadowRoot);
    const seen = await page.evaluate(() => {
      const el = document.querySelector('mp-checkout') as HTMLElement & {
        amount: number;
        site: string;
        maxInstallments: number;
        payerEmail: string;
        disabled: boolean;
      };
      return { amount: el.amount, site: el.site, maxInstallments: el.maxInstallments, payerEmail: el.payerEmail, disabled: el.disabled };
    });
    assert.deepEqual(seen, { amount: 2500, site: 'MLA', maxInstallments: 3, payerEmail: 'ana@example.com', disabled: true });
    assert.deepEqual(errors, [], 'page errors, console errors and CSP violations');
    await page.close();
  });
});
