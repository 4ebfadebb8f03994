/**
 * `npm run bench`: figures only, no assertions (the size budget is enforced by scripts/check-size.mjs;
 * the geometry by test/element/first-paint.test.ts).
 *
 * <mp-checkout> against a floor (test/bench/floor.ts: Lit, a private i18next instance with its strings
 * inline, the official loader called on connection, a static skeleton and the three Secure Fields;
 * no checkout logic), built here in the same run, on the same page, the same server and the same
 * sandbox MercadoPago.js (a service worker answers its official URL, registered before either bundle
 * is imported). Headless Chromium, a fresh browser context for every run (cold cache), the two sides
 * alternating, RUNS (≥ 15) runs each; medians.
 *
 * Measured inside the page (performance.now(), origin = navigation start):
 *   - `customElements.define` of the element → its first shadow render (first DOM mutation of its root),
 *   - → the MercadoPago.js <script> inserted (negative: before define, as the bundle evaluates),
 *   - navigation → `mp-ready`,
 *   - cumulative layout shift (PerformanceObserver 'layout-shift', entries with hadRecentInput excluded,
 *     as CLS does) until ready; for <mp-checkout> also through a BIN lookup (the card number typed into
 *     the Secure Field's frame) and a rejected payment with its message (pay clicked from script, so
 *     nothing it moves counts as recent input). Every shift, recent input or not, is printed too.
 *     Merchant content sits below the element on both pages, so any growth of the element moves it.
 * Plus, to show where a difference goes: how long MercadoPago.js waited between its last byte and
 * running (it runs on the main thread, so it waits for whatever task holds it), and the main
 * thread's time in long tasks (≥ 50 ms) until `mp-ready`.
 * Plus the brotli size of every script each side downloads before `mp-ready`.
 * BENCH_RUNS=n changes the number of runs; BENCH_DEBUG=1 prints every layout shift with its sources.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startDemoServer } from '../../demo/server.ts';
import { chromiumArgs, chromiumPath, fieldFrame } from '../e2e/chromium.ts';

const RUNS = Math.max(Number(process.env.BENCH_RUNS ?? 15), 1);
const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const benchDir = join(dist, 'bench');

// ——— sizes ———

const brotli = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (b: Buffer) => gzipSync(b, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(9);

function sizeRow(label: string, file: string): string {
  const bytes = readFileSync(file);
  return `  ${label.padEnd(40)} ${kb(bytes.length)} ${kb(gzip(bytes))} ${kb(brotli(bytes))}`;
}

function printSizes(): void {
  console.log(`Bundle sizes${' '.repeat(32)}  minified      gzip    brotli`);
  console.log(sizeRow('dist/mp-checkout.js (CDN entry)', join(dist, 'mp-checkout.js')));
  // Only the chunks the current entry imports (earlier builds may have left others in dist/chunks).
  const entry = readFileSync(join(dist, 'mp-checkout.js'), 'utf8');
  const files = [...new Set(Array.from(entry.matchAll(/chunks\/([\w.-]+\.js)/g), (m) => m[1]))].sort();
  for (const f of files) {
    // Locale chunks are named after their language (en-…, es-AR-…); anything else is listed as it is.
    const language = /^([a-z]{2}(?:-[A-Z]{2})?)-[\w-]+\.js$/.exec(f)?.[1];
    console.log(sizeRow(language ? `locale ${language}` : `chunks/${f}`, join(dist, 'chunks', f)));
  }
  console.log(sizeRow('floor (bench only)', join(benchDir, 'floor.js')));
  console.log(sizeRow('sandbox double (never shipped)', join(dist, 'sandbox', 'mercadopago-sdk.js')));
}

// ——— the two pages ———

type Side = 'floor' | 'checkout';

const ELEMENTS: Record<Side, { bundle: string; markup: string }> = {
  floor: { bundle: '/dist/bench/floor.js', markup: '<bench-floor public-key="TEST-MLA-sandbox-demo"></bench-floor>' },
  checkout: {
    bundle: '/dist/mp-checkout.js',
    // The demo shop's order-1042 (demo/server.ts), so the reference server accepts the payment.
    markup: `<mp-checkout public-key="TEST-MLA-sandbox-demo" amount="15000" action="/process_payment" status-action="/payment_status" site="MLA"
      locale="en" description="Yerba mate kit" external-reference="order-1042"
      items='[{"id":"kit-1","title":"Yerba mate kit","quantity":1,"unit_price":15000}]'></mp-checkout>`,
  },
};

async function writePages(): Promise<void> {
  mkdirSync(benchDir, { recursive: true });
  await build({
    entryPoints: [join(root, 'test/bench/floor.ts')],
    outfile: join(benchDir, 'floor.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    conditions: ['production'],
    logLevel: 'warning',
  });
  // The demo's sandbox boot (service worker first, then the bundle), for both sides alike.
  writeFileSync(
    join(benchDir, 'boot.js'),
    "import { bootSandbox } from '/demo/sandbox-boot.js';\nawait bootSandbox(document.documentElement.dataset.bundle);\n",
  );
  for (const side of ['floor', 'checkout'] as const) {
    writeFileSync(
      join(benchDir, `${side}.html`),
      `<!doctype html>
<html lang="en" data-bundle="${ELEMENTS[side].bundle}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>bench: ${side}</title>
    <script type="module" src="/dist/bench/boot.js"></script>
  </head>
  <body>
    <h1>Order #1042</h1>
    <p>The merchant's content above the checkout.</p>
    ${ELEMENTS[side].markup}
    <footer><p>The merchant's content below the checkout: any growth of the checkout moves it.</p></footer>
  </body>
</html>
`,
    );
  }
}

// ——— one cold run ———

interface Shift {
  value: number;
  hadRecentInput: boolean;
  startTime: number;
}

interface Marks {
  define?: number;
  firstRender?: number;
  firstFrame?: number;
  sdkScript?: number;
  /** MercadoPago.js's `load` event: it has run (a script's load event follows its execution). */
  sdkRan?: number;
  /** MercadoPago.js's last byte arrived (Resource Timing). */
  sdkArrived?: number;
  /** Main-thread time in long tasks (≥ 50 ms) until mp-ready. */
  longTasks?: number;
  ready?: number;
  shifts: Shift[];
  scripts: Array<{ name: string; startTime: number }>;
}

