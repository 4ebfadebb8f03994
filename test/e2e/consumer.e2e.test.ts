/**
 * The package as a stranger gets it: only the tarball. `npm pack` makes it from lib/ (built here)
 * and dist/ (built before the end-to-end tests), and `npm install` puts it into a fresh project
 * in a temporary folder, with its dependencies from the npm cache or registry. There:
 *  - every exports target exists, and the README it carries lists the SRI hash of its dist/ entry;
 *  - Node imports the package and its React wrapper without throwing (server-side rendering);
 *  - the examples/ checkouts type-check against it in their framework (tsc for TypeScript, React
 *    19, React 18's wrapper, Preact and Solid; vue-tsc; svelte-check), and each framework's
 *    deliberate mistake fails;
 *  - esbuild bundles examples/vanilla, and the bundle brings up a checkout in Chromium;
 *  - dist/ alone, served on another origin as a CDN would, loads with its integrity and the
 *    response's nonce from a plain HTML page under the README's recommended CSP (nonce +
 *    'strict-dynamic'), fetches its lazy chunks from next to the entry, and pays on the sandbox
 *    with the device profile's `device_id`.
 * The type-checkers and frameworks are linked from this repository's node_modules (devDependencies):
 * the consumer's own toolchain, not the package's.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { contentSecurityPolicy, newNonce } from '../../demo/server.ts';
import { offlineRequests, typeCard, useDemoSession } from './chromium.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
/** What the consumer's project brings itself; linked, not installed, to keep the test offline and fast. */
const TOOLCHAIN = ['typescript', 'esbuild', 'react', '@types/react', '@lit/react', 'preact', 'solid-js', 'vue', 'vue-tsc', 'svelte', 'svelte-check'];

const demo = useDemoSession();
let project = '';
let installed = '';

