/**
 * `npm run server` with nothing configured: the Node adapter, the embedded PGlite on disk and the
 * sandbox answers (no credentials, no network), over real HTTP.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeSandboxToken } from '../../sandbox/token.ts';
import { startServer, type RunningServer } from '../src/adapters/node.ts';
import { ADMIN } from './helpers/suite.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'mp-checkout-pglite-'));
const env = { PGLITE_DIR: dataDir, MERCHANT_API_TOKEN: ADMIN, ALLOWED_ORIGINS: 'https://shop.example' };
const quiet = { log: () => undefined };

const sandboxToken = (name: string) =>
  encodeSandboxToken({ cardholderName: name, paymentMethodId: 'visa', firstSixDigits: '450995', lastFourDigits: '3704', expirationMonth: 11, expirationYear: 2030 });

describe('Node adapter, sandbox mode, PGlite on disk', () => {
  let server: RunningServer;
  let reference = '';
  before(async () => {
    server = await startServer({ port: 0, env, overrides: quiet });
  });
  after(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('answers like the sandbox: APRO approved, CHAL with the sandbox 3-D Secure page', async () => {
    assert.deepEqual(await (await fetch(`${server.url}/health`)).json(), { ok: true, mode: 'sandbox', database: 'pglite' });
    const order = await (await post('/orders', { items: [{ id: 'kit-1', title: 'Kit', quantity: 1, unit_price: 15000 }] }, { authorization: `Bearer ${ADMIN}` })).json();
    reference = order.external_reference;
    const body = { token: sandboxToken('APRO'), payment_method_id: 'visa', installments: 1, transaction_amount: 15000, external_reference: reference, payer: { email: 'a@example.com' } };
    const approved = await post('/process_payment', body, { 'x-idempotency-key': randomUUID() });
    assert.equal(approved.status, 201);
    assert.deepEqual((await approved.json()).status, 'approved');

    const other = await (await post('/orders', { items: [{ id: 'kit-1', title: 'Kit', quantity: 1, unit_price: 15000 }] }, { authorization: `Bearer ${ADMIN}` })).json();
    const challenge = await post('/process_payment', { ...body, token: sandboxToken('CHAL'), external_reference: other.external_reference }, { 'x-idempotency-key': randomUUID() });
    const answer = await challenge.json();
    assert.equal(answer.status_detail, 'pending_challenge');
    assert.equal(answer.three_ds_info.external_resource_url, '/sandbox/3ds');
  });

  it('keeps orders across a restart (PGlite persists to PGLITE_DIR)', async () => {
    await server.close();
    server = await startServer({ port: 0, env, overrides: quiet });
    const order = await (await fetch(`${server.url}/orders/${reference}`, { headers: { authorization: `Bearer ${ADMIN}` } })).json();
    assert.equal(order.status, 'paid');
  });

  it('CORS only for ALLOWED_ORIGINS; oversized bodies get 413', async () => {
    const preflight = (origin: string) => fetch(`${server.url}/process_payment`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-idempotency-key,x-csrf-token' },
    });
    const allowed = await preflight('https://shop.example');
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.equal(allowed.headers.get('access-control-allow-headers'), 'content-type,x-idempotency-key,x-csrf-token');
    const other = await preflight('https://evil.example');
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const big = await post('/process_payment', { padding: 'x'.repeat(200_000) }, { 'x-idempotency-key': randomUUID() });
    assert.equal(big.status, 413);
    // Past the adapter's own 1 MB cap, and without a content-length, the answer still arrives.
    const huge = await fetch(`${server.url}/process_payment`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-idempotency-key': randomUUID() },
      body: new Blob(['x'.repeat(3_000_000)]).stream(),
      duplex: 'half',
    } as RequestInit);
    assert.equal(huge.status, 413);
  });
});

describe('npm run server (repository root)', () => {
  it('starts with nothing configured and serves /health', { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mp-checkout-run-'));
    // Its own process group, so the npm → tsx → node chain can be stopped as one.
    const child = spawn('npm', ['run', '--silent', 'server'], {
      cwd: repoRoot,
      detached: true,
      env: { ...process.env, PORT: '0', PGLITE_DIR: join(dir, 'db'), MP_ACCESS_TOKEN: '', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const line = /\{"level":"info","event":"listening".*\}/.exec(out);
          if (line) done(JSON.parse(line[0]).url);
        });
        child.once('exit', (code) => fail(new Error(`npm run server exited (${code}): ${out}`)));
      });
      assert.deepEqual(await (await fetch(`${url}/health`)).json(), { ok: true, mode: 'sandbox', database: 'pglite' });
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((done) => child.once('exit', done));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