/**
 * Installed before any page script. A string, not a function: tsx's name-keeping helpers would not
 * exist inside the page.
 */
const INSTRUMENT = `(() => {
  const TAGS = ['mp-checkout', 'bench-floor'];
  const marks = { shifts: [], scripts: [] };
  window.__bench = marks;
  const define = CustomElementRegistry.prototype.define;
  CustomElementRegistry.prototype.define = function (name, ...rest) {
    if (TAGS.includes(name) && marks.define === undefined) marks.define = performance.now();
    return define.call(this, name, ...rest);
  };
  // Synchronous hooks, not MutationObservers: an observer reports at the end of the task, and the
  // whole bundle evaluates (and the element first renders) in one task.
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (...args) {
    const root = attachShadow.apply(this, args);
    if (TAGS.includes(this.localName)) {
      for (const method of ['insertBefore', 'appendChild']) {
        root[method] = function (...nodes) {
          if (marks.firstRender === undefined) {
            marks.firstRender = performance.now();
            // The frame that first shows the element: what it moves was the page's box for an undefined element.
            requestAnimationFrame(() => requestAnimationFrame(() => (marks.firstFrame = performance.now())));
          }
          return Node.prototype[method].apply(this, nodes);
        };
      }
    }
    return root;
  };
  for (const method of ['insertBefore', 'appendChild']) {
    const original = Node.prototype[method];
    Node.prototype[method] = function (node, ...rest) {
      if (marks.sdkScript === undefined && node && node.localName === 'script' && String(node.src).startsWith('https://sdk.mercadopago.com/js/v2')) {
        marks.sdkScript = performance.now();
      }
      return original.call(this, node, ...rest);
    };
  }
  const isSdk = (url) => String(url).startsWith('https://sdk.mercadopago.com/js/v2');
  // A script's load event does not bubble, but a capturing listener on the document sees it.
  document.addEventListener('load', (event) => {
    if (marks.sdkRan === undefined && event.target.localName === 'script' && isSdk(event.target.src)) marks.sdkRan = performance.now();
  }, { capture: true });
  const longTasks = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
  document.addEventListener('mp-ready', () => {
    if (marks.ready !== undefined) return;
    marks.ready = performance.now();
    marks.longTasks = longTasks.filter((t) => t.startTime < marks.ready).reduce((sum, t) => sum + Math.min(t.duration, marks.ready - t.startTime), 0);
    marks.sdkArrived = performance.getEntriesByType('resource').find((e) => isSdk(e.name))?.responseEnd;
    marks.scripts = performance.getEntriesByType('resource')
      .filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js') || e.name.startsWith('https://sdk.mercadopago.com/'))
      .map((e) => ({ name: e.name, startTime: e.startTime }));
  }, { capture: true });
  new PerformanceObserver((list) => {
    const describe = (n) => !n ? '?' : n.nodeType === 1 ? n.localName + (n.getAttribute('part') ? '[' + n.getAttribute('part') + ']' : '') + (n.className && typeof n.className === 'string' ? '.' + n.className.trim().replace(/ +/g, '.') : '') : n.nodeName;
    for (const e of list.getEntries()) marks.shifts.push({ value: e.value, hadRecentInput: e.hadRecentInput, startTime: e.startTime,
      sources: (e.sources || []).map((s) => describe(s.node) + ' ' + s.previousRect.y + '/' + s.previousRect.height + '→' + s.currentRect.y + '/' + s.currentRect.height) });
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

type Stage = 'defined' | 'load' | 'bin' | 'pay';

interface Run {
  side: Side;
  firstRender: number;
  sdkScript: number;
  sdkWait: number;
  longTasks: number;
  ready: number;
  /** CLS (hadRecentInput excluded) and every shift, per stage; `defined`: the frame that first shows the element. */
  cls: Record<Stage, number>;
  allShifts: Record<Stage, number>;
  scripts: string[];
}

const marksOf = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Marks }).__bench);

/** Two frames and a little more: whatever a change laid out has been reported. */
const settle = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));

async function oneRun(browser: Browser, base: string, side: Side): Promise<Run> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    // Tall enough that the merchant's content under the element stays in view (shifts out of view are not counted).
    await page.setViewport({ width: 800, height: 1600 });
    await page.evaluateOnNewDocument(INSTRUMENT);
    await page.goto(`${base}dist/bench/${side}.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __bench: Marks }).__bench.ready !== undefined, { timeout: 20_000 });
    await settle(page);
    const loaded = await marksOf(page);
    const stages: Record<Stage, number> = { defined: loaded.firstFrame!, load: Infinity, bin: Infinity, pay: Infinity };
    stages.load = await page.evaluate(() => performance.now());
    if (side === 'checkout') {
      // A BIN lookup: the buyer types the card number (real key events into the Secure Field's frame).
      await (await fieldFrame(page, 'cardNumber')).type('input', '4509953566233704', { delay: 5 });
      await page.waitForSelector('mp-checkout >>> [part~="installments"]', { timeout: 10_000 });
      await settle(page);
      stages.bin = await page.evaluate(() => performance.now());
      await (await fieldFrame(page, 'expirationDate')).type('input', '1130', { delay: 5 });
      await (await fieldFrame(page, 'securityCode')).type('input', '123', { delay: 5 });
      await page.type('mp-checkout >>> [part~="cardholder-name"]', 'OTHE');
      await page.type('mp-checkout >>> [part~="identification-number"]', '12345678');
      await page.type('mp-checkout >>> [part~="email"]', 'buyer@example.com');
      // Past the 500 ms after the last key that CLS forgives, then pay from script: whatever the
      // rejection message moves is counted.
      await new Promise((resolve) => setTimeout(resolve, 600));
      await page.evaluate(
        () =>
          new Promise<void>((resolve) => {
            const el = document.querySelector('mp-checkout')!;
            el.addEventListener('mp-payment', () => resolve(), { once: true });
            el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
          }),
      );
      await settle(page);
      stages.pay = await page.evaluate(() => performance.now());
    }
    const { shifts } = await marksOf(page);
    if (process.env.BENCH_DEBUG)
      console.log(
        side,
        JSON.stringify(
          shifts.map((x) => ({ ...x, startTime: Math.round(x.startTime) })),
          null,
          1,
        ),
        stages,
      );
    const sum = (from: number, to: number, all: boolean) =>
      shifts.filter((s) => s.startTime >= from && s.startTime < to && (all || !s.hadRecentInput)).reduce((total, s) => total + s.value, 0);
    const byStage = (all: boolean) => ({
      defined: sum(0, stages.defined, all),
      load: sum(stages.defined, stages.load, all),
      bin: sum(stages.load, stages.bin, all),
      pay: sum(stages.bin, stages.pay, all),
    });
    return {
      side,
      firstRender: loaded.firstRender! - loaded.define!,
      sdkScript: loaded.sdkScript! - loaded.define!,
      sdkWait: loaded.sdkRan! - loaded.sdkArrived!,
      longTasks: loaded.longTasks!,
      ready: loaded.ready!,
      cls: byStage(false),
      allShifts: byStage(true),
      scripts: loaded.scripts.map((s) => s.name),
    };
  } finally {
    await context.close();
  }
}

