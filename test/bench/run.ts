/**
 * `npm run bench`: figures only, no assertions (the size budget is enforced by scripts/check-size.mjs).
 *   1. The CDN bundle and each locale chunk: minified, gzip (level 9) and brotli (quality 11) bytes.
 *   2. Headless Chromium on the demo server (built bundle, sandbox SDK through the service worker),
 *      RUNS fresh browser contexts (cold cache, service worker registered anew each time):
 *      - navigation → first render of the skeleton (`:state(loading)` with the form in the shadow root),
 *      - navigation → `mp-ready`,
 *      - pay click → `mp-payment` (cardholder APRO).
 *      All times are measured inside the page (performance.now(), origin = navigation start).
 * Run after `rollup -c` (the npm script does it): node --import tsx test/bench/run.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startDemoServer } from '../../demo/server.ts';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');

// ——— sizes ———

const brotli = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (b: Buffer) => gzipSync(b, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(9);

function sizeRow(label: string, file: string): string {
  const bytes = readFileSync(file);
  return `  ${label.padEnd(34)} ${kb(bytes.length)} ${kb(gzip(bytes))} ${kb(brotli(bytes))}`;
}

function printSizes(): void {
  console.log(`Bundle sizes${' '.repeat(26)}  minified      gzip    brotli`);
  console.log(sizeRow('dist/mp-checkout.js (CDN entry)', join(dist, 'mp-checkout.js')));
  // Only the chunks the current entry imports (earlier builds may have left others in dist/chunks).
  const entry = readFileSync(join(dist, 'mp-checkout.js'), 'utf8');
  const files = [...new Set(Array.from(entry.matchAll(/chunks\/([\w.-]+\.js)/g), (m) => m[1]))].sort();
  for (const f of files) {
    // Locale chunks are named after their language (en-…, es-AR-…); anything else is listed as it is.
    const language = /^([a-z]{2}(?:-[A-Z]{2})?)-[\w-]+\.js$/.exec(f)?.[1];
    console.log(sizeRow(language ? `locale ${language}` : `chunks/${f}`, join(dist, 'chunks', f)));
  }
  const sandbox = join(dist, 'sandbox', 'mercadopago-sdk.js');
  try {
    console.log(sizeRow('sandbox double (never shipped)', sandbox));
  } catch {
    /* not built */
  }
}

// ——— timings ———

interface Run {
  skeleton: number;
  ready: number;
  pay: number;
}

/**
 * Installed before any page script: records when the skeleton first renders and when mp-ready fires.
 * A string, not a function: tsx's name-keeping helpers would not exist inside the page.
 */
const INSTRUMENT = `(() => {
  const marks = {};
  window.__bench = marks;
  document.addEventListener('mp-ready', () => { if (marks.ready === undefined) marks.ready = performance.now(); }, { capture: true, once: true });
  const check = () => {
    const el = document.querySelector('mp-checkout');
    if (el && el.matches(':state(loading)') && el.shadowRoot && el.shadowRoot.querySelector('[part~="form"]')) {
      marks.skeleton = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

async function typeCard(page: Page): Promise<void> {
  const frame = async (name: string) => await (await page.waitForSelector(`mp-checkout iframe[name="${name}"]`))!.contentFrame();
  await (await frame('cardNumber')).type('input', '4509953566233704');
  await (await frame('expirationDate')).type('input', '1130');
  await (await frame('securityCode')).type('input', '123');
  await page.type('mp-checkout >>> [part~="cardholder-name"]', 'APRO');
  await page.type('mp-checkout >>> [part~="identification-number"]', '12345678');
  await page.type('mp-checkout >>> [part~="email"]', 'buyer@example.com');
  await page.waitForSelector('mp-checkout >>> [part~="installments"]', { timeout: 10_000 });
}

async function oneRun(browser: Browser, url: string): Promise<Run> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.evaluateOnNewDocument(INSTRUMENT);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __bench: { ready?: number } }).__bench.ready !== undefined, { timeout: 20_000 });
    const { skeleton, ready } = await page.evaluate(() => (window as unknown as { __bench: { skeleton?: number; ready: number } }).__bench);
    await typeCard(page);
    const pay = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const el = document.querySelector('mp-checkout')!;
          const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!;
          const start = performance.now();
          el.addEventListener('mp-payment', () => resolve(performance.now() - start), { once: true });
          button.click();
        }),
    );
    return { skeleton: skeleton ?? Number.NaN, ready, pay };
  } finally {
    await context.close();
  }
}

function stats(values: number[]): { median: number; p90: number; min: number; max: number } {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return { median: Number.NaN, p90: Number.NaN, min: Number.NaN, max: Number.NaN };
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, p90: at(0.9), min: sorted[0], max: sorted[sorted.length - 1] };
}

const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : '—').padStart(8);

async function printTimings(): Promise<void> {
  const server = await startDemoServer(0);
  const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
  const runs: Run[] = [];
  try {
    const url = `${server.url}?locale=en&site=MLA`;
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(browser, url));
  } finally {
    await browser.close();
    await server.close();
  }
  console.log('');
  console.log(`Timings in headless Chromium, demo server, ${runs.length} cold runs     median       p90       min       max`);
  const rows: Array<[string, number[]]> = [
    ['navigation → skeleton (:state(loading) + form)', runs.map((r) => r.skeleton)],
    ['navigation → mp-ready', runs.map((r) => r.ready)],
    ['pay click → mp-payment (APRO)', runs.map((r) => r.pay)],
  ];
  for (const [label, values] of rows) {
    const s = stats(values);
    console.log(`  ${label.padEnd(62)} ${ms(s.median)}  ${ms(s.p90)}  ${ms(s.min)}  ${ms(s.max)}`);
  }
  console.log('  (from navigation start; the demo registers its sandbox service worker before it imports the bundle)');
}

printSizes();
await printTimings();
