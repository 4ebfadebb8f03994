/**
 * Reference verification of Mercado Pago webhook notifications (mercadopago.md §6), for the
 * merchant's server: the widget's result is what the buyer sees, but the order must be updated from
 * the notification, which Mercado Pago signs.
 *
 *   x-signature: ts=<seconds>,v1=<hex>     x-request-id: <uuid>     ?data.id=<payment id>&type=payment
 *   manifest = "id:<data.id, lower-cased>;request-id:<x-request-id>;ts:<ts>;"  (missing parts omitted)
 *   v1 = HMAC-SHA256(secret, manifest) as hex
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface WebhookCheck {
  /** The `x-signature` header. */
  signature: string | undefined;
  /** The `x-request-id` header. */
  requestId: string | undefined;
  /** `data.id` from the query string (or the body). */
  dataId: string | undefined;
  secret: string;
  /** Reject signatures older than this many seconds (replays); 0 disables the check. */
  toleranceSeconds?: number;
  nowSeconds?: number;
}

/** The string Mercado Pago signs, with the parts it left out omitted. */
export function webhookManifest(dataId: string | undefined, requestId: string | undefined, ts: string | undefined): string {
  let manifest = '';
  if (dataId) manifest += `id:${dataId.toLowerCase()};`;
  if (requestId) manifest += `request-id:${requestId};`;
  if (ts) manifest += `ts:${ts};`;
  return manifest;
}

/** Parses `ts=…,v1=…`; unknown or malformed parts are ignored. */
export function parseSignatureHeader(header: string | undefined): { ts?: string; v1?: string } {
  const parts: { ts?: string; v1?: string } = {};
  for (const piece of (header ?? '').split(',')) {
    const [key, ...rest] = piece.split('=');
    const value = rest.join('=').trim();
    if (key.trim() === 'ts' && /^\d+$/.test(value)) parts.ts = value;
    if (key.trim() === 'v1' && /^[0-9a-f]{64}$/i.test(value)) parts.v1 = value.toLowerCase();
  }
  return parts;
}

/** True only for a notification Mercado Pago signed with this secret (constant-time compare). */
export function verifyWebhookSignature(check: WebhookCheck): boolean {
  const { ts, v1 } = parseSignatureHeader(check.signature);
  if (!ts || !v1 || !check.secret) return false;
  const tolerance = check.toleranceSeconds ?? 0;
  const now = check.nowSeconds ?? Math.floor(Date.now() / 1000);
  // MP's ts has been seen in seconds and in milliseconds; compare in seconds.
  const tsSeconds = ts.length > 11 ? Math.floor(Number(ts) / 1000) : Number(ts);
  if (tolerance > 0 && Math.abs(now - tsSeconds) > tolerance) return false;
  const expected = createHmac('sha256', check.secret).update(webhookManifest(check.dataId, check.requestId, ts)).digest();
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