// ——— report ———

function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : '—');
const shift = (n: number) => (Number.isFinite(n) ? (n === 0 ? '0' : n.toPrecision(2)) : '—');

/** The script a URL names on disk, for its size; undefined for what is not ours to ship. */
function fileFor(url: string): string | undefined {
  const { pathname, hostname } = new URL(url);
  if (hostname === 'sdk.mercadopago.com') return undefined;
  return pathname.startsWith('/dist/') ? join(root, pathname) : undefined;
}

function printScripts(side: Side, urls: string[]): void {
  let total = 0;
  console.log(`  ${side === 'floor' ? 'floor' : '<mp-checkout>'}:`);
  for (const url of [...new Set(urls)]) {
    const file = fileFor(url);
    const { pathname, hostname } = new URL(url);
    if (hostname === 'sdk.mercadopago.com') {
      console.log(`    ${'MercadoPago.js (the sandbox double here)'.padEnd(44)} not counted`);
    } else if (!file || pathname.startsWith('/dist/bench/boot')) {
      console.log(`    ${`${pathname} (bench harness)`.padEnd(44)} not counted`);
    } else {
      const size = brotli(readFileSync(file));
      total += size;
      console.log(`    ${pathname.replace('/dist/', '').padEnd(44)} ${kb(size)}`);
    }
  }
  console.log(`    ${'total, brotli'.padEnd(44)} ${kb(total)}`);
}

