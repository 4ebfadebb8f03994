/**
 * The server's behaviour against a local fake of Mercado Pago's Payments API, through the official
 * SDK, on one database. Run by pglite.test.ts and postgres.test.ts, so both databases must pass the
 * same tests.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { parsePaymentResponse } from '../../../src/merchant/payment-response.ts';
import type { Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrations.ts';
import { mercadoPagoGateway, setMercadoPagoBaseUrl } from '../../src/gateway.ts';
import { createHandler, type Logger, type MerchantHandler } from '../../src/handler.ts';
import type { Order } from '../../src/orders.ts';
import { CHALLENGE, startFakeMercadoPago, type FakeMercadoPago } from './fake-mercadopago.ts';

export const SECRET = 'test-webhook-secret-0123456789';
export const ADMIN = 'test-merchant-api-token';
const ORIGIN = 'http://127.0.0.1:9';

export function signature(dataId: string, requestId: string, ts: number | string, secret = SECRET): string {
  // Written out here, independent of the server's own manifest code, as Mercado Pago documents it.
  const manifest = `id:${/^[a-z0-9]+$/i.test(dataId) ? dataId.toLowerCase() : dataId};request-id:${requestId};ts:${ts};`;
  return `ts=${ts},v1=${createHmac('sha256', secret).update(manifest).digest('hex')}`;
}

export function paymentSuite(label: string, open: () => Promise<{ db: Database; close(): Promise<void> }>) {
  describe(`merchant server on ${label}`, () => {
    let fake: FakeMercadoPago;
    let db: Database;
    let closeDb: () => Promise<void>;
    let handler: MerchantHandler;
    let clock = Date.now();
    const logs: unknown[] = [];
    const log: Logger = (level, event, fields) => logs.push({ level, event, ...fields });

    before(async () => {
      fake = await startFakeMercadoPago();
      setMercadoPagoBaseUrl(fake.url);
      ({ db, close: closeDb } = await open());
      await migrate(db);
      handler = createHandler({
        db,
        gateway: mercadoPagoGateway({ accessToken: fake.accessToken }),
        webhookSecret: SECRET,
        publicUrl: 'https://shop.example',
        merchantApiToken: ADMIN,
        log,
        now: () => clock,
      });
    });
    after(async () => {
      await handler?.idle();
      await closeDb?.();
      await fake?.close();
    });

    async function call(method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) {
      const response = await handler.fetch(new Request(`${ORIGIN}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...init.headers },
        body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
      }));
      const text = await response.text();
      return { status: response.status, text, json: text ? JSON.parse(text) : undefined };
    }

    async function newOrder(items = [{ id: 'kit-1', title: 'Yerba mate kit', quantity: 2, unit_price: 7500.25 }]): Promise<Order> {
      const created = await call('POST', '/orders', { body: { items, description: 'Yerba mate' }, headers: { authorization: `Bearer ${ADMIN}` } });
      assert.equal(created.status, 201, created.text);
      return created.json;
    }

    const order = async (reference: string): Promise<Order> => (await call('GET', `/orders/${encodeURIComponent(reference)}`, { headers: { authorization: `Bearer ${ADMIN}` } })).json;

    /** The body <mp-checkout> posts (PRODUCT.md §2). */
    function widgetBody(o: Order, name: string, changes: Record<string, unknown> = {}) {
      return {
        token: `tok_${name}_${randomUUID()}`,
        payment_method_id: 'visa',
        issuer_id: '310',
        installments: 1,
        transaction_amount: o.amount,
        description: 'from the page',
        external_reference: o.external_reference,
        payer: { email: 'buyer@example.com', identification: { type: 'DNI', number: '12345678' }, first_name: 'Ana', last_name: 'García' },
        additional_info: { items: o.items.map(({ id, title, quantity, unit_price }) => ({ id, title, quantity, unit_price })) },
        device_id: 'device-session-1',
        ...changes,
      };
    }

    const pay = (body: unknown, key: string = randomUUID()) => call('POST', '/process_payment', { body, headers: { 'x-idempotency-key': key } });

    function notify(dataId: string, options: { requestId?: string; ts?: number; secret?: string; body?: unknown; headers?: Record<string, string | null> } = {}) {
      const requestId = options.requestId ?? randomUUID();
      const ts = options.ts ?? Math.floor(clock / 1000);
      const headers: Record<string, string> = {};
      const given: Record<string, string | null> = { 'x-signature': signature(dataId, requestId, ts, options.secret), 'x-request-id': requestId, ...options.headers };
      for (const [name, value] of Object.entries(given)) if (value !== null) headers[name] = value;
      const body = options.body ?? { type: 'payment', action: 'payment.updated', data: { id: dataId } };
      return call('POST', `/webhooks/mercadopago?data.id=${encodeURIComponent(dataId)}&type=payment`, { body, headers });
    }

    describe('payments through the official SDK', () => {
      it('approved: forwards the key, device id, notification_url and the order\'s own price; answers {id, status, status_detail}', async () => {
        const o = await newOrder();
        assert.equal(o.amount, 15000.5);
        const key = randomUUID();
        // Equal to the cent, so accepted; what is charged is still the order's own amount.
        const body = widgetBody(o, 'APRO', { transaction_amount: 15000.5000001 });
        const answer = await pay(body, key);
        assert.equal(answer.status, 201, answer.text);
        assert.deepEqual(Object.keys(answer.json).sort(), ['id', 'status', 'status_detail']);
        assert.equal(answer.json.status, 'approved');
        assert.equal(answer.json.status_detail, 'accredited');

        const sent = fake.creations().at(-1)!;
        assert.equal(sent.headers['authorization'], `Bearer ${fake.accessToken}`);
        assert.equal(sent.headers['x-idempotency-key'], key, 'the widget\'s key, unchanged');
        assert.equal(sent.headers['x-meli-session-id'], 'device-session-1');
        const forwarded = sent.body as Record<string, any>;
        assert.equal(forwarded.notification_url, 'https://shop.example/webhooks/mercadopago');
        assert.equal(forwarded.transaction_amount, 15000.5);
        assert.equal(forwarded.description, 'Yerba mate', 'the order\'s description, not the page\'s');
        assert.equal(forwarded.external_reference, o.external_reference);
        assert.deepEqual(forwarded.additional_info.items, o.items);
        assert.equal(forwarded.issuer_id, 310);
        assert.equal(forwarded.token, body.token);
        assert.equal(forwarded.device_id, undefined, 'device_id travels as a header, not in the body');

        const after = await order(o.external_reference);
        assert.equal(after.status, 'paid');
        assert.deepEqual(after.payments.map((p) => [p.id, p.status, p.idempotency_key]), [[answer.json.id, 'approved', key]]);
        // The element's own parser reads the answer as a result.
        assert.deepEqual(parsePaymentResponse(answer.status, 'application/json', answer.text), {
          type: 'result', id: answer.json.id, status: 'approved', statusDetail: 'accredited',
        });
      });

      it('rejected: the status detail reaches the element, and the order stays open', async () => {
        const o = await newOrder();
        const answer = await pay(widgetBody(o, 'OTHE'));
        assert.equal(answer.status, 201);
        assert.deepEqual([answer.json.status, answer.json.status_detail], ['rejected', 'cc_rejected_other_reason']);
        assert.equal((await order(o.external_reference)).status, 'open');
      });

      it('pending, then approved by a signed webhook; status-action shows the approval', async () => {
        const o = await newOrder();
        const answer = await pay(widgetBody(o, 'CONT'));
        assert.deepEqual([answer.json.status, answer.json.status_detail], ['in_process', 'pending_contingency']);
        assert.equal((await order(o.external_reference)).status, 'pending');

        fake.update(answer.json.id, 'approved', 'accredited');
        const delivered = await notify(answer.json.id);
        assert.equal(delivered.status, 200, delivered.text);
        await handler.idle();
        assert.equal((await order(o.external_reference)).status, 'paid');
        const status = await call('GET', `/payment_status?id=${answer.json.id}`);
        assert.deepEqual(status.json, { id: answer.json.id, status: 'approved', status_detail: 'accredited' });
      });

      it('status-action asks Mercado Pago when no webhook came (payment search), and only for this shop\'s payments', async () => {
        const o = await newOrder();
        const answer = await pay(widgetBody(o, 'CONT'));
        const readsBefore = fake.reads(answer.json.id);
        fake.update(answer.json.id, 'approved', 'accredited');
        const status = await call('GET', `/payment_status?id=${answer.json.id}`);
        assert.equal(status.json.status, 'approved');
        assert.equal(fake.reads(answer.json.id), readsBefore + 1);
        assert.equal((await order(o.external_reference)).status, 'paid');
        // Final now: answered from the database without another API call.
        await call('GET', `/payment_status?id=${answer.json.id}`);
        assert.equal(fake.reads(answer.json.id), readsBefore + 1);
        assert.equal((await call('GET', '/payment_status?id=123')).status, 404);
        assert.equal((await call('GET', '/payment_status?id=1;drop')).status, 400);
      });

      it('3-D Secure: pending_challenge with three_ds_info passed through for the element to open', async () => {
        const o = await newOrder();
        const answer = await pay(widgetBody(o, 'CHAL'));
        assert.equal(answer.status, 201);
        assert.deepEqual(answer.json.three_ds_info, CHALLENGE);
        assert.deepEqual(parsePaymentResponse(answer.status, 'application/json', answer.text), {
          type: 'result', id: answer.json.id, status: 'pending', statusDetail: 'pending_challenge',
          threeDsInfo: { externalResourceUrl: CHALLENGE.external_resource_url, creq: CHALLENGE.creq },
        });
      });

      it('a tampered amount or cart is refused with a 400 the element shows, and nothing is charged', async () => {
        const o = await newOrder();
        const charges = fake.charges();
        const cheaper = await pay(widgetBody(o, 'APRO', { transaction_amount: 1 }));
        assert.equal(cheaper.status, 400);
        assert.equal(cheaper.json.cause[0].code, 'amount_mismatch');
        assert.match(cheaper.json.message, /amount does not match/);
        const outcome = parsePaymentResponse(cheaper.status, 'application/json', cheaper.text);
        assert.equal(outcome.type, 'rejected-request', 'the element shows a message instead of offering a retry');

        const cart = await pay(widgetBody(o, 'APRO', { additional_info: { items: [{ id: 'kit-1', title: 'x', quantity: 2, unit_price: 1 }] } }));
        assert.equal(cart.status, 400);
        assert.equal(cart.json.cause[0].code, 'items_mismatch');
        const missing = await pay(widgetBody(o, 'APRO', { transaction_amount: undefined }));
        assert.equal(missing.json.cause[0].code, 'amount_mismatch');
        const unknown = await pay(widgetBody(o, 'APRO', { external_reference: 'no-such-order' }));
        assert.equal(unknown.json.cause[0].code, 'unknown_order');
        assert.equal(fake.charges(), charges);
        assert.equal((await order(o.external_reference)).payments.length, 0);
      });

      it('the same idempotency key twice, even at once, charges once and answers the same payment', async () => {
        const o = await newOrder();
        const charges = fake.charges();
        const key = randomUUID();
        const body = widgetBody(o, 'APRO');
        const [a, b] = await Promise.all([pay(body, key), pay(body, key)]);
        const c = await pay(body, key);
        assert.deepEqual([a.status, b.status, c.status], [201, 201, 201]);
        assert.equal(a.json.id, b.json.id);
        assert.equal(a.json.id, c.json.id);
        assert.equal(fake.charges(), charges + 1);
        assert.equal(fake.creations().filter((r) => r.headers['x-idempotency-key'] === key).length, 3);
        assert.equal((await order(o.external_reference)).payments.length, 1);
      });

      it('a paid order refuses a new attempt, but a retry of the paying attempt still gets its payment', async () => {
        const o = await newOrder();
        const key = randomUUID();
        const body = widgetBody(o, 'APRO');
        const first = await pay(body, key);
        assert.equal(first.json.status, 'approved');
        const again = await pay(widgetBody(o, 'APRO'));
        assert.equal(again.status, 409);
        assert.equal(again.json.cause[0].code, 'order_already_paid');
        const retry = await pay(body, key);
        assert.equal(retry.status, 201);
        assert.equal(retry.json.id, first.json.id);
      });

      it('Mercado Pago\'s 4xx and its cause codes reach the element; no idempotency key is refused before charging', async () => {
        const o = await newOrder();
        const refused = await pay(widgetBody(o, 'APRO', { payer: { email: 'not-an-email' } }));
        assert.equal(refused.status, 400);
        assert.equal(refused.json.cause[0].code, 4050);
        assert.equal(parsePaymentResponse(refused.status, null, refused.text).type, 'rejected-request');

        const charges = fake.charges();
        const noKey = await call('POST', '/process_payment', { body: widgetBody(o, 'APRO') });
        assert.equal(noKey.status, 400);
        assert.equal(noKey.json.cause[0].code, 'missing_idempotency_key');
        assert.equal(fake.charges(), charges);
      });

      it('the fake refuses a wrong bearer token and a missing idempotency key, as Mercado Pago does', async () => {
        const wrongToken = await fetch(`${fake.url}/v1/payments`, { method: 'POST', headers: { authorization: 'Bearer nope', 'x-idempotency-key': 'k' }, body: '{}' });
        assert.equal(wrongToken.status, 401);
        const noKey = await fetch(`${fake.url}/v1/payments`, { method: 'POST', headers: { authorization: `Bearer ${fake.accessToken}` }, body: '{}' });
        assert.equal(noKey.status, 400);
        // And the server, given a wrong token, answers 502: the element offers a retry with the same key.
        const o = await newOrder();
        const wrong = createHandler({ db, gateway: mercadoPagoGateway({ accessToken: 'TEST-wrong' }), log, publicUrl: 'https://shop.example' });
        const response = await wrong.fetch(new Request(`${ORIGIN}/process_payment`, {
          method: 'POST', headers: { 'x-idempotency-key': randomUUID() }, body: JSON.stringify(widgetBody(o, 'APRO')),
        }));
        assert.equal(response.status, 502);
        assert.equal(parsePaymentResponse(response.status, null, await response.text()).type, 'error');
      });

      it('never logs a card token', () => {
        const text = JSON.stringify(logs);
        assert.ok(logs.length > 0);
        assert.doesNotMatch(text, /tok_[A-Z]{4}_/);
      });
    });

    describe('webhook vectors', () => {
      let o: Order;
      let paymentId: string;

      before(async () => {
        o = await newOrder([{ id: 'tea', title: 'Tea', quantity: 1, unit_price: 1200 }]);
        const answer = await pay(widgetBody(o, 'CONT'));
        paymentId = answer.json.id;
      });

      it('valid: 200, then the payment is fetched and the order updated', async () => {
        fake.update(paymentId, 'approved', 'accredited');
        const reads = fake.reads(paymentId);
        const delivered = await notify(paymentId);
        assert.deepEqual([delivered.status, delivered.json], [200, { received: true }]);
        await handler.idle();
        assert.equal(fake.reads(paymentId), reads + 1);
        assert.equal((await order(o.external_reference)).status, 'paid');
      });

      it('refused (401) and never acted on: tampered body, wrong secret, stale ts, missing parts, `;` in an id', async () => {
        const reads = fake.reads(paymentId);
        const now = Math.floor(clock / 1000);
        const cases: Array<[string, Promise<{ status: number; json: { reason: string } }>, string]> = [
          ['body names another payment', notify(paymentId, { body: { type: 'payment', data: { id: '999' } } }), 'body_mismatch'],
          ['body is not JSON', notify(paymentId, { body: 'garbage' }), 'body_mismatch'],
          ['wrong secret', notify(paymentId, { secret: 'another-secret' }), 'signature_mismatch'],
          ['ts 301 s old', notify(paymentId, { ts: now - 301 }), 'stale_timestamp'],
          ['ts 301 s ahead', notify(paymentId, { ts: now + 301 }), 'stale_timestamp'],
          ['no x-signature', notify(paymentId, { headers: { 'x-signature': null } }), 'missing_signature'],
          ['no x-request-id', notify(paymentId, { headers: { 'x-request-id': null } }), 'missing_request_id'],
          ['signature without ts', notify(paymentId, { headers: { 'x-signature': signature(paymentId, 'r', now).replace(/^ts=\d+,/, '') } }), 'malformed_signature'],
          ['signature without v1', notify(paymentId, { headers: { 'x-signature': `ts=${now}` } }), 'malformed_signature'],
          ['signed for another request id', notify(paymentId, { headers: { 'x-signature': signature(paymentId, 'other', now) } }), 'signature_mismatch'],
        ];
        for (const [name, delivered, reason] of cases) {
          const { status, json } = await delivered;
          assert.deepEqual([status, json.reason], [401, reason], name);
        }
        // No data.id in the query.
        const noId = await call('POST', '/webhooks/mercadopago?type=payment', { body: { type: 'payment', data: { id: paymentId } }, headers: { 'x-signature': signature('', 'r1', now), 'x-request-id': 'r1' } });
        assert.deepEqual([noId.status, noId.json.reason], [401, 'missing_data_id']);
        // A `;` could smuggle manifest parts: refused even when signed over exactly what was sent.
        const crafted = `${paymentId};request-id:x`;
        const smuggled = await notify(crafted, { body: { type: 'payment', data: { id: crafted } } });
        assert.deepEqual([smuggled.status, smuggled.json.reason], [401, 'invalid_id']);
        await handler.idle();
        assert.equal(fake.reads(paymentId), reads, 'a refused notification fetches nothing');
      });

      it('inside the window (299 s) is accepted', async () => {
        const delivered = await notify(paymentId, { ts: Math.floor(clock / 1000) - 299 });
        assert.equal(delivered.status, 200);
        await handler.idle();
      });

      it('replayed: the same request id again is refused, and processed once', async () => {
        const requestId = randomUUID();
        const reads = fake.reads(paymentId);
        assert.equal((await notify(paymentId, { requestId })).status, 200);
        const replay = await notify(paymentId, { requestId });
        assert.deepEqual([replay.status, replay.json.reason], [409, 'replayed']);
        await handler.idle();
        assert.equal(fake.reads(paymentId), reads + 1);
      });

      it('duplicate deliveries (new request ids, same news) change nothing', async () => {
        const before = await order(o.external_reference);
        const processed = () => logs.filter((l) => (l as { event: string }).event === 'webhook_processed') as Array<{ payment: string; changed: boolean }>;
        const seen = processed().length;
        for (let i = 0; i < 3; i++) assert.equal((await notify(paymentId)).status, 200);
        await handler.idle();
        assert.deepEqual(await order(o.external_reference), before);
        // Each was fetched and written, and the write found nothing newer to apply.
        assert.deepEqual(processed().slice(seen).map((l) => [l.payment, l.changed]), [[paymentId, false], [paymentId, false], [paymentId, false]]);
      });

      it('out of order: an older state fetched after a newer one never downgrades it; a newer one does move it', async () => {
        const p = await pay(widgetBody(await newOrder(), 'CONT'));
        const id = p.json.id;
        const pendingSnapshot = fake.snapshot(id);
        fake.update(id, 'approved', 'accredited');
        assert.equal((await notify(id)).status, 200);
        await handler.idle();
        const ref = fake.snapshot(id).external_reference!;
        assert.equal((await order(ref)).status, 'paid');

        // The delivery of the earlier "created" event is processed last, and its read is stale.
        fake.serveStaleOnce(id, pendingSnapshot);
        assert.equal((await notify(id)).status, 200);
        await handler.idle();
        const stillPaid = await order(ref);
        assert.equal(stillPaid.status, 'paid');
        assert.equal(stillPaid.payments[0]!.status, 'approved');

        fake.update(id, 'refunded', 'refunded');
        assert.equal((await notify(id)).status, 200);
        await handler.idle();
        assert.equal((await order(ref)).status, 'refunded');
      });

      it('concurrent out-of-order deliveries settle on the newest state', async () => {
        const p = await pay(widgetBody(await newOrder(), 'CONT'));
        const id = p.json.id;
        const old = fake.snapshot(id);
        fake.update(id, 'approved', 'accredited');
        fake.serveStaleOnce(id, old);
        const answers = await Promise.all([notify(id), notify(id), notify(id)]);
        assert.deepEqual(answers.map((a) => a.status), [200, 200, 200]);
        await handler.idle();
        assert.equal((await order(old.external_reference!)).payments[0]!.status, 'approved');
      });

      it('no secret configured: every notification is refused (no fallback secret)', async () => {
        const unconfigured = createHandler({ db, gateway: mercadoPagoGateway({ accessToken: fake.accessToken }), log });
        const requestId = randomUUID();
        const ts = Math.floor(Date.now() / 1000);
        const response = await unconfigured.fetch(new Request(`${ORIGIN}/webhooks/mercadopago?data.id=${paymentId}&type=payment`, {
          method: 'POST',
          headers: { 'x-signature': signature(paymentId, requestId, ts, ''), 'x-request-id': requestId },
          body: JSON.stringify({ type: 'payment', data: { id: paymentId } }),
        }));
        assert.equal(response.status, 503);
      });

      it('a notification for a payment of no order of ours changes nothing', async () => {
        const stranger = createHandler({ db, gateway: mercadoPagoGateway({ accessToken: fake.accessToken }), webhookSecret: SECRET, log, now: () => clock });
        const response = await stranger.fetch(new Request(`${ORIGIN}/webhooks/mercadopago?data.id=777&type=payment`, {
          method: 'POST',
          headers: { 'x-signature': signature('777', 'req-777', Math.floor(clock / 1000)), 'x-request-id': 'req-777' },
          body: JSON.stringify({ type: 'payment', data: { id: '777' } }),
        }));
        assert.equal(response.status, 200);
        await stranger.idle();
        assert.ok(logs.some((l) => (l as { event: string }).event === 'webhook_unknown_payment'));
      });
    });

    describe('orders API', () => {
      it('needs the merchant token, computes the amount from the items, refuses a wrong total or a taken reference', async () => {
        const items = [{ id: 'a', title: 'A', quantity: 3, unit_price: 0.1 }];
        assert.equal((await call('POST', '/orders', { body: { items } })).status, 401);
        assert.equal((await call('POST', '/orders', { body: { items }, headers: { authorization: 'Bearer wrong' } })).status, 401);
        const auth = { authorization: `Bearer ${ADMIN}` };
        const reference = `order-${randomUUID()}`;
        const created = await call('POST', '/orders', { body: { external_reference: reference, items }, headers: auth });
        assert.equal(created.status, 201);
        assert.equal(created.json.amount, 0.3);
        assert.equal(created.json.status, 'open');
        assert.equal((await call('POST', '/orders', { body: { external_reference: reference, items }, headers: auth })).status, 409);
        assert.equal((await call('POST', '/orders', { body: { items, amount: 5 }, headers: auth })).status, 400);
        assert.equal((await call('POST', '/orders', { body: { items: [{ id: 'a', title: 'A', quantity: 0, unit_price: 1 }] }, headers: auth })).status, 400);
        assert.equal((await call('GET', '/orders/nope', { headers: auth })).status, 404);
      });
    });
  });
}
