/**
 * Reads the merchant endpoint's answer (payment POST or status poll) into one outcome the element
 * can act on. The merchant's server is outside our control: any status, header or body is possible,
 * so this never throws and trusts only what it has checked.
 */
import { apiCauses, type ApiCause } from '../mercadopago/messages.js';

export interface ThreeDsInfo {
  externalResourceUrl: string;
  creq: string;
}

export type PaymentOutcome =
  | {
      type: 'result';
      id?: string;
      status: string;
      statusDetail?: string;
      threeDsInfo?: ThreeDsInfo;
      /** A 3-D Secure challenge was asked for, but its page cannot be opened (URL or creq unusable, or none). */
      unusableChallenge?: true;
    }
  | { type: 'rejected-request'; httpStatus: number; causes: ApiCause[] }
  | { type: 'error'; code: 'server' | 'bad_response'; httpStatus: number };

// Longer strings are not payment statuses or ids; they are cut out rather than rendered.
const MAX_FIELD = 256;
// A 3DS creq is a base64url JSON blob of a few hundred bytes; leave generous room.
const MAX_CREQ = 16_384;

function own(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

// Content-Type is not trusted either way: servers label JSON as text/html and vice versa.
function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

function shortString(x: unknown): string | undefined {
  if (typeof x !== 'string') return undefined;
  const s = x.trim();
  return s !== '' && s.length <= MAX_FIELD ? s : undefined;
}

function readId(x: unknown): string | undefined {
  if (typeof x === 'number') return Number.isFinite(x) ? String(x) : undefined;
  return shortString(x);
}

/** Hosts that never leave the machine: a local test issuer may serve its page over plain http. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The challenge URL is where the element POSTs the creq in an iframe, so only https: URLs or
 * same-origin paths pass: never javascript:, data:, or a protocol-relative `//host`. An issuer's
 * challenge page (the ACS) is always https (EMV 3-D Secure requires TLS); plain http is accepted
 * only on a loopback host, for a test issuer on the developer's machine.
 */
function safeChallengeUrl(x: unknown): string | undefined {
  if (typeof x !== 'string' || x.length > 2_048) return undefined;
  const s = x.trim();
  // Control characters and backslashes let browsers reinterpret a URL; refuse them outright.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (s === '' || /[\u0000-\u001f\u007f\\]/.test(s)) return undefined;
  if (s.startsWith('/')) return s.startsWith('//') ? undefined : s;
  try {
    const url = new URL(s);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) ? s : undefined;
  } catch {
    return undefined;
  }
}

function readThreeDsInfo(x: unknown): ThreeDsInfo | undefined {
  const externalResourceUrl = safeChallengeUrl(own(x, 'external_resource_url'));
  const creq = own(x, 'creq');
  if (externalResourceUrl === undefined || typeof creq !== 'string') return undefined;
  if (creq.trim() === '' || creq.length > MAX_CREQ) return undefined;
  return { externalResourceUrl, creq };
}

function sanitizeHttpStatus(x: unknown): number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 999 ? x : 0;
}

/** Classifies a merchant answer (payment POST or status poll): result, rejected request or error. */
export function parsePaymentResponse(httpStatus: number, contentType: string | null, bodyText: string): PaymentOutcome {
  const http = sanitizeHttpStatus(httpStatus);
  // contentType is accepted for the caller's convenience but deliberately ignored (see parseJson).
  void contentType;
  try {
    const body = parseJson(bodyText);
    if (http >= 200 && http < 300) {
      if (!isPlainObject(body)) return { type: 'error', code: 'bad_response', httpStatus: http };
      const status = shortString(own(body, 'status'));
      if (status === undefined) return { type: 'error', code: 'bad_response', httpStatus: http };
      const outcome: PaymentOutcome = { type: 'result', status };
      const id = readId(own(body, 'id'));
      if (id !== undefined) outcome.id = id;
      // Mercado Pago's own sample servers answer `detail` instead of `status_detail`.
      const statusDetail = shortString(own(body, 'status_detail')) ?? shortString(own(body, 'detail'));
      if (statusDetail !== undefined) outcome.statusDetail = statusDetail;
      const rawThreeDsInfo = own(body, 'three_ds_info');
      const threeDsInfo = readThreeDsInfo(rawThreeDsInfo);
      if (threeDsInfo !== undefined) outcome.threeDsInfo = threeDsInfo;
      // Asked for a challenge the element cannot open: said, not left as a silent pending payment. An
      // unusable `three_ds_info` asks for one only when no other reason is given: a server that always
      // sends the field (`[]`, `{}`) must not turn a contingency review into "try again" (a second charge).
      else if (statusDetail === 'pending_challenge' || (rawThreeDsInfo !== undefined && rawThreeDsInfo !== null && statusDetail === undefined))
        outcome.unusableChallenge = true;
      return outcome;
    }
    if (http >= 400 && http < 500 && isPlainObject(body)) {
      const causes = apiCauses(body);
      if (causes.length > 0) return { type: 'rejected-request', httpStatus: http, causes };
    }
  } catch {
    // fall through to the technical error
  }
  return { type: 'error', code: 'server', httpStatus: http };
}
