/**
 * The sandbox merchant endpoint: what a merchant server + Mercado Pago's Payments API would answer, as pure
 * logic (no Node, no DOM), so the demo server, a service worker or a test can all host it.
 *
 * The outcome follows Mercado Pago's test cardholder names (mercadopago.md §4): the first word of the
 * cardholder name in the token, upper-cased. Names that are not a test code are APPROVED — Mercado Pago's
 * test environment behaves the same for real-looking names — so a demo user who types their own name pays.
 * Extra codes: HIGH (cc_rejected_high_risk), REVW (in_process/pending_review_manual),
 * AUTH (authorized/pending_capture) and CHAL (pending/pending_challenge with three_ds_info).
 */
import { decodeSandboxToken } from './token.js';

export interface EndpointResponse {
  status: number;
  body: unknown;
}

export interface SandboxPayment {
  id: number;
  status: string;
  status_detail: string;
  transaction_amount: number;
  installments: number;
  payment_method_id: string;
  issuer_id: string | null;
  statement_descriptor: string;
  date_created: string;
  date_approved: string | null;
  external_reference: string | null;
  three_ds_info?: { external_resource_url: string; creq: string };
}

export interface SandboxMerchant {
  /** POST {action}: creates a payment (201) or answers 400 with Mercado Pago-style `cause` codes. */
  pay(body: unknown, headers?: Record<string, string | undefined> | null): EndpointResponse;
  /** GET {status-action}?id=…: the payment's current state; pending ones move on as described above. */
  status(id: unknown): EndpointResponse;
  /** Called by the 3-D Secure page once the buyer passed the challenge: the payment id or its `creq`. */
  completeChallenge(idOrCreq: unknown): EndpointResponse;
}

type Outcome = [status: string, detail: string];

const OUTCOMES: Record<string, Outcome> = {
  APRO: ['approved', 'accredited'],
  OTHE: ['rejected', 'cc_rejected_other_reason'],
  CONT: ['in_process', 'pending_contingency'],
  CALL: ['rejected', 'cc_rejected_call_for_authorize'],
  FUND: ['rejected', 'cc_rejected_insufficient_amount'],
  SECU: ['rejected', 'cc_rejected_bad_filled_security_code'],
  EXPI: ['rejected', 'cc_rejected_bad_filled_date'],
  FORM: ['rejected', 'cc_rejected_bad_filled_other'],
  CARD: ['rejected', 'cc_rejected_bad_filled_card_number'],
  INST: ['rejected', 'cc_rejected_invalid_installments'],
  DUPL: ['rejected', 'cc_rejected_duplicated_payment'],
  LOCK: ['rejected', 'cc_rejected_card_disabled'],
  CTNA: ['rejected', 'cc_rejected_card_type_not_allowed'],
  ATTE: ['rejected', 'cc_rejected_max_attempts'],
  BLAC: ['rejected', 'cc_rejected_blacklist'],
  HIGH: ['rejected', 'cc_rejected_high_risk'],
  REVW: ['in_process', 'pending_review_manual'],
  AUTH: ['authorized', 'pending_capture'],
  CHAL: ['pending', 'pending_challenge'],
};

/** In-process payments turn approved on this status call (the 1st still answers in_process). */
const STATUS_CALLS_TO_SETTLE = 2;
/** Where the lead's 3-D Secure page lives (the element POSTs `creq` there in an iframe). */
export const CHALLENGE_URL = '/sandbox/3ds';
const MAX_AMOUNT = 1e10;

/** The test code a cardholder name selects (exported so the demo can list them). */
export function outcomeFor(cardholderName: string): Outcome {
  const code = cardholderName.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
  return OUTCOMES[code] ?? ['approved', 'accredited'];
}

export const TEST_CARDHOLDER_NAMES: readonly string[] = Object.keys(OUTCOMES);

/** A CReq-like blob (base64 JSON as in EMV 3DS); `acsTransID` is the payment id so the 3DS page can find it. */
function challengeRequest(paymentId: number): string {
  return btoa(
    JSON.stringify({
      messageType: 'CReq',
      messageVersion: '2.1.0',
      challengeWindowSize: '04',
      threeDSServerTransID: randomUuid(),
      acsTransID: String(paymentId),
    }),
  );
}

