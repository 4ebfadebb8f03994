/**
 * The demo's snippet builder (demo/builder.html), in Chromium on the demo server: a merchant fills
 * the form, the live checkout comes up on the sandbox, and the snippet, the CSP headers (with a
 * nonce, and the fallback without) and the SRI hash are what the page must paste — the snippet parsed
 * back by the browser's HTML parser gives exactly the values typed, even hostile ones.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { contentSecurityPolicy } from '../../demo/server.ts';
import { useDemoSession } from './chromium.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const demo = useDemoSession();

/** Values that would break out of a double-quoted attribute, or run script, if escaping failed. */
const HOSTILE_ACTION = `https://shop.example/pay?order=1&x="><img src=x onerror="window.__pwned=1">`;
const HOSTILE_SCRIPT = `https://cdn.example.com/mp.js?v="></script><script>window.__pwned=2</script>`;

async function fill(page: Page, id: string, value: string): Promise<void> {
  await page.$eval(`#${id}`, (input) => ((input as HTMLInputElement).value = ''));
  await page.type(`#${id}`, value);
}

const textOf = (page: Page, id: string) => page.$eval(`#${id}`, (el) => el.textContent);

/** What demo/builder.js writes for the server to replace with a fresh nonce per response. */
const NONCE_PLACEHOLDER = '{RANDOM_PER_RESPONSE}';

/** `Content-Security-Policy: a x y; b z` → `{ a: ['x', 'y'], b: ['z'] }`. */
function directivesOf(header: string): Record<string, string[]> {
  return Object.fromEntries(
    header
      .replace(/^Content-Security-Policy: /, '')
      .split('; ')
      .map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
  );
}