async function main(): Promise<void> {
  await writePages();
  printSizes();
  const server = await startDemoServer(0);
  const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
  const runs: Run[] = [];
  try {
    // Alternating, so a slow spell of the machine falls on both sides alike.
    for (let i = 0; i < RUNS; i++) {
      for (const side of i % 2 ? (['checkout', 'floor'] as const) : (['floor', 'checkout'] as const)) runs.push(await oneRun(browser, server.url, side));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const of = (side: Side) => runs.filter((r) => r.side === side);
  const floor = of('floor');
  const checkout = of('checkout');
  const row = (label: string, pick: (r: Run) => number, goal: string) => {
    const f = median(floor.map(pick));
    const c = median(checkout.map(pick));
    const ratio = f > 0 && c >= 0 ? `${(c / f).toFixed(2)}×` : c < 0 ? 'before define' : '—';
    console.log(`  ${label.padEnd(40)} ${ms(f).padStart(9)} ${ms(c).padStart(15)} ${ratio.padStart(14)}   ${goal}`);
  };
  console.log('');
  console.log(`Headless Chromium, cold, alternating, medians of ${RUNS} runs each${' '.repeat(4)}floor   <mp-checkout>          ratio   goal`);
  row('define → first shadow render', (r) => r.firstRender, '≤ 1.5×');
  row('define → MercadoPago.js <script> inserted', (r) => r.sdkScript, '≤ 1.0×');
  row('navigation → mp-ready', (r) => r.ready, '≤ 1.1×');
  // Where the difference goes: the main thread. MercadoPago.js cannot run while it is busy.
  row('  MercadoPago.js arrived → ran', (r) => r.sdkWait, '(why)');
  row('  main thread in long tasks, until ready', (r) => r.longTasks, '(why)');
  const worst = (rs: Run[], pick: (r: Run) => number) => Math.max(...rs.map(pick));
  const clsRow = (label: string, pickCheckout: (r: Run) => number, floorValue: string) =>
    console.log(`  ${label.padEnd(40)} ${floorValue.padStart(9)} ${shift(worst(checkout, pickCheckout)).padStart(15)}`);
  console.log('  Layout shift (worst run; CLS excludes shifts within 500 ms of input):');
  clsRow('  undefined → first render (see README)', (r) => r.cls.defined, shift(worst(floor, (r) => r.cls.defined)));
  clsRow('  CLS, first render → mp-ready', (r) => r.cls.load, shift(worst(floor, (r) => r.cls.load)));
  clsRow('  CLS, BIN lookup', (r) => r.cls.bin, '—');
  clsRow('  CLS, rejected payment and its message', (r) => r.cls.pay, '—');
  clsRow('  every shift after first render', (r) => r.allShifts.load + r.allShifts.bin + r.allShifts.pay, shift(worst(floor, (r) => r.allShifts.load)));
  console.log('');
  console.log('Scripts downloaded before mp-ready (first run of each side), brotli:');
  printScripts('floor', floor[0].scripts);
  printScripts('checkout', checkout[0].scripts);
}

await main();
