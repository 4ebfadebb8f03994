/**
 * Which localized message (i18next key) answers a payment result, a card-token error or a Payments
 * API error cause. The element passes the returned key arrays to `t(keys, vars)`, and i18next shows
 * the first key that exists, so every list ends in a key that always exists.
 * Inputs come from the merchant's server or the SDK: nothing here throws.
 */

export type FieldName =
  'cardNumber' | 'expirationDate' | 'securityCode' | 'cardholderName' | 'identificationType' | 'identificationNumber' | 'email' | 'issuer' | 'installments';

/** A message to show, kept as keys so it re-renders in the new language after a switch. */
export interface Message {
  keys: string | string[];
  vars?: Record<string, unknown>;
  tone: 'info' | 'success' | 'error';
  /** Messages joined into the `detail` variable (every configuration problem in one sentence). */
  parts?: Message[];
  /** Already on screen elsewhere (a field's error): the live region says it without showing it twice. */
  announceOnly?: boolean;
}

/** The error under each field that has one, in form order (the first one gets the focus). */
export type FieldErrors = Partial<Record<FieldName, Message>>;

/** Field errors and technical errors alike are shown in the error tone. */
export function errorMessage(keys: string | string[], vars?: Record<string, unknown>): Message {
  return { keys, vars, tone: 'error' };
}

export type ResultKind = 'approved' | 'pending' | 'rejected' | 'unknown';

export interface TokenError {
  code: string;
  field?: FieldName;
  key: string;
}

export interface ApiCause {
  code: string;
  key: string;
  field?: FieldName;
}

export interface ResultMessageOptions {
  /** The payment has a statement descriptor to quote ("your statement will show … as …"). */
  hasStatementDescriptor: boolean;
}

const GENERIC_RESULT_KEY = 'result._generic';
const TOKEN_DEFAULT_KEY = 'tokenError._default';
const API_DEFAULT_KEY = 'apiCause._default';

// Statuses with a `result.<status>` branch in the locales; anything else gets the generic text.
const KNOWN_STATUSES: ReadonlySet<string> = new Set([
  'approved',
  'authorized',
  'in_process',
  'pending',
  'rejected',
  'cancelled',
  'refunded',
  'charged_back',
  'in_mediation',
]);

/**
 * A status Mercado Pago gives payments. Anything else in a 2xx answer (`success`, `ok`) says
 * nothing definite about the payment: the attempt stays unresolved.
 */
export function isKnownStatus(status: string): boolean {
  const s = keySegment(status);
  return s !== undefined && KNOWN_STATUSES.has(s);
}

const RESULT_KINDS: ReadonlyMap<string, ResultKind> = new Map<string, ResultKind>([
  ['approved', 'approved'],
  ['authorized', 'approved'],
  ['in_process', 'pending'],
  ['pending', 'pending'],
  ['rejected', 'rejected'],
]);

const DETAIL_FIELDS: ReadonlyMap<string, FieldName> = new Map<string, FieldName>([
  ['cc_rejected_bad_filled_card_number', 'cardNumber'],
  ['cc_rejected_bad_filled_date', 'expirationDate'],
  ['cc_rejected_bad_filled_security_code', 'securityCode'],
]);

// The buyer fixes what they typed (or is not rejected at all) rather than reaching for another card.
const NOT_ANOTHER_CARD: ReadonlySet<string> = new Set([
  'cc_rejected_bad_filled_card_number',
  'cc_rejected_bad_filled_date',
  'cc_rejected_bad_filled_security_code',
  'cc_rejected_bad_filled_other',
  'accredited',
  'pending_capture',
  'pending_contingency',
  'pending_review_manual',
  'pending_challenge',
  'pending_waiting_payment',
  'pending_waiting_transfer',
]);

// mercadopago.md §3.3: card-token data-entry codes and the field each one points at.
const TOKEN_CODE_FIELDS: ReadonlyMap<string, FieldName> = new Map<string, FieldName>([
  ['205', 'cardNumber'],
  ['E301', 'cardNumber'],
  ['208', 'expirationDate'],
  ['209', 'expirationDate'],
  ['325', 'expirationDate'],
  ['326', 'expirationDate'],
  ['224', 'securityCode'],
  ['E302', 'securityCode'],
  ['E203', 'securityCode'],
  ['221', 'cardholderName'],
  ['316', 'cardholderName'],
  ['212', 'identificationType'],
  ['322', 'identificationType'],
  ['213', 'identificationNumber'],
  ['214', 'identificationNumber'],
  ['323', 'identificationNumber'],
  ['324', 'identificationNumber'],
  ['220', 'issuer'],
]);