/** Runs a command in the consumer project; on failure, the error carries its output. */
async function inProject(cwd: string, command: string, args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, maxBuffer: 20_000_000, env: { ...process.env, NODE_OPTIONS: '' } });
    return stdout + stderr;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}${stderr}`);
  }
}

const sri = (bytes: Buffer) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

before(async () => {
  project = mkdtempSync(join(tmpdir(), 'mp-checkout-consumer-'));
  // lib/ is the npm build; dist/ comes from the e2e run's `rollup -c` (npm run test:e2e, npm test).
  await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: root });
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], { cwd: root });
  const [{ filename }] = JSON.parse(stdout) as Array<{ filename: string }>;
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await inProject(project, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(project, filename)]);
  installed = join(project, 'node_modules', 'mp-checkout');
  for (const name of TOOLCHAIN) {
    mkdirSync(dirname(join(project, 'node_modules', name)), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), join(project, 'node_modules', name), 'dir');
  }
  cpSync(join(root, 'examples'), join(project, 'examples'), { recursive: true });
});

after(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

// The checks are independent (the type-checkers each read their own folder): run them side by side.
describe('the packed tarball in a fresh project', { concurrency: true }, () => {
  it('has every file its package.json points at, and its README lists the SRI hash of its dist/ entry', async () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      exports: Record<string, string | Record<string, string>>;
      'web-types': string;
      customElements: string;
    };
    const targets = Object.values(manifest.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
    for (const target of [...targets.filter((t) => !t.includes('*')), manifest['web-types'], manifest.customElements]) {
      assert.ok((await stat(join(installed, target))).isFile(), target);
    }
    const hash = sri(readFileSync(join(installed, 'dist/mp-checkout.js')));
    const readme = readFileSync(join(installed, 'README.md'), 'utf8');
    assert.ok(readme.includes(`integrity="${hash}"`), `README.md lists ${hash}`);
  });

  it('imports in Node, as server-side rendering does, without throwing', async () => {
    const script = `const m = await import('mp-checkout'); const r = await import('mp-checkout/react');
      console.log(JSON.stringify([typeof m.MpCheckoutElement, typeof r.MpCheckout, typeof customElements.get('mp-checkout')]));`;
    const out = await inProject(project, process.execPath, ['--input-type=module', '-e', script]);
    assert.deepEqual(JSON.parse(out.trim().split('\n').at(-1)!), ['function', 'object', 'function']);
  });

  it('types the examples in TypeScript, React 19, React 18 (@lit/react), Preact and Solid', async () => {
    await inProject(join(project, 'examples'), process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', '.']);
  });

  it('types the Vue example with vue-tsc (GlobalComponents)', async () => {
    await inProject(join(project, 'examples/vue'), process.execPath, [join(project, 'node_modules/vue-tsc/bin/vue-tsc.js'), '-p', '.']);
  });

  it('types the Svelte example with svelte-check, which rejects a misspelt detail field', async () => {
    const dir = join(project, 'examples/svelte');
    // Svelte templates have no @ts-expect-error: the mistake goes in a copy, which must be the one
    // file with a problem (one run of svelte-check for both).
    const app = readFileSync(join(dir, 'App.svelte'), 'utf8');
    assert.ok(app.includes('event.detail.status'));
    writeFileSync(join(dir, 'Mistake.svelte'), app.replace('event.detail.status', 'event.detail.state'));
    const check = inProject(dir, process.execPath, [
      join(project, 'node_modules/svelte-check/bin/svelte-check'),
      '--tsconfig',
      './tsconfig.json',
      '--fail-on-warnings',
      '--output',
      'machine',
    ]);
    const failure = await check.then(
      () => assert.fail('svelte-check accepted the mistake'),
      (error: Error) => error.message,
    );
    const problems = failure.split('\n').filter((line) => /^\d+ (ERROR|WARNING) /.test(line));
    assert.equal(problems.length, 1, failure);
    assert.match(problems[0], /^\d+ ERROR "Mistake\.svelte" .*Property 'state' does not exist on type 'MpPaymentDetail'/);
  });

  it('bundles with esbuild, and the bundle brings up a checkout', async () => {
    const out = join(project, 'bundle');
    await inProject(project, join(project, 'node_modules/esbuild/bin/esbuild'), [
      'examples/vanilla/main.ts',
      '--bundle',
      '--format=esm',
      '--splitting',
      `--outdir=${out}`,
      '--log-level=warning',
    ]);
    const page = await openPage('/consumer/bundled/', (nonce) => `<script type="module" nonce="${nonce}" src="/consumer/bundle/main.js"></script>`, {
      [new URL('/consumer/bundle/', demo.url).href]: (path) => serveFrom(out, path),
    });
    await page.waitForFunction(() => document.querySelector('mp-checkout')?.matches(':state(ready)'), { timeout: 20_000 });
    assert.equal(await page.$eval('mp-checkout >>> [part~="submit-button"]', (b) => b.textContent.trim().length > 0), true);
    await page.close();
  });
});

describe('dist/ alone on another origin, as a CDN serves it', () => {
  // Another origin than the page's; the browser's requests to it are answered from the installed
  // package's dist/ folder and nothing else, with what a CDN sends for a module script.
  const cdnUrl = 'https://cdn.example.test/mp-checkout/';
  const served: string[] = [];
  const cdn = (path: string) => serveFrom(join(installed, 'dist'), path, served);
  /**
   * The README's recommended policy for a page that loads the element from the CDN: browsers that
   * know 'strict-dynamic' trust the script through its nonce and ignore hosts; the CDN's origin is
   * in the allow-list part for those that do not.
   */
  const withCdn = (nonce: string): string => {
    const policy = contentSecurityPolicy(nonce);
    const withOrigin = policy.replace("'strict-dynamic' 'self'", `'strict-dynamic' 'self' ${new URL(cdnUrl).origin}`);
    assert.notEqual(withOrigin, policy, 'the CDN origin went into script-src');
    return withOrigin;
  };

  it('a plain HTML page loads it with its integrity and nonce under the recommended CSP, its chunks come from next to it, and it pays with device_id', async () => {
    const entry = readFileSync(join(installed, 'dist/mp-checkout.js'));
    const html = (nonce: string) => `<!doctype html><html lang="es-AR"><head><meta charset="utf-8"><title>Checkout</title>
