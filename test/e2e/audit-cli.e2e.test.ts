/**
 * End to end: `mp-checkout-audit` against hostile and broken pages. A small server serves each page
 * below at /hostile/<name>.html and hands everything else (the bundle, the sandbox's service worker and
 * boot script, the merchant endpoint) to the demo server. The command runs as a child process with its
 * own Chromium, which has no network: MercadoPago.js is reachable only where a page boots the sandbox.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../../demo/server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

const GREEN = `['R1','R2','R3','R4','R5','R6','R7','R8','R9'].map((id) => ({ id, ok: true, severity: 'info', message: id + ' is met.' }))`;
const WORKING = 'public-key="TEST-cli-0000" amount="15000.00" action="/process_payment" site="MLA" locale="en"';

/** Each page's body; the sandbox boots (MercadoPago.js answered by the double) only where a page imports it. */
const PAGES: Record<string, string> = {
  // The real element, working, with its audit() patched on the prototype to say all is well.
  'patched-audit': `<mp-checkout ${WORKING}></mp-checkout>
    <script type="module">
      import { bootSandbox } from '/demo/sandbox-boot.js';
      await bootSandbox();
      customElements.get('mp-checkout').prototype.audit = function () { return ${GREEN}; };
    </script>`,
  // The page defines its own <mp-checkout>: it says ready, and that all is well.
  'fake-element': `<mp-checkout ${WORKING}></mp-checkout>
    <script type="module">
      customElements.define('mp-checkout', class extends HTMLElement {
        internals = this.attachInternals();
        constructor() { super(); this.internals.states.add('ready'); }
        get hasUpdated() { return true; }
        audit() { return ${GREEN}; }
        submit() {}
        reset() {}
      });
    </script>`,
  // A production checkout whose MercadoPago.js cannot be reached (this machine is offline).
  'dead-sdk': `<mp-checkout public-key="APP_USR-cli-0000" amount="15000.00" action="/process_payment" status-action="/payment_status" site="MLA" locale="en"
      sdk-timeout="4000" items='[{"id":"kit-1","title":"Kit","quantity":1,"unit_price":15000}]'><a slot="terms" href="/terms">Terms</a></mp-checkout>
    <script type="module" src="/dist/mp-checkout.js"></script>`,
  // A self-hosted copy of MercadoPago.js, and a decoy official tag that never runs.
  decoy: `<mp-checkout public-key="APP_USR-cli-0000" amount="15000.00" action="/process_payment" status-action="/payment_status" site="MLA" locale="en"
      items='[{"id":"kit-1","title":"Kit","quantity":1,"unit_price":15000}]'><a slot="terms" href="/terms">Terms</a></mp-checkout>
    <script src="/dist/sandbox/mercadopago-sdk.js"></script>
    <script type="text/plain" src="https://sdk.mercadopago.com/js/v2"></script>
    <script type="module" src="/dist/mp-checkout.js"></script>`,
  // A Spanish checkout whose page puts terminal escape sequences into its id and messages.
  'escapes-es': `<mp-checkout public-key="TEST-cli-0000" amount="15000.00" action="/process_payment" site="MLA" locale="es"></mp-checkout>
    <script type="module">
      import { bootSandbox } from '/demo/sandbox-boot.js';
      const el = document.querySelector('mp-checkout');
      el.id = 'shop\\u001b[2J\\u202eevil';
      el.setAttribute('messages', JSON.stringify({ 'audit.R9_fail': '\\u001b[32m✓ R9 todo bien\\u001b[0m\\rlisto' }));
      await bootSandbox();
    </script>`,
};

let demo: Awaited<ReturnType<typeof startDemoServer>>;
let hostile: Server;
let base: string;