// mercadopago.md §3.2: Payments API causes with their own message.
const API_CAUSE_CODES: ReadonlySet<string> = new Set(['106', '109', '126', '129', '145', '150', '151', '160', '204', '801']);
const API_CAUSE_FIELDS: ReadonlyMap<string, FieldName> = new Map<string, FieldName>([['109', 'installments']]);

// Bounds on hostile input: deep or huge structures are cut short instead of walked.
const MAX_DEPTH = 6;
const MAX_ITEMS = 50;
const MAX_TEXT = 2_000;

function own(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/**
 * Reduces a status or status_detail to a safe i18next path segment, or undefined. Only
 * `[a-z][a-z0-9_]*` passes, so no dots (path injection), no leading `_` (`_default`, `__proto__`)
 * and no inherited names such as `constructor`, which i18next would otherwise "find".
 */
function keySegment(x: unknown): string | undefined {
  if (typeof x !== 'string' || x.length > 100) return undefined;
  const s = x.trim().toLowerCase();
  if (!/^[a-z][a-z0-9_]{0,63}$/.test(s) || s in Object.prototype) return undefined;
  return s;
}

/** Candidate i18next keys for a payment result, most specific first, ending in `result._generic`. */
export function resultMessageKeys(status: string, statusDetail: string | undefined, opts: ResultMessageOptions): string[] {
  const s = keySegment(status);
  if (s === undefined || !KNOWN_STATUSES.has(s)) return [GENERIC_RESULT_KEY];
  const d = keySegment(statusDetail);
  let hasDescriptor = false;
  try {
    hasDescriptor = opts?.hasStatementDescriptor === true;
  } catch {
    // a hostile options object just means "no descriptor"
  }
  const keys: string[] = [];
  if (s === 'approved' && d === 'accredited' && !hasDescriptor) {
    // The accredited text quotes the statement descriptor; without one it would print a blank.
    keys.push('result.approved.accreditedNoDescriptor');
  } else if (d !== undefined) {
    keys.push(`result.${s}.${d}`);
  }
  keys.push(`result.${s}._default`, GENERIC_RESULT_KEY);
  return keys;
}

/** Coarse outcome of a payment status: approved/authorized, in_process/pending, rejected, or unknown. */
export function resultKind(status: string): ResultKind {
  const s = keySegment(status);
  return (s !== undefined && RESULT_KINDS.get(s)) || 'unknown';
}

/** The field a `cc_rejected_bad_filled_*` detail points at, if any. */
export function fieldForStatusDetail(detail: string | undefined): FieldName | undefined {
  const d = keySegment(detail);
  return d === undefined ? undefined : DETAIL_FIELDS.get(d);
}

/** True when a rejection is best answered by "use another card" (not a data-entry mistake). */
export function isRetryableWithAnotherCard(detail: string | undefined): boolean {
  const d = keySegment(detail);
  return d === undefined || !NOT_ANOTHER_CARD.has(d);
}

/** Normalizes a structured error code (number or short token); undefined when it is not one. */
function normalizeCode(x: unknown): string | undefined {
  if (typeof x === 'number') return Number.isInteger(x) && x >= 0 && x < 1e9 ? String(x) : undefined;
  if (typeof x !== 'string') return undefined;
  const s = x.trim();
  if (/^e\d{3}$/i.test(s)) return s.toUpperCase();
  return /^[A-Za-z0-9_-]{1,40}$/.test(s) ? s : undefined;
}

// Free text ("Error E301: invalid card") only yields codes we know, so a stray "400" is not a code.
function knownCodesInText(text: string, known: (code: string) => boolean): string[] {
  const found: string[] = [];
  for (const m of text.slice(0, MAX_TEXT).matchAll(/(?:^|[^A-Za-z0-9])(E\d{3}|\d{3})(?![A-Za-z0-9])/gi)) {
    const code = (m[1] ?? '').toUpperCase();
    if (known(code)) found.push(code);
  }
  return found;
}

function messageOf(obj: object): unknown {
  const m = own(obj, 'message');
  if (m !== undefined) return m;
  // DOMException and some Error subclasses keep `message` on the prototype.
  return obj instanceof Error ? obj.message : undefined;
}

function collectTokenCodes(value: unknown, depth: number, seen: Set<object>, out: string[]): void {
  if (depth > MAX_DEPTH) return;
  const isKnown = (code: string): boolean => TOKEN_CODE_FIELDS.has(code);
  if (typeof value === 'string') {
    const s = value.trim();
    // A bare code ("E301", "205") is taken as is; longer text only for codes we recognise.
    if (/^(?:e\d{3}|\d{3,4})$/i.test(s)) out.push(s.toUpperCase());
    else out.push(...knownCodesInText(s, isKnown));
    return;
  }
  if (typeof value === 'number') {
    const code = normalizeCode(value);
    if (code !== undefined) out.push(code);
    return;
  }
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value.slice(0, MAX_ITEMS)) collectTokenCodes(item, depth + 1, seen, out);
    return;
  }
  const before = out.length;
  const code = normalizeCode(own(value, 'code'));
  if (code !== undefined) out.push(code);
  for (const key of ['cause', 'causes', 'errors', 'error']) {
    const nested = own(value, key);
    // `error` is often a plain label ("bad_request"); only structured values are walked.
    if (key === 'error' && typeof nested === 'string') continue;
    if (nested !== undefined) collectTokenCodes(nested, depth + 1, seen, out);
  }
  if (out.length === before) {
    for (const text of [messageOf(value), own(value, 'description')]) {
      if (typeof text === 'string') out.push(...knownCodesInText(text, isKnown));
    }
  }
}

