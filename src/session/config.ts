/**
 * Reads the element's configuration (attributes) and says what is wrong with it, as codes the
 * element localizes. It runs on every update and again when the buyer pays, so an attribute fixed
 * at any time brings the form up and one broken at any time stops payment. The production guard
 * refuses on any problem; test mode refuses on those that make the checkout unworkable or could
 * charge something other than what is shown, and only warns about the rest.
 */
import { amountHasValidDecimals, isSiteId, SITES, type SiteId } from '../mercadopago/sites.js';
import { ELEMENT_HEADERS, reservedHeaderNames } from '../merchant/payment-client.js';
import { itemsWithinLimits, payerWithinLimits } from '../merchant/payload.js';
import { isValidIdempotencyKey } from '../merchant/idempotency.js';

export type KeyMode = 'production' | 'test';

export interface ConfigProblem {
  code:
    | 'missing_public_key'
    | 'invalid_public_key'
    | 'missing_amount'
    | 'invalid_amount'
    | 'amount_decimals'
    | 'missing_action'
    | 'invalid_action'
    | 'invalid_site'
    | 'invalid_items'
    | 'invalid_payer'
    | 'reserved_header'
    | 'invalid_success_url'
    | 'invalid_status_action'
    | 'invalid_request_timeout'
    | 'invalid_sdk_timeout'
    | 'invalid_idempotency_key'
    | 'insecure_context'
    | 'sdk_not_official'
    | 'named_control'
    | 'nested_shadow_root';
  /**
   * A message more precise than the code's own (`error.<message>`); the code, which is what
   * `mp-error` reports and the README documents, stays the same.
   */
  message?: 'invalid_public_key_whitespace' | 'invalid_public_key_placeholder' | 'invalid_public_key_characters';
  vars?: Record<string, string>;
}

/**
 * Problems that stop the form in any mode (in production every problem does): it could not work,
 * or it would show one amount and charge another (rounding), or post somewhere it must not.
 */
export const UNWORKABLE_PROBLEMS: ReadonlySet<ConfigProblem['code']> = new Set<ConfigProblem['code']>([
  'missing_public_key',
  'invalid_public_key',
  'missing_amount',
  'invalid_amount',
  'amount_decimals',
  'missing_action',
  'invalid_action',
  'invalid_status_action',
  'invalid_request_timeout',
  'invalid_sdk_timeout',
  'invalid_idempotency_key',
  'nested_shadow_root',
]);

/** `APP_USR-` keys take real money, `TEST-` keys use test credentials; anything else is neither. */
export function keyMode(publicKey: string | undefined): KeyMode | undefined {
  if (!publicKey) return undefined;
  if (/^APP_USR-[\w-]+$/.test(publicKey)) return 'production';
  if (/^TEST-[\w-]+$/.test(publicKey)) return 'test';
  return undefined;
}

/**
 * What is wrong with a key that is neither a test nor a production key, said precisely: a key
 * pasted with spaces around it, the README's `TEST-…` placeholder left in, stray characters, or
 * the wrong prefix (an access token, another provider's key).
 */
function publicKeyProblem(publicKey: string): ConfigProblem {
  const trimmed = publicKey.trim();
  if (/^(TEST|APP_USR)-(…|\.\.\.)$/.test(trimmed)) return { code: 'invalid_public_key', message: 'invalid_public_key_placeholder', vars: { key: trimmed } };
  if (trimmed !== publicKey && keyMode(trimmed)) return { code: 'invalid_public_key', message: 'invalid_public_key_whitespace' };
  if (/^(TEST|APP_USR)-/.test(trimmed)) return { code: 'invalid_public_key', message: 'invalid_public_key_characters' };
  return { code: 'invalid_public_key' };
}