before(async () => {
  demo = await startDemoServer(0);
  hostile = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const page = /^\/hostile\/([\w-]+)\.html$/.exec(path)?.[1];
    if (page && PAGES[page] !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${page}</title></head><body>${PAGES[page]}</body></html>`);
      return;
    }
    // Everything else is the demo's (same paths), so the sandbox's worker controls this origin too.
    void fetch(new URL(req.url ?? '/', demo.url), {
      method: req.method,
      headers: { 'content-type': req.headers['content-type'] ?? '' },
      body: req.method === 'POST' ? req : undefined,
      duplex: 'half',
    } as RequestInit)
      .then(async (answer) => {
        const headers = Object.fromEntries([...answer.headers].filter(([name]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(name)));
        res.writeHead(answer.status, headers);
        res.end(Buffer.from(await answer.arrayBuffer()));
      })
      .catch(() => {
        res.writeHead(502);
        res.end();
      });
  });
  await new Promise<void>((listening) => hostile.listen(0, '127.0.0.1', () => listening()));
  const address = hostile.address();
  base = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
});

after(async () => {
  await new Promise<void>((closed) => hostile?.close(() => closed()));
  await demo?.close();
});

const run = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [`${root}bin/mp-checkout-audit.mjs`, ...args], { cwd: root, timeout: 90_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });

const audit = (page: string, ...args: string[]) => run([`${base}/hostile/${page}.html`, '--timeout', '20000', ...args]);

describe('mp-checkout-audit against pages that lie or are dead', () => {
  it('a patched audit() on the prototype is not believed: exit 1, "cannot be trusted", no ✓', async () => {
    const { code, stdout, stderr } = await audit('patched-audit');
    assert.equal(code, 1, `exit code (stderr: ${stderr})\n${stdout}`);
    assert.match(stdout, /^\s*✗ trust\s+.*audit\(\) was replaced by a script of the page.*cannot be trusted/m);
    assert.doesNotMatch(stdout, /✓/, 'nothing the patched audit() claims is shown as met');
    assert.match(stdout, /^\s*\? R1 /m);
  });

  it('a page-defined <mp-checkout> is not believed: exit 1', async () => {
    const { code, stdout, stderr } = await audit('fake-element', '--json');
    assert.equal(code, 1, `exit code (stderr: ${stderr})\n${stdout}`);
    const report = JSON.parse(stdout) as {
      errors: number;
      elements: Array<{ trusted: boolean; entries: Array<{ id: string; ok: boolean; message: string }> }>;
    };
    assert.equal(report.elements.length, 1);
    assert.equal(report.elements[0].trusted, false);
    const trust = report.elements[0].entries.filter((e) => e.id === 'trust' && !e.ok);
    assert.ok(trust.length > 0, JSON.stringify(report.elements[0].entries));
    assert.match(trust[0].message, /not the mp-checkout element/);
  });

  it('a dead MercadoPago.js: exit 1, the failure and the unreachable script are errors, R1 is not ✓', async () => {
    const { code, stdout, stderr } = await audit('dead-sdk');
    assert.equal(code, 1, `exit code (stderr: ${stderr})\n${stdout}`);
    assert.match(stdout, /\(production, error\)/);
    assert.match(stdout, /^\s*✗ state\s+<mp-checkout> shows an error/m);
    assert.match(stdout, /^\s*✗ form\s+The card form stopped: .*\(sdk_load_failed\)/m);
    assert.match(stdout, /^✗ sdk\s+MercadoPago\.js could not be fetched from https:\/\/sdk\.mercadopago\.com\/js\/v2/m);
    assert.match(stdout, /^\s*! R1\s+MercadoPago\.js has not loaded yet/m);
    assert.doesNotMatch(stdout, /✓ R1/);
  });

  it('a self-hosted MercadoPago.js behind a decoy official tag: refused, R1 ✗, exit 1', async () => {
    const { code, stdout, stderr } = await audit('decoy');
    assert.equal(code, 1, `exit code (stderr: ${stderr})\n${stdout}`);
    assert.match(stdout, /^\s*✗ R1\s+MercadoPago\.js did not come from a script element/m);
    assert.match(stdout, /\(production, error\)/);
    assert.match(stdout, /^! sdk\s+1 script element\(s\) name https:\/\/sdk\.mercadopago\.com\/js\/v2 with a type that never runs/m);
  });

  it("prints the element's lines in its language only, and the page's control characters escaped", async () => {
    const { code, stdout, stderr } = await audit('escapes-es');
    assert.equal(code, 0, `exit code (stderr: ${stderr})\n${stdout}`);
    // eslint-disable-next-line no-control-regex -- none may reach the terminal
    assert.doesNotMatch(stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/, 'no raw control character');
    assert.match(stdout, /<mp-checkout> #shop\\u\{1b\}\[2J\\u\{202e\}evil \(test, ready\)/);
    assert.match(stdout, /^\s*! R9\s+\\u\{1b\}\[32m✓ R9 todo bien\\u\{1b\}\[0m listo$/m);
    const entryLines = stdout.split('\n').filter((line) => /^\s+[✓!✗?] R\d\b/.test(line));
    assert.equal(entryLines.length, 9, stdout);
    for (const line of entryLines) assert.doesNotMatch(line, /\b(info|warning|error)\b/, `an English word in a Spanish line: ${line}`);
    assert.match(stdout, /^\s*✓ R2\s+Ningún control/m);
  });
});
