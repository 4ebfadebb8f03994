/**
 * The reference webhook endpoint of the demo server: a notification signed the way Mercado Pago
 * signs it is accepted; a forged, tampered, replayed or unsigned one is refused.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { startDemoServer } from '../../demo/server.ts';
import { parseSignatureHeader, verifyWebhookSignature, webhookManifest } from '../../demo/webhook.ts';

const SECRET = 'sandbox-webhook-secret';
let server: Awaited<ReturnType<typeof startDemoServer>>;

before(async () => {
  process.env.MP_WEBHOOK_SECRET = SECRET;
  server = await startDemoServer(0);
});
after(() => server?.close());

function sign(dataId: string, requestId: string, ts: string, secret = SECRET): string {
  const v1 = createHmac('sha256', secret).update(`id:${dataId.toLowerCase()};request-id:${requestId};ts:${ts};`).digest('hex');
  return `ts=${ts},v1=${v1}`;
}

function notify(dataId: string, headers: Record<string, string>) {
  return fetch(`${server.url}webhooks/mercadopago?data.id=${encodeURIComponent(dataId)}&type=payment`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ type: 'payment', action: 'payment.updated', data: { id: dataId } }),
  });
}

describe('webhook signature (reference server)', () => {
  const now = () => String(Math.floor(Date.now() / 1000));

  it('builds the manifest Mercado Pago signs, lower-casing the id and omitting missing parts', () => {
    assert.equal(webhookManifest('ABC123', 'req-1', '1700000000'), 'id:abc123;request-id:req-1;ts:1700000000;');
    assert.equal(webhookManifest(undefined, 'req-1', '1700000000'), 'request-id:req-1;ts:1700000000;');
    assert.deepEqual(parseSignatureHeader('ts=1700000000, v1=' + 'a'.repeat(64)), { ts: '1700000000', v1: 'a'.repeat(64) });
    assert.deepEqual(parseSignatureHeader('garbage'), {});
  });

  it('accepts a correctly signed notification (200)', async () => {
    const ts = now();
    const response = await notify('123456', { 'x-signature': sign('123456', 'req-1', ts), 'x-request-id': 'req-1' });
    assert.equal(response.status, 200);
  });

  it('refuses a forged, tampered, unsigned or replayed notification (401)', async () => {
    const ts = now();
    const cases: Array<[string, Record<string, string>, string]> = [
      ['wrong secret', { 'x-signature': sign('123456', 'req-1', ts, 'other'), 'x-request-id': 'req-1' }, '123456'],
      ['another payment id', { 'x-signature': sign('123456', 'req-1', ts), 'x-request-id': 'req-1' }, '999999'],
      ['another request id', { 'x-signature': sign('123456', 'req-1', ts), 'x-request-id': 'req-2' }, '123456'],
      ['no signature', { 'x-request-id': 'req-1' }, '123456'],
      ['replayed an hour later', { 'x-signature': sign('123456', 'req-1', String(Number(ts) - 3600)), 'x-request-id': 'req-1' }, '123456'],
    ];
    for (const [label, headers, id] of cases) {
      const response = await notify(id, headers);
      assert.equal(response.status, 401, label);
    }
  });

  it('never throws on hostile headers', () => {
    for (const signature of [undefined, '', '=', 'ts=,v1=', 'ts=1,v1=zz', `ts=1,v1=${'a'.repeat(65)}`, 'v1=' + 'a'.repeat(64)]) {
      assert.equal(verifyWebhookSignature({ signature, requestId: 'r', dataId: '1', secret: SECRET }), false);
    }
  });
});