/** Maps whatever `createCardToken` rejected with to deduplicated token errors (at least one). */
export function tokenErrors(rejection: unknown): TokenError[] {
  const codes: string[] = [];
  try {
    collectTokenCodes(rejection, 0, new Set(), codes);
  } catch {
    // keep whatever was read before the input misbehaved
  }
  const errors: TokenError[] = [];
  const done = new Set<string>();
  for (const code of codes) {
    if (done.has(code)) continue;
    done.add(code);
    const field = TOKEN_CODE_FIELDS.get(code);
    errors.push(field ? { code, field, key: `tokenError.${code}` } : { code, key: TOKEN_DEFAULT_KEY });
  }
  return errors.length > 0 ? errors : [{ code: 'unknown', key: TOKEN_DEFAULT_KEY }];
}

function apiCauseFor(code: string): ApiCause {
  if (API_CAUSE_CODES.has(code)) {
    const field = API_CAUSE_FIELDS.get(code);
    return field ? { code, key: `apiCause.${code}`, field } : { code, key: `apiCause.${code}` };
  }
  // Backends that forward Mercado Pago's answer verbatim can carry §3.3 data-entry codes too.
  const tokenField = TOKEN_CODE_FIELDS.get(code);
  if (tokenField) return { code, key: `tokenError.${code}`, field: tokenField };
  return { code, key: API_DEFAULT_KEY };
}

// Empty without a cause list; a non-empty list with nothing readable still gives one _default, so
// the caller can tell "Mercado Pago refused this request" from "the server failed".
/** Maps a 4xx body's Mercado Pago `cause` list to message keys (and fields where one applies). */
export function apiCauses(body: unknown): ApiCause[] {
  const causes: ApiCause[] = [];
  try {
    const cause = own(body, 'cause');
    const list: unknown[] = Array.isArray(cause) ? cause : cause !== undefined && cause !== null ? [cause] : [];
    if (list.length === 0) return causes;
    const done = new Set<string>();
    for (const item of list.slice(0, MAX_ITEMS)) {
      const code = typeof item === 'object' && item !== null ? normalizeCode(own(item, 'code')) : normalizeCode(item);
      if (code === undefined || done.has(code)) continue;
      done.add(code);
      causes.push(apiCauseFor(code));
    }
    if (causes.length === 0) causes.push({ code: 'unknown', key: API_DEFAULT_KEY });
  } catch {
    // keep whatever was read before the input misbehaved
  }
  return causes;
}
