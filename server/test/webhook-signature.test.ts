/** The signature rules on their own, with vectors computed independently of the server's code. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { checkWebhookSignature, createReplayGuard, parseSignatureHeader, verifyWebhook, verifyWebhookSignature, webhookManifest } from '../src/webhook-signature.ts';

const secret = 'a-secret';
const hmac = (manifest: string, key = secret) => createHmac('sha256', key).update(manifest).digest('hex');
const NOW = 1_900_000_000;

describe('webhook signature', () => {
  it('builds Mercado Pago\'s manifest: alphanumeric ids lower-cased, missing parts omitted', () => {
    assert.equal(webhookManifest('ABC123', 'req-1', '1700000000'), 'id:abc123;request-id:req-1;ts:1700000000;');
    assert.equal(webhookManifest('A-B', 'req-1', '1'), 'id:A-B;request-id:req-1;ts:1;');
    assert.equal(webhookManifest(undefined, 'req-1', '1700000000'), 'request-id:req-1;ts:1700000000;');
    assert.deepEqual(parseSignatureHeader(`ts=1700000000, v1=${'A'.repeat(64)}`), { ts: '1700000000', v1: 'a'.repeat(64) });
    assert.deepEqual(parseSignatureHeader('garbage'), {});
  });

  it('accepts an upper-case alphanumeric data.id signed lower-cased, and a ts in milliseconds', () => {
    const v1 = hmac(`id:abc123;request-id:r;ts:${NOW};`);
    assert.deepEqual(checkWebhookSignature({ signature: `ts=${NOW},v1=${v1}`, requestId: 'r', dataId: 'ABC123', secret, nowSeconds: NOW }), { ok: true, ts: NOW, requestId: 'r', dataId: 'ABC123' });
    const ms = `${NOW}123`;
    const v1ms = hmac(`id:1;request-id:r;ts:${ms};`);
    assert.equal(verifyWebhookSignature({ signature: `ts=${ms},v1=${v1ms}`, requestId: 'r', dataId: '1', secret, nowSeconds: NOW + 10 }), true);
  });

  it('the window defaults to 300 s and cannot be switched off', () => {
    const sign = (ts: number) => `ts=${ts},v1=${hmac(`id:1;request-id:r;ts:${ts};`)}`;
    const check = (ts: number, toleranceSeconds?: number) => checkWebhookSignature({ signature: sign(ts), requestId: 'r', dataId: '1', secret, nowSeconds: NOW, toleranceSeconds });
    assert.equal(check(NOW - 300).ok, true);
    assert.deepEqual(check(NOW - 301), { ok: false, reason: 'stale_timestamp' });
    assert.deepEqual(check(NOW - 301, 0), { ok: false, reason: 'stale_timestamp' });
    assert.equal(check(NOW - 3000, 3600).ok, true);
  });

  it('refuses an empty secret, hostile headers and ids that could forge manifest parts', () => {
    const v1 = hmac(`id:1;request-id:r;ts:${NOW};`, '');
    assert.deepEqual(checkWebhookSignature({ signature: `ts=${NOW},v1=${v1}`, requestId: 'r', dataId: '1', secret: '', nowSeconds: NOW }), { ok: false, reason: 'no_secret' });
    for (const signature of [undefined, '', '=', 'ts=,v1=', 'ts=1,v1=zz', `ts=1,v1=${'a'.repeat(65)}`, `v1=${'a'.repeat(64)}`]) {
      assert.equal(verifyWebhookSignature({ signature, requestId: 'r', dataId: '1', secret, nowSeconds: NOW }), false, String(signature));
    }
    const smuggled = '1;request-id:x';
    const signedSmuggled = hmac(`id:${smuggled};request-id:r;ts:${NOW};`);
    assert.deepEqual(checkWebhookSignature({ signature: `ts=${NOW},v1=${signedSmuggled}`, requestId: 'r', dataId: smuggled, secret, nowSeconds: NOW }), { ok: false, reason: 'invalid_id' });
    const v1ok = hmac(`id:1;request-id:r;x;ts:${NOW};`);
    assert.deepEqual(checkWebhookSignature({ signature: `ts=${NOW},v1=${v1ok}`, requestId: 'r;x', dataId: '1', secret, nowSeconds: NOW }), { ok: false, reason: 'invalid_id' });
  });

  it('no tolerance switches the window off: Infinity, NaN and negatives mean the default 300 s', () => {
    const ts = NOW - 301;
    const signature = `ts=${ts},v1=${hmac(`id:1;request-id:r;ts:${ts};`)}`;
    for (const toleranceSeconds of [Infinity, Number.NaN, -5]) {
      assert.deepEqual(checkWebhookSignature({ signature, requestId: 'r', dataId: '1', secret, nowSeconds: NOW, toleranceSeconds }), { ok: false, reason: 'stale_timestamp' }, String(toleranceSeconds));
    }
  });

  it('a secret of blanks is no secret: there is no fallback', () => {
    const blank = '   ';
    const signature = `ts=${NOW},v1=${hmac(`id:1;request-id:r;ts:${NOW};`, blank)}`;
    assert.deepEqual(checkWebhookSignature({ signature, requestId: 'r', dataId: '1', secret: blank, nowSeconds: NOW }), { ok: false, reason: 'no_secret' });
  });

  it('without a database, the replay guard refuses a request id it accepted, and stays bounded', () => {
    const replays = createReplayGuard({ maxEntries: 2 });
    const notify = (requestId: string, nowSeconds = NOW) =>
      verifyWebhook({ signature: `ts=${NOW},v1=${hmac(`id:1;request-id:${requestId};ts:${NOW};`)}`, requestId, dataId: '1', secret, nowSeconds }, replays);
    assert.equal(notify('r1').ok, true);
    assert.deepEqual(notify('r1'), { ok: false, reason: 'replayed' });
    assert.equal(notify('r2').ok, true);
    assert.equal(notify('r3').ok, true);
    assert.equal(replays.size, 2, 'the oldest id is forgotten when full');
    assert.deepEqual(notify('r3'), { ok: false, reason: 'replayed' });
    // Once its ts has left the window, a replay fails the time check instead, so the id is dropped.
    assert.deepEqual(notify('r3', NOW + 301), { ok: false, reason: 'stale_timestamp' });
    assert.equal(createReplayGuard().accept('x', NOW, NOW), true);
  });
});
