/**
 * Cloudflare Workers: `wrangler deploy --dry-run` bundles src/adapters/worker.ts exactly as a deploy
 * would (no login needed), and the bundle then runs in workerd, the Workers runtime itself (through
 * Miniflare, which wrangler uses for `wrangler dev`), against a real PostgreSQL and the fake Payments
 * API: the same handler on a serverless runtime with a shared database.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { migrate } from '../src/db/migrations.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { startFakeMercadoPago, type FakeMercadoPago } from './helpers/fake-mercadopago.ts';
import { startPostgres } from './helpers/postgres.ts';
import { ADMIN, SECRET, signature } from './helpers/suite.ts';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const outdir = mkdtempSync(join(tmpdir(), 'mp-checkout-worker-'));

describe('Cloudflare Workers build', () => {
  let cluster: Awaited<ReturnType<typeof startPostgres>>;
  let fake: FakeMercadoPago;
  let mf: Miniflare;

  before(async () => {
    cluster = await startPostgres();
    const db = openPostgres(cluster.url, { max: 1 });
    await migrate(db); // what `npm run migrate` does once per deploy
    await db.close();
    fake = await startFakeMercadoPago();
  });
  after(async () => {
    await mf?.dispose();
    await fake?.close();
    cluster?.stop();
    rmSync(outdir, { recursive: true, force: true });
  });

  it('wrangler deploy --dry-run bundles the worker', () => {
    const result = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], {
      cwd: serverDir,
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    });
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /--dry-run: exiting now/);
    const bundle = join(outdir, 'worker.js');
    assert.ok(existsSync(bundle), 'no worker.js in the outdir');
    // The embedded database stays out of the Worker: it would only add megabytes of WebAssembly.
    assert.ok(statSync(bundle).size < 2_000_000, `bundle is ${statSync(bundle).size} bytes`);
  });

  it('the bundle runs in workerd: orders, a payment through the SDK, a webhook processed after the answer', async () => {
    assert.ok(existsSync(join(outdir, 'worker.js')), 'the dry-run bundle is missing');
    mf = new Miniflare({
      scriptPath: join(outdir, 'worker.js'),
      modulesRoot: outdir,
      modules: true,
      compatibilityDate: '2026-04-01',
      compatibilityFlags: ['nodejs_compat'],
      bindings: {
        DATABASE_URL: cluster.url,
        MP_ACCESS_TOKEN: fake.accessToken,
        MP_API_BASE_URL: fake.url,
        MP_WEBHOOK_SECRET: SECRET,
        MERCHANT_API_TOKEN: ADMIN,
        PUBLIC_URL: 'https://shop.example',
      },
    });
    const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const response = await mf.dispatchFetch(`http://worker.test${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : undefined, text };
    };

    assert.deepEqual((await call('GET', '/health')).json, { ok: true, mode: 'mercadopago', database: 'postgres' });
    const order = await call('POST', '/orders', { items: [{ id: 'w', title: 'Worker', quantity: 1, unit_price: 99.9 }] }, { authorization: `Bearer ${ADMIN}` });
    assert.equal(order.status, 201, order.text);
    const key = randomUUID();
    const body = {
      token: `tok_CONT_${randomUUID()}`, payment_method_id: 'visa', installments: 1, transaction_amount: 99.9,
      external_reference: order.json.external_reference, payer: { email: 'buyer@example.com' }, device_id: 'dev-w',
    };
    const paid = await call('POST', '/process_payment', body, { 'x-idempotency-key': key });
    assert.equal(paid.status, 201, paid.text);
    assert.equal(paid.json.status, 'in_process');
    const sent = fake.creations().at(-1)!;
    assert.equal(sent.headers['x-idempotency-key'], key);
    assert.equal(sent.headers['x-meli-session-id'], 'dev-w');
    assert.equal((await call('POST', '/process_payment', { ...body, transaction_amount: 1 }, { 'x-idempotency-key': randomUUID() })).status, 400);

    fake.update(paid.json.id, 'approved', 'accredited');
    const requestId = randomUUID();
    const delivered = await call('POST', `/webhooks/mercadopago?data.id=${paid.json.id}&type=payment`, { type: 'payment', data: { id: paid.json.id } }, {
      'x-signature': signature(String(paid.json.id), requestId, Math.floor(Date.now() / 1000)),
      'x-request-id': requestId,
    });
    assert.equal(delivered.status, 200, delivered.text);
    // The work continues through ctx.waitUntil after the answer; give it a bounded time to land.
    let status = '';
    for (let i = 0; i < 50 && status !== 'paid'; i++) {
      status = (await call('GET', `/orders/${order.json.external_reference}`, undefined, { authorization: `Bearer ${ADMIN}` })).json.status;
      if (status !== 'paid') await new Promise((done) => setTimeout(done, 100));
    }
    assert.equal(status, 'paid');
  });
});