<script type="module" nonce="${nonce}" src="${cdnUrl}mp-checkout.js" integrity="${sri(entry)}" crossorigin="anonymous"></script></head>
<body><mp-checkout public-key="TEST-MLA-sandbox-demo" amount="1500.50" action="/sandbox/process_payment" locale="es-AR" payer-email="ana@example.com">
<a slot="terms" href="/terms">Términos</a></mp-checkout></body></html>`;
    const errors: string[] = [];
    const payments: Array<Record<string, unknown>> = [];
    const page = await openPage('/consumer/cdn/', html, { [cdnUrl]: cdn }, withCdn, errors, payments);
    await page.waitForFunction(() => document.querySelector('mp-checkout')?.matches(':state(ready)'), { timeout: 20_000 });
    // The CDN path is not the demo's /dist/: the entry found its chunks relative to itself.
    assert.ok(served.includes('mp-checkout.js'));
    assert.ok(
      served.some((f) => /^chunks\/es-AR-[\w-]+\.js$/.test(f)),
      `the buyer's language chunk, from the CDN: ${served.join(', ')}`,
    );
    assert.ok(
      served.some((f) => /^chunks\/i18next-[\w-]+\.js$/.test(f)),
      'i18next, from the CDN',
    );

    await typeCard(page, { name: 'APRO' });
    const status = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          document
            .querySelector('mp-checkout')!
            .addEventListener('mp-payment', (e) => resolve((e as CustomEvent<{ status: string }>).detail.status), { once: true }),
        ),
    );
    await page.click('mp-checkout >>> [part~="submit-button"]');
    assert.equal(await status, 'approved');
    // MercadoPago.js, added by the element from the nonced CDN script, ran its inline device
    // profile ('strict-dynamic'), and the payment carried its session id.
    const deviceSessionId = await page.evaluate(() => (window as { MP_DEVICE_SESSION_ID?: string }).MP_DEVICE_SESSION_ID ?? null);
    assert.match(String(deviceSessionId), /^sandbox-device-[0-9a-f]{32}$/);
    assert.equal(payments.length, 1);
    assert.equal(payments[0].device_id, deviceSessionId, "the payment's device_id is the device profile's session id");
    assert.deepEqual(errors, [], 'page errors, console errors and CSP violations');
    await page.close();
  });

  it('a wrong integrity stops the script: the hash is what the browser checks', async () => {
    const errors: string[] = [];
    const html = (nonce: string) =>
      `<!doctype html><script type="module" nonce="${nonce}" src="${cdnUrl}mp-checkout.js" integrity="sha384-${'A'.repeat(64)}" crossorigin="anonymous"></script><mp-checkout></mp-checkout>`;
    const page = await openPage('/consumer/tampered/', html, { [cdnUrl]: cdn }, withCdn, errors);
    for (let waited = 0; !errors.length && waited < 10_000; waited += 100) await new Promise((done) => setTimeout(done, 100));
    assert.equal(await page.evaluate(() => customElements.get('mp-checkout')), undefined);
    assert.match(errors.join('\n'), /integrity/i);
    await page.close();
  });
});

interface Served {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** A file of `folder` for a URL path under it, or a 404; what was served is recorded in `log`. */
async function serveFrom(folder: string, path: string, log: string[] = []): Promise<Served> {
  const file = normalize(join(folder, decodeURIComponent(path)));
  try {
    if (!file.startsWith(folder + sep)) throw new Error('outside the folder');
    const body = await readFile(file);
    log.push(file.slice(folder.length + 1));
    const type = extname(file) === '.js' ? 'text/javascript; charset=utf-8' : 'application/json';
    return { status: 200, headers: { 'Content-Type': type, 'Access-Control-Allow-Origin': '*' }, body };
  } catch {
    return { status: 404, headers: {}, body: Buffer.from('') };
  }
}

/**
 * Opens `html` at a URL of the demo server (whose sandbox endpoint takes the payment), with
 * MercadoPago.js answered at its official URL by the sandbox double, and the URLs under each of
 * `origins`' prefixes answered by its function. Each response of the page gets a fresh nonce, in
 * its `csp` header and wherever `html` puts it; the bodies of the payment POSTs go into `payments`.
 */
async function openPage(
  path: string,
  html: (nonce: string) => string,
  origins: Record<string, (path: string) => Promise<Served>>,
  csp: (nonce: string) => string = contentSecurityPolicy,
  errors: string[] = [],
  payments: Array<Record<string, unknown>> = [],
): Promise<Page> {
  const page = await demo.browser.newPage();
  const pageUrl = new URL(path, demo.url).href;
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    // The demo server has no favicon; the browser's request for one is not the page's doing.
    if (message.type() === 'error' && !message.location().url?.endsWith('/favicon.ico')) errors.push(message.text());
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const offline = await offlineRequests(demo.url);
  await page.setRequestInterception(true);
  const answer = async (request: HTTPRequest): Promise<void> => {
    const url = request.url();
    const origin = Object.entries(origins).find(([prefix]) => url.startsWith(prefix));
    if (request.method() === 'POST' && new URL(url).pathname.endsWith('/process_payment')) payments.push(JSON.parse(request.postData() ?? '{}'));
    if (url === pageUrl) {
      const nonce = newNonce();
      await request.respond({ status: 200, headers: { 'Content-Security-Policy': csp(nonce) }, contentType: 'text/html; charset=utf-8', body: html(nonce) });
    } else if (origin) {
      const { status, headers, body } = await origin[1](new URL(url).pathname.slice(new URL(origin[0]).pathname.length));
      await request.respond({ status, headers, body });
    } else {
      await offline(request);
    }
  };
  page.on('request', (request) => void answer(request));
  await page.goto(pageUrl, { waitUntil: 'load' });
  return page;
}