describe('snippet builder (demo/builder.html)', () => {
  it('the live checkout follows the form and becomes ready; the snippet, CSP and SRI are what the page needs', async () => {
    const page = await demo.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      // The demo has no favicon; the browser's request for one is not the page's doing.
      if (message.type() === 'error' && !message.location().url?.endsWith('/favicon.ico')) errors.push(`${message.text()} ${message.location().url ?? ''}`);
    });
    await page.goto(new URL('demo/builder.html', demo.url).href, { waitUntil: 'load' });

    await fill(page, 'amount', '2500');
    await page.select('#site', 'MLB');
    await page.select('#locale', 'pt-BR');
    await page.select('#theme', 'dark');
    await fill(page, 'action', HOSTILE_ACTION);
    await fill(page, 'script-url', HOSTILE_SCRIPT);

    // The live checkout: the merchant's key, amount, site, language and theme; the sandbox endpoint.
    await page.waitForFunction(() => document.querySelector('mp-checkout')?.matches(':state(ready)'), { timeout: 30_000 });
    const live = await page.$eval('mp-checkout', (el) => ({
      amount: el.getAttribute('amount'),
      site: el.getAttribute('site'),
      locale: el.getAttribute('locale'),
      action: el.getAttribute('action'),
      background: el.style.getPropertyValue('--mp-background'),
      pay: el.shadowRoot!.querySelector('[part~="submit-button"]')!.textContent.trim(),
    }));
    assert.deepEqual(
      { ...live, pay: /pagar/i.test(live.pay) },
      {
        amount: '2500',
        site: 'MLB',
        locale: 'pt-BR',
        action: '/sandbox/process_payment',
        background: '#0d1117',
        pay: true,
      },
    );

    // The snippet, parsed by the browser as a page builder's embed would: one script, one style and
    // one <mp-checkout>, each value exactly as typed, and nothing that runs.
    await page.waitForFunction(
      () => document.getElementById('snippet')!.textContent.includes('pt-BR') && document.getElementById('csp')!.textContent.includes('shop.example'),
    );
    const snippet = await textOf(page, 'snippet');
    const parsed = await page.evaluate((html) => {
      // A template's content is inert: parsed like a page's, but its style applies to nothing.
      const template = document.createElement('template');
      template.innerHTML = html;
      const doc = template.content;
      const checkout = doc.querySelector('mp-checkout')!;
      const script = doc.querySelector('script')!;
      return {
        tags: [...doc.querySelectorAll('*')].map((el) => el.localName),
        attributes: Object.fromEntries([...checkout.attributes].map((a) => [a.name, a.value])),
        script: {
          nonce: script.getAttribute('nonce'),
          src: script.getAttribute('src'),
          integrity: script.getAttribute('integrity'),
          crossorigin: script.getAttribute('crossorigin'),
          type: script.type,
        },
        style: doc.querySelector('style')!.textContent,
      };
    }, snippet);
    const sri = `sha384-${createHash('sha384')
      .update(readFileSync(`${root}dist/mp-checkout.js`))
      .digest('base64')}`;
    assert.deepEqual(parsed.tags, ['script', 'style', 'mp-checkout', 'a']);
    assert.deepEqual(parsed.attributes, { 'public-key': 'TEST-MLA-sandbox-demo', amount: '2500', action: HOSTILE_ACTION, site: 'MLB', locale: 'pt-BR' });
    assert.deepEqual(parsed.script, { nonce: NONCE_PLACEHOLDER, src: HOSTILE_SCRIPT, integrity: sri, crossorigin: 'anonymous', type: 'module' });
    assert.match(parsed.style, /^mp-checkout \{ --mp-color: #e6edf3;.*--mp-background: #0d1117;/);

    // The SRI hash is the one of the file this repository builds (and the README lists).
    assert.equal(await textOf(page, 'sri'), sri);
    assert.ok(readFileSync(`${root}README.md`, 'utf8').includes(sri), 'the README lists the same hash');

    // The CSP: the README's policy (a nonce, the same placeholder as on the snippet's script tag, and
    // 'strict-dynamic') plus the script's and the endpoint's origins, and the theme's <style> by its
    // hash; the fallback is the same without the nonce and 'strict-dynamic'.
    const styleHash = `'sha256-${createHash('sha256').update(parsed.style).digest('base64')}'`;
    const csp = await textOf(page, 'csp');
    const fallback = await textOf(page, 'csp-fallback');
    const recommended = directivesOf(csp);
    assert.deepEqual(recommended['script-src'], [
      `'nonce-${NONCE_PLACEHOLDER}'`,
      "'strict-dynamic'",
      "'self'",
      'https://sdk.mercadopago.com',
      'https://www.mercadopago.com',
      'https://cdn.example.com',
    ]);
    assert.ok(recommended['connect-src'].includes('https://shop.example'), csp);
    assert.deepEqual(recommended['style-src'], ["'self'", styleHash]);
    assert.ok(!/unsafe-(eval|inline)/.test(csp), csp);
    assert.deepEqual(directivesOf(fallback), {
      ...recommended,
      'script-src': ["'self'", 'https://sdk.mercadopago.com', 'https://www.mercadopago.com', 'https://cdn.example.com'],
    });
    // The nonced policy is the one the demo server sends (demo/server.ts), with the snippet's origins.
    const served = directivesOf(`Content-Security-Policy: ${contentSecurityPolicy(NONCE_PLACEHOLDER)}`);
    assert.deepEqual(Object.keys(recommended), Object.keys(served));
    for (const [directive, sources] of Object.entries(served)) {
      assert.deepEqual(recommended[directive].slice(0, sources.length), sources, directive);
    }
    // The page tells the merchant that the placeholder is theirs to fill, per response.
    assert.match(await page.$eval('#csp-title + p', (p) => p.textContent.replace(/\s+/g, ' ')), /new random value .* for every response/);

    // A theme-less snippet has no <style>, and its policy no style hash.
    await page.select('#theme', 'default');
    await page.waitForFunction(() => !document.getElementById('snippet')!.textContent.includes('<style>'));
    assert.match(await textOf(page, 'csp'), /style-src 'self'; /);
    assert.match(await textOf(page, 'csp-fallback'), /style-src 'self'; /);

    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null), null);
    assert.deepEqual(errors, [], 'page errors, console errors and CSP violations');
    await page.close();
  });
});
