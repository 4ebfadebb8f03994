/**
 * A bounded load test on loopback: the Node server (PGlite, the default) and the fake Payments API.
 * Many concurrent payments, each sent twice with the same idempotency key, then many concurrent
 * webhooks with duplicates, replays and stale reads. Every order must end in its right state, with
 * exactly one charge and one payment: none lost, none doubled. Request counts are fixed, so the run
 * is bounded by them (and by the test's timeout); p50/p99 are printed, not asserted.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { startServer, type RunningServer } from '../src/adapters/node.ts';
import type { Order } from '../src/orders.ts';
import { startFakeMercadoPago, type FakeMercadoPago } from './helpers/fake-mercadopago.ts';
import { ADMIN, SECRET, signature } from './helpers/suite.ts';

const ORDERS = 200;
const CONNECTIONS = 16;

/** What happens to order i, and the order status it must end in. */
const PLANS = [
  { name: 'APRO', later: null, expected: 'paid' },
  { name: 'OTHE', later: null, expected: 'open' },
  { name: 'CONT', later: ['approved', 'accredited'], expected: 'paid' },
  { name: 'CONT', later: ['rejected', 'cc_rejected_high_risk'], expected: 'open' },
] as const;

interface Job {
  order: Order;
  plan: (typeof PLANS)[number];
  key: string;
  token: string;
  paymentIds: Set<string>;
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((done, fail) => {
    autocannon(options, (error, result) => (error ? fail(error) : done(result)));
  });
}

const report = (label: string, r: autocannon.Result) =>
  console.log(`# ${label}: ${r.requests.total} requests, ${r.non2xx} non-2xx, ${r.errors} errors, latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${Math.round(r.requests.average)} req/s`);

describe('load (bounded, loopback)', () => {
  let fake: FakeMercadoPago;
  let server: RunningServer;
  const errors: unknown[] = [];

  before(async () => {
    fake = await startFakeMercadoPago();
    server = await startServer({
      port: 0,
      env: {
        PGLITE_DIR: 'memory://',
        MP_ACCESS_TOKEN: fake.accessToken,
        MP_API_BASE_URL: fake.url,
        MP_WEBHOOK_SECRET: SECRET,
        MERCHANT_API_TOKEN: ADMIN,
        PUBLIC_URL: 'https://shop.example',
      },
      overrides: { log: (level, event, fields) => void (level === 'error' && errors.push({ event, ...fields })) },
    });
  });
  after(async () => {
    await server?.close();
    await fake?.close();
  });

  it(`${ORDERS} orders: concurrent payments and webhooks, every order right, none lost or doubled`, { timeout: 120_000 }, async () => {
    const jobs: Job[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const response = await fetch(`${server.url}/orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ id: `sku-${i % 7}`, title: 'Item', quantity: 1 + (i % 3), unit_price: 10.5 + i }] }),
      });
      assert.equal(response.status, 201);
      const plan = PLANS[i % PLANS.length]!;
      jobs.push({ order: await response.json(), plan, key: randomUUID(), token: `tok_${plan.name}_${randomUUID()}`, paymentIds: new Set() });
    }

    // Phase 1: every attempt twice with the same key and token (a buyer's retry), interleaved.
    const payments = [...jobs, ...jobs];
    let next = 0;
    const paid = await run({
      url: server.url,
      connections: CONNECTIONS,
      amount: payments.length,
      requests: [{
        method: 'POST',
        path: '/process_payment',
        setupRequest: (request) => {
          const job = payments[next++]!;
          return {
            ...request,
            headers: { 'content-type': 'application/json', 'x-idempotency-key': job.key },
            body: JSON.stringify({
              token: job.token, payment_method_id: 'visa', installments: 1, transaction_amount: job.order.amount,
              external_reference: job.order.external_reference, payer: { email: 'buyer@example.com' }, device_id: 'dev',
            }),
          };
        },
        onResponse: (status, body, context) => {
          void context;
          if (status !== 201) return;
          const answer = JSON.parse(body) as { id: string };
          const job = jobs.find((j) => fake.payments.get(String(answer.id))?.external_reference === j.order.external_reference);
          job?.paymentIds.add(String(answer.id));
        },
      }],
    });
    report('payments', paid);
    assert.equal(paid.non2xx, 0);
    assert.equal(paid.errors, 0);
    assert.equal(paid.requests.total, payments.length);
    assert.equal(fake.charges(), ORDERS, 'one charge per attempt, though each was sent twice');
    for (const job of jobs) assert.equal(job.paymentIds.size, 1, `order ${job.order.external_reference} got ${job.paymentIds.size} payment ids`);

    // Mercado Pago decides the pending ones; a stale read of the old state races half of them.
    const deliveries: Array<{ paymentId: string; requestId: string }> = [];
    let replays = 0;
    for (const job of jobs) {
      if (!job.plan.later) continue;
      const id = [...job.paymentIds][0]!;
      const before = fake.snapshot(id);
      fake.update(id, job.plan.later[0], job.plan.later[1]);
      if (jobs.indexOf(job) % 2 === 0) fake.serveStaleOnce(id, before);
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      for (const requestId of ids) deliveries.push({ paymentId: id, requestId });
      deliveries.push({ paymentId: id, requestId: ids[0]! }); // a replay of the first
      replays++;
    }
    deliveries.sort(() => Math.random() - 0.5);

    // Phase 2: the webhooks, all at once, signed at send time.
    let nextDelivery = 0;
    const statuses = new Map<number, number>();
    const hooks = await run({
      url: server.url,
      connections: CONNECTIONS,
      amount: deliveries.length,
      requests: [{
        method: 'POST',
        setupRequest: (request) => {
          const d = deliveries[nextDelivery++]!;
          return {
            ...request,
            path: `/webhooks/mercadopago?data.id=${d.paymentId}&type=payment`,
            headers: {
              'content-type': 'application/json',
              'x-request-id': d.requestId,
              'x-signature': signature(d.paymentId, d.requestId, Math.floor(Date.now() / 1000)),
            },
            body: JSON.stringify({ type: 'payment', action: 'payment.updated', data: { id: d.paymentId } }),
          };
        },
        onResponse: (status) => void statuses.set(status, (statuses.get(status) ?? 0) + 1),
      }],
    });
    report('webhooks', hooks);
    assert.equal(hooks.errors, 0);
    assert.deepEqual(Object.fromEntries(statuses), { 200: deliveries.length - replays, 409: replays });
    await server.handler.idle();

    for (const job of jobs) {
      const response = await fetch(`${server.url}/orders/${job.order.external_reference}`, { headers: { authorization: `Bearer ${ADMIN}` } });
      const order = (await response.json()) as Order;
      assert.equal(order.status, job.plan.expected, `order ${order.external_reference} (${job.plan.name})`);
      assert.equal(order.payments.length, 1, `order ${order.external_reference} has ${order.payments.length} payments`);
      assert.equal(order.payments[0]!.idempotency_key, job.key);
    }
    assert.equal(fake.charges(), ORDERS);
    assert.deepEqual(errors, []);
  });
});
