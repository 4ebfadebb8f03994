/**
 * Reads the element's configuration (attributes) and says what is wrong with it, as codes the
 * element localizes. The production guard refuses to mount on any problem; test mode only warns.
 */
import { amountHasValidDecimals, isSiteId, SITES, type SiteId } from '../mercadopago/sites.js';

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
    | 'invalid_success_url';
  vars?: Record<string, string>;
}

/** Problems that leave the form unusable in any mode (in production every problem blocks). */
export const UNWORKABLE_PROBLEMS: ReadonlySet<ConfigProblem['code']> = new Set<ConfigProblem['code']>([
  'missing_public_key',
  'invalid_public_key',
  'missing_amount',
  'invalid_amount',
  'missing_action',
  'invalid_action',
]);

/** `APP_USR-` keys take real money, `TEST-` keys use test credentials; anything else is neither. */
export function keyMode(publicKey: string | undefined): KeyMode | undefined {
  if (!publicKey) return undefined;
  if (/^APP_USR-[\w-]+$/.test(publicKey)) return 'production';
  if (/^TEST-[\w-]+$/.test(publicKey)) return 'test';
  return undefined;
}

/** An http(s) URL (absolute or relative to the page); never `javascript:`, `data:` or the like. */
export function isHttpUrl(value: string | undefined, base: string): boolean {
  if (!value || !value.trim()) return false;
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export interface ConfigInput {
  publicKey?: string;
  amount?: number;
  action?: string;
  site?: string;
  /** The site in force (the account's, else the attribute, else the locale's region): its currency sets the decimals. */
  resolvedSite?: SiteId;
  successUrl?: string;
  itemsInvalid?: boolean;
  baseUrl: string;
}

/** Every configuration problem, in the order a merchant should fix them. */
export function configProblems(input: ConfigInput): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (!input.publicKey) problems.push({ code: 'missing_public_key' });
  else if (!keyMode(input.publicKey)) problems.push({ code: 'invalid_public_key' });
  const siteValid = !input.site || isSiteId(input.site);
  if (!siteValid) problems.push({ code: 'invalid_site' });
  if (input.amount === undefined || input.amount === null) problems.push({ code: 'missing_amount' });
  else if (!Number.isFinite(input.amount) || input.amount <= 0) problems.push({ code: 'invalid_amount' });
  else {
    const site = input.resolvedSite ?? (isSiteId(input.site) ? input.site : undefined);
    if (site && !amountHasValidDecimals(input.amount, site)) problems.push({ code: 'amount_decimals', vars: { currency: SITES[site].currency } });
  }
  if (!input.action) problems.push({ code: 'missing_action' });
  else if (!isHttpUrl(input.action, input.baseUrl)) problems.push({ code: 'invalid_action' });
  if (input.itemsInvalid) problems.push({ code: 'invalid_items' });
  if (input.successUrl && !isHttpUrl(input.successUrl, input.baseUrl)) problems.push({ code: 'invalid_success_url' });
  return problems;
}