/** An http(s) URL (absolute or relative to the page); never `javascript:`, `data:` or the like. */
export function isHttpUrl(value: string | undefined, base: string): boolean {
  if (!value?.trim()) return false;
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The element's attributes that make its configuration (PRODUCT.md §6), read as they are now. */
export interface CheckoutAttributes {
  publicKey: string;
  amount?: number;
  action: string;
  statusAction: string;
  requestTimeout: number;
  sdkTimeout: number;
  site: string;
  successUrl: string;
  /** `null` when the `items` attribute is not a JSON array. */
  items?: unknown[] | null;
  /** The `payer` property, whatever the page put there. */
  payer?: unknown;
  /** The merchant's extra request headers (the `headers` property). */
  headers?: Record<string, string>;
  /** The merchant's own key for this order's attempt; empty: the element makes one. */
  idempotencyKey?: string;
}

export interface ConfigContext {
  /** The site in force (the account's, else the attribute, else the locale's region): its currency sets the decimals. */
  resolvedSite: SiteId;
  /** Relative URLs resolve against it. */
  baseUrl: string;
}

/** Every configuration problem, in the order a merchant should fix them. */
export function configProblems(input: CheckoutAttributes, { resolvedSite: site, baseUrl }: ConfigContext): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (!input.publicKey) problems.push({ code: 'missing_public_key' });
  else if (!keyMode(input.publicKey)) problems.push(publicKeyProblem(input.publicKey));
  if (input.site && !isSiteId(input.site)) problems.push({ code: 'invalid_site' });
  if (input.amount === undefined || input.amount === null) problems.push({ code: 'missing_amount' });
  else if (!Number.isFinite(input.amount) || input.amount <= 0) problems.push({ code: 'invalid_amount' });
  else if (!amountHasValidDecimals(input.amount, site)) {
    problems.push({ code: 'amount_decimals', vars: { currency: SITES[site].currency, decimals: String(SITES[site].decimals) } });
  }
  if (!input.action) problems.push({ code: 'missing_action' });
  else if (!isHttpUrl(input.action, baseUrl)) problems.push({ code: 'invalid_action' });
  if (input.statusAction && !isHttpUrl(input.statusAction, baseUrl)) problems.push({ code: 'invalid_status_action' });
  if (!isTimerDelay(input.requestTimeout)) problems.push({ code: 'invalid_request_timeout' });
  if (!isTimerDelay(input.sdkTimeout)) problems.push({ code: 'invalid_sdk_timeout' });
  if (input.idempotencyKey && !isValidIdempotencyKey(input.idempotencyKey)) problems.push({ code: 'invalid_idempotency_key' });
  // Not an array, or past the bounds (payload.ts): it is left out of the payment, never posted.
  if (input.items === null || (input.items !== undefined && !(Array.isArray(input.items) && itemsWithinLimits(input.items)))) {
    problems.push({ code: 'invalid_items' });
  }
  if (input.payer !== undefined && input.payer !== null && !payerWithinLimits(input.payer)) problems.push({ code: 'invalid_payer' });
  const overridden = headersTheElementSends(input.headers);
  if (overridden.length) problems.push({ code: 'reserved_header', vars: { headers: overridden.join(', ') } });
  if (input.successUrl && !isHttpUrl(input.successUrl, baseUrl)) problems.push({ code: 'invalid_success_url' });
  return problems;
}

/**
 * The merchant's headers the element sends itself, which are left out of every request. One that
 * only repeats the element's own value (`Accept: application/json`) changes nothing and is not a
 * problem; any other would be ignored where the merchant expects it to count (their own
 * idempotency key belongs in the `idempotency-key` attribute).
 */
function headersTheElementSends(headers: Record<string, string> | undefined): string[] {
  return reservedHeaderNames(headers).filter((name) => {
    const value: unknown = headers?.[name];
    const own = ELEMENT_HEADERS[name.trim().toLowerCase()];
    return own === undefined || typeof value !== 'string' || value.trim().toLowerCase() !== own;
  });
}

/** The longest delay a timer takes: browsers fire a longer one at once (HTML's timer steps clamp to 32 bits). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Timeouts are whole milliseconds a timer can wait: `abc` or `0` would make every payment "time out"
 * while it is charged, and so would a "never" such as 9999999999, which browsers fire at once.
 */
function isTimerDelay(value: number | undefined): boolean {
  return value === undefined || (Number.isSafeInteger(value) && value > 0 && value <= MAX_TIMER_MS);
}

/** What the page itself breaks (production only): checked beside the attributes. */
export interface PageFacts {
  secureContext: boolean;
  /** MercadoPago.js came from the official CDN script (undefined: not loaded yet). */
  officialSdk: boolean | undefined;
  /** The element sits inside another shadow root, where the SDK cannot find the mount containers. */
  nestedInShadowRoot: boolean;
  /** Controls with a `name` inside or slotted into the element (R2: a form could post them). */
  namedControls: string[];
}

/** The problems that refuse the form now: every one in production, the unworkable ones in test mode. */
export function refusingProblems(problems: readonly ConfigProblem[], mode: KeyMode | undefined, page: PageFacts): ConfigProblem[] {
  const refusing: ConfigProblem[] = [];
  if (page.nestedInShadowRoot) refusing.push({ code: 'nested_shadow_root' });
  if (mode === 'production' && !page.secureContext) refusing.push({ code: 'insecure_context' });
  if (mode === 'production' && page.officialSdk === false) refusing.push({ code: 'sdk_not_official' });
  if (mode === 'production' && page.namedControls.length) refusing.push({ code: 'named_control', vars: { names: page.namedControls.join(', ') } });
  return [...refusing, ...(mode === 'production' ? problems : problems.filter((p) => UNWORKABLE_PROBLEMS.has(p.code)))];
}