/** The payment id inside a sandbox `creq`, or null (for the 3DS page; never throws). */
export function paymentIdFromChallengeRequest(creq: unknown): string | null {
  if (typeof creq !== 'string' || creq.length > 4096) return null;
  try {
    const data: unknown = JSON.parse(atob(creq));
    const id = (data as { acsTransID?: unknown } | null)?.acsTransID;
    return typeof id === 'string' && /^\d+$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

function randomUuid(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function badRequest(code: number | string, description: string): EndpointResponse {
  return {
    status: 400,
    body: { message: description, error: 'bad_request', status: 400, cause: [{ code, description }] },
  };
}

const notFound = (): EndpointResponse => ({ status: 404, body: { message: 'not found', error: 'not_found', status: 404 } });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Header lookup that ignores case, like HTTP; hostile header objects just yield undefined. */
function header(headers: unknown, name: string): string | undefined {
  if (!isRecord(headers)) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted && typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

const optionalString = (v: unknown, max = 256): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.slice(0, max) : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

interface Stored {
  payment: SandboxPayment;
  statusCalls: number;
}

export function createSandboxMerchant(): SandboxMerchant {
  const payments = new Map<string, Stored>();
  /** Idempotency key → the response first given for it. */
  const replies = new Map<string, EndpointResponse>();
  /** Card tokens are single-use: token → the idempotency key (or '') of the payment that used it. */
  const usedTokens = new Map<string, string>();
  const seed = new Uint32Array(1);
  crypto.getRandomValues(seed);
  let nextId = 1_300_000_000 + (seed[0] % 100_000_000);

  // Replies are handed out as copies so a caller mutating one cannot change what a replay returns.
  const copy = (r: EndpointResponse): EndpointResponse => ({ status: r.status, body: structuredClone(r.body) });

  function validate(body: unknown): EndpointResponse | { token: string; name: string; body: Record<string, unknown> } {
    if (!isRecord(body)) return badRequest(1, 'Params Error: the body must be a JSON object');
    const tokenData = decodeSandboxToken(body['token']);
    if (!tokenData) return badRequest(2006, 'Card Token not found');
    const amount = body['transaction_amount'];
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0 || amount > MAX_AMOUNT) {
      return badRequest(4037, 'Invalid transaction_amount');
    }
    const methodId = body['payment_method_id'];
    if (typeof methodId !== 'string' || !/^[a-z_]{2,30}$/.test(methodId)) return badRequest(3014, 'Invalid parameter payment_method_id');
    const installments = body['installments'];
    if (typeof installments !== 'number' || !Number.isInteger(installments) || installments < 1 || installments > 72) {
      return badRequest(4033, 'Invalid installments');
    }
    const payer = body['payer'];
    const email = isRecord(payer) ? payer['email'] : undefined;
    if (typeof email !== 'string' || email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      return badRequest(4050, 'payer.email must be a valid email');
    }
    return { token: body['token'] as string, name: tokenData.cardholderName, body };
  }

  function create(name: string, body: Record<string, unknown>): EndpointResponse {
    const [status, detail] = outcomeFor(name);
    const id = nextId++;
    const now = new Date().toISOString();
    const payment: SandboxPayment = {
      id,
      status,
      status_detail: detail,
      transaction_amount: body['transaction_amount'] as number,
      installments: body['installments'] as number,
      payment_method_id: body['payment_method_id'] as string,
      issuer_id: optionalString(body['issuer_id'], 32),
      statement_descriptor: optionalString(body['statement_descriptor'], 22) ?? 'MERCADOPAGO',
      date_created: now,
      date_approved: status === 'approved' ? now : null,
      external_reference: optionalString(body['external_reference']),
    };
    if (detail === 'pending_challenge') {
      payment.three_ds_info = { external_resource_url: CHALLENGE_URL, creq: challengeRequest(id) };
    }
    payments.set(String(id), { payment, statusCalls: 0 });
    return { status: 201, body: payment };
  }

  return {
    pay(body, headers) {
      try {
        const key = header(headers, 'x-idempotency-key');
        const stored = key ? replies.get(key) : undefined;
        // Same key → same answer, whatever the body: a retried request must never charge twice.
        if (stored) return copy(stored);
        const checked = validate(body);
        let reply: EndpointResponse;
        if ('status' in checked) reply = checked;
        else if (usedTokens.has(checked.token)) reply = badRequest(2006, 'Card Token not found: a card token can be used only once');
        else {
          usedTokens.set(checked.token, key ?? '');
          reply = create(checked.name, checked.body);
        }
        // A snapshot: a replay answers what the first request got, even after status() moved the payment on.
        if (key) replies.set(key, copy(reply));
        return copy(reply);
      } catch {
        // Only exotic inputs (getters that throw, revoked proxies) get here; answer like a server would.
        return badRequest(1, 'Params Error');
      }
    },

    status(id) {
      const stored = typeof id === 'string' || typeof id === 'number' ? payments.get(String(id)) : undefined;
      if (!stored) return notFound();
      const p = stored.payment;
      if (p.status === 'in_process') {
        stored.statusCalls += 1;
        if (stored.statusCalls >= STATUS_CALLS_TO_SETTLE) {
          Object.assign(p, { status: 'approved', status_detail: 'accredited', date_approved: new Date().toISOString() });
        }
      }
      return { status: 200, body: structuredClone(p) };
    },

    completeChallenge(idOrCreq) {
      // The 3DS page may hold only the `creq` it was posted, so accept that as well as the payment id.
      const id = typeof idOrCreq === 'string' || typeof idOrCreq === 'number' ? String(idOrCreq) : '';
      const stored = payments.get(id) ?? payments.get(paymentIdFromChallengeRequest(id) ?? '');
      if (!stored) return notFound();
      const p = stored.payment;
      if (p.status_detail === 'pending_challenge') {
        Object.assign(p, { status: 'approved', status_detail: 'accredited', date_approved: new Date().toISOString() });
        delete p.three_ds_info;
      }
      return { status: 200, body: structuredClone(p) };
    },
  };
}
