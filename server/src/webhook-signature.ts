/**
 * Verifies Mercado Pago's webhook signature (mercadopago.md §6):
 *
 *   x-signature: ts=<seconds>,v1=<hex>     x-request-id: <id>     ?data.id=<payment id>&type=payment
 *   manifest = "id:<data.id>;request-id:<x-request-id>;ts:<ts>;"   v1 = hex HMAC-SHA256(secret, manifest)
 *
 * The HMAC and its constant-time compare are the official SDK's `WebhookSignatureValidator`, so the
 * security-critical core is Mercado Pago's own reference code and follows its updates. The SDK leaves
 * the rest to the integrator, and that is done here: the id is lower-cased when alphanumeric (as
 * Mercado Pago signs it), ids that could smuggle manifest parts (`;`) are refused, every part is
 * required, and the signed `ts` must be inside a time window. Replays inside the window are refused by
 * request id in the database (handler.ts), since that needs shared state.
 */
import { InvalidWebhookSignatureError, WebhookSignatureValidator } from 'mercadopago';

export const DEFAULT_TOLERANCE_SECONDS = 300;

export interface WebhookCheck {
  /** The `x-signature` header. */
  signature: string | null | undefined;
  /** The `x-request-id` header. */
  requestId: string | null | undefined;
  /** `data.id` from the query string: the id Mercado Pago signed. */
  dataId: string | null | undefined;
  secret: string | undefined;
  /** How far the signed ts may be from now, in seconds (default 300). Never disabled. */
  toleranceSeconds?: number;
  nowSeconds?: number;
}

export type SignatureVerdict =
  | { ok: true; ts: number; requestId: string; dataId: string }
  | { ok: false; reason: string };

/** The string Mercado Pago signs, with the parts it left out omitted. */
export function webhookManifest(dataId: string | undefined, requestId: string | undefined, ts: string | undefined): string {
  let manifest = '';
  if (dataId) manifest += `id:${manifestId(dataId)};`;
  if (requestId) manifest += `request-id:${requestId};`;
  if (ts) manifest += `ts:${ts};`;
  return manifest;
}

/** Mercado Pago lower-cases alphanumeric ids before signing; anything else is signed as sent. */
export function manifestId(dataId: string): string {
  return /^[a-z0-9]+$/i.test(dataId) ? dataId.toLowerCase() : dataId;
}

/** Parses `ts=…,v1=…`; unknown or malformed parts are ignored. */
export function parseSignatureHeader(header: string | null | undefined): { ts?: string; v1?: string } {
  const parts: { ts?: string; v1?: string } = {};
  for (const piece of (header ?? '').split(',')) {
    const [key, ...rest] = piece.split('=');
    const value = rest.join('=').trim();
    if (key?.trim() === 'ts' && /^\d{1,16}$/.test(value)) parts.ts = value;
    if (key?.trim() === 'v1' && /^[0-9a-f]{64}$/i.test(value)) parts.v1 = value.toLowerCase();
  }
  return parts;
}

const clean = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

// `;` would let a crafted id carry its own "request-id:…;ts:…;" into the manifest; control characters
// and overlong values are never real ids either.
const SAFE_ID = /^[^;\u0000-\u001f\u007f]{1,256}$/;

/** Checks everything about one notification that needs no database. */
export function checkWebhookSignature(check: WebhookCheck): SignatureVerdict {
  // No fallback secret: none, or only blanks, refuses every notification.
  if (!check.secret?.trim()) return { ok: false, reason: 'no_secret' };
  const signature = clean(check.signature);
  const requestId = clean(check.requestId);
  const dataId = clean(check.dataId);
  if (!signature) return { ok: false, reason: 'missing_signature' };
  if (!requestId) return { ok: false, reason: 'missing_request_id' };
  if (!dataId) return { ok: false, reason: 'missing_data_id' };
  if (!SAFE_ID.test(dataId) || !SAFE_ID.test(requestId)) return { ok: false, reason: 'invalid_id' };
  const { ts, v1 } = parseSignatureHeader(signature);
  if (!ts || !v1) return { ok: false, reason: 'malformed_signature' };
  try {
    WebhookSignatureValidator.validate({ xSignature: `ts=${ts},v1=${v1}`, xRequestId: requestId, dataId: manifestId(dataId), secret: check.secret });
  } catch (error) {
    if (error instanceof InvalidWebhookSignatureError) return { ok: false, reason: 'signature_mismatch' };
    throw error;
  }
  // Infinity (or NaN, 0, a negative) would switch the window off: such a value means the default.
  const given = check.toleranceSeconds;
  const tolerance = given !== undefined && Number.isFinite(given) && given > 0 ? given : DEFAULT_TOLERANCE_SECONDS;
  const now = check.nowSeconds ?? Math.floor(Date.now() / 1000);
  // ts has been seen in seconds and in milliseconds; the window is measured in seconds.
  const tsSeconds = ts.length > 11 ? Math.floor(Number(ts) / 1000) : Number(ts);
  if (Math.abs(now - tsSeconds) > tolerance) return { ok: false, reason: 'stale_timestamp' };
  return { ok: true, ts: tsSeconds, requestId, dataId };
}

/** True only for a notification signed with this secret, inside the time window. */
export function verifyWebhookSignature(check: WebhookCheck): boolean {
  return checkWebhookSignature(check).ok;
}

/**
 * Replay protection for a check that has no database (the reference server keeps request ids in
 * its `webhook_deliveries` table instead): remembers the request ids it accepted while their signed
 * ts is inside the window, at most `maxEntries` of them. A replay inside the window is refused; an
 * older one fails the time check anyway. When full, the oldest ids are forgotten first.
 */
export function createReplayGuard(options: { toleranceSeconds?: number; maxEntries?: number } = {}) {
  const given = options.toleranceSeconds;
  const tolerance = given !== undefined && Number.isFinite(given) && given > 0 ? given : DEFAULT_TOLERANCE_SECONDS;
  const maxEntries = options.maxEntries ?? 10_000;
  // Insertion order is acceptance order, so the first entries are the oldest.
  const seen = new Map<string, number>();
  return {
    /** True the first time a request id is offered; false for a replay. */
    accept(requestId: string, signedTs: number, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
      for (const [id, ts] of seen) {
        if (ts >= nowSeconds - 2 * tolerance && seen.size < maxEntries) break;
        seen.delete(id);
      }
      if (seen.has(requestId)) return false;
      seen.set(requestId, signedTs);
      return true;
    },
    get size(): number {
      return seen.size;
    },
  };
}

/** The whole reference check without a database: signature, window and replays. */
export function verifyWebhook(check: WebhookCheck, replays: ReturnType<typeof createReplayGuard>): SignatureVerdict {
  const verdict = checkWebhookSignature(check);
  if (!verdict.ok) return verdict;
  return replays.accept(verdict.requestId, verdict.ts, check.nowSeconds) ? verdict : { ok: false, reason: 'replayed' };
}
