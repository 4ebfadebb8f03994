/**
 * Mercado Pago sites (countries): currency, locales and the public pages the element links to.
 * Data from shared/spec/mercadopago.md §5.
 */
import type { SdkLocale } from './sdk-types.js';
import { resourceChain } from '../internal/i18n.js';
import { formatNumber } from '../internal/number-format.js';

export type SiteId = 'MLA' | 'MLB' | 'MLM' | 'MLC' | 'MCO' | 'MPE' | 'MLU';

export interface Site {
  id: SiteId;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  /** ISO 4217 currency code. */
  currency: string;
  /** Fraction digits the Payments API accepts for the currency (CLP and COP take integers only). */
  decimals: 0 | 2;
  /** Locale passed to `new MercadoPago(key, {locale})`. */
  sdkLocale: SdkLocale;
  /** Base language of the UI resources for this site. */
  language: 'es' | 'pt-BR';
  /** BCP-47 locale used to format money when the UI locale cannot. */
  locale: string;
  promotionsUrl: string;
  financingCostsUrl: string;
  /** Issuers there may add their own interest on top ("your bank may charge interest"). */
  thirdPartyInterestNote: boolean;
}

const SITE_DATA: Record<SiteId, Site> = {
  MLA: {
    id: 'MLA',
    country: 'AR',
    currency: 'ARS',
    decimals: 2,
    sdkLocale: 'es-AR',
    language: 'es',
    locale: 'es-AR',
    promotionsUrl: 'https://www.mercadopago.com.ar/promociones',
    financingCostsUrl: 'https://www.mercadopago.com.ar/ayuda/costos-financiacion_621',
    thirdPartyInterestNote: false,
  },
  MLB: {
    id: 'MLB',
    country: 'BR',
    currency: 'BRL',
    decimals: 2,
    sdkLocale: 'pt-BR',
    language: 'pt-BR',
    locale: 'pt-BR',
    promotionsUrl: 'https://www.mercadopago.com.br/promocoes',
    financingCostsUrl: 'https://www.mercadopago.com.br/ajuda/Custos-de-parcelamento_322',
    thirdPartyInterestNote: false,
  },
  // The URLs of the sites below are unverified (no source names the pages): the country home plus
  // the path the verified sites use, or the help centre root for financing costs, so a link never
  // points at a guessed article id.
  MLM: {
    id: 'MLM',
    country: 'MX',
    currency: 'MXN',
    decimals: 2,
    sdkLocale: 'es-MX',
    language: 'es',
    locale: 'es-MX',
    promotionsUrl: 'https://www.mercadopago.com.mx/promociones',
    financingCostsUrl: 'https://www.mercadopago.com.mx/ayuda',
    thirdPartyInterestNote: false,
  },
  MLC: {
    id: 'MLC',
    country: 'CL',
    currency: 'CLP',
    decimals: 0,
    sdkLocale: 'es-CL',
    language: 'es',
    locale: 'es-CL',
    promotionsUrl: 'https://www.mercadopago.cl/promociones',
    financingCostsUrl: 'https://www.mercadopago.cl/ayuda',
    thirdPartyInterestNote: true,
  },
  MCO: {
    id: 'MCO',
    country: 'CO',
    currency: 'COP',
    decimals: 0,
    sdkLocale: 'es-CO',
    language: 'es',
    locale: 'es-CO',
    promotionsUrl: 'https://www.mercadopago.com.co/promociones',
    financingCostsUrl: 'https://www.mercadopago.com.co/ayuda',
    thirdPartyInterestNote: true,
  },
  MPE: {
    id: 'MPE',
    country: 'PE',
    currency: 'PEN',
    decimals: 2,
    sdkLocale: 'es-PE',
    language: 'es',
    locale: 'es-PE',
    promotionsUrl: 'https://www.mercadopago.com.pe/promociones',
    financingCostsUrl: 'https://www.mercadopago.com.pe/ayuda',
    thirdPartyInterestNote: true,
  },
  MLU: {
    id: 'MLU',
    country: 'UY',
    currency: 'UYU',
    decimals: 2,
    sdkLocale: 'es-UY',
    language: 'es',
    locale: 'es-UY',
    promotionsUrl: 'https://www.mercadopago.com.uy/promociones',
    financingCostsUrl: 'https://www.mercadopago.com.uy/ayuda',
    thirdPartyInterestNote: false,
  },
};
// Frozen: the table is shared by every instance on the page, so one must not alter another's.
for (const site of Object.values(SITE_DATA)) Object.freeze(site);

/** Every supported site, keyed by Mercado Pago site id. */
export const SITES: Readonly<Record<SiteId, Readonly<Site>>> = Object.freeze(SITE_DATA);

// Own-key check, so 'toString' or '__proto__' never pass for a site id.
const SITE_IDS: ReadonlySet<string> = new Set(Object.keys(SITES));

const REGION_TO_SITE: ReadonlyMap<string, SiteId> = new Map<string, SiteId>([
  ['AR', 'MLA'],
  ['BR', 'MLB'],
  ['MX', 'MLM'],
  ['CL', 'MLC'],
  ['CO', 'MCO'],
  ['PE', 'MPE'],
  ['UY', 'MLU'],
]);

/** True when `x` is one of the supported site ids (exact, upper-case). */
export function isSiteId(x: unknown): x is SiteId {
  return typeof x === 'string' && SITE_IDS.has(x);
}

/** The site implied by a BCP-47 tag's region (`es-AR` → MLA, bare `pt` → MLB), else undefined. */
export function siteFromLocale(locale: string | undefined): SiteId | undefined {
  if (typeof locale !== 'string' || locale.length > 100) return undefined;
  // Accept `es_AR` too: attributes are typed by people, and POSIX-style tags are common.
  const subtags = locale.trim().split(/[-_]/);
  const language = (subtags[0] ?? '').toLowerCase();
  if (!/^[a-z]{2,3}$/.test(language)) return undefined;
  // The region is the first 2-letter subtag after the language (a 4-letter script may come first).
  for (const subtag of subtags.slice(1)) {
    if (/^[A-Za-z]{2}$/.test(subtag)) return REGION_TO_SITE.get(subtag.toUpperCase());
    if (!/^[A-Za-z]{4}$/.test(subtag)) break;
  }
  // Portuguese without a region is overwhelmingly Brazil in Mercado Pago's markets.
  return subtags.length === 1 && language === 'pt' ? 'MLB' : undefined;
}

function siteOrDefault(site: unknown): Site {
  // A hostile or stale value must still format something sensible rather than throw.
  return isSiteId(site) ? SITES[site] : SITES.MLA;
}

/** Built once per language and site, for what formatNumber leaves to Intl (see number-format.ts). */
const currencyFormats = new Map<string, Intl.NumberFormat>();

function currencyFormat(locale: string | undefined, site: Site): Intl.NumberFormat {
  const key = `${locale}|${site.currency}|${site.decimals}`;
  let format = currencyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: site.currency,
      minimumFractionDigits: site.decimals,
      maximumFractionDigits: site.decimals,
    });
    currencyFormats.set(key, format);
  }
  return format;
}

export function formatMoney(amount: number, site: SiteId, uiLocale: string): string {
  const s = siteOrDefault(site);
  const value = typeof amount === 'number' ? amount : Number.NaN;
  // uiLocale comes from an attribute: an invalid tag makes Intl throw a RangeError.
  for (const locale of [uiLocale, s.locale]) {
    const known = typeof locale === 'string' ? formatNumber(value, locale, s.decimals, s.currency) : undefined;
    if (known !== undefined) return known;
    try {
      return currencyFormat(typeof locale === 'string' ? locale : s.locale, s).format(value);
    } catch {
      // try the next locale
    }
  }
  return `${s.currency} ${String(value)}`;
}

/** A rate (TEA, CFT, TNA) as the UI language writes it, with two decimals: `45,50%`. */
export function formatPercent(value: number, language: string): string {
  const known = formatNumber(value, language, 2);
  return `${known ?? new Intl.NumberFormat(language || 'en', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)}%`;
}

/** True when `amount` has no more fraction digits than the site's currency allows. */
export function amountHasValidDecimals(amount: number, site: SiteId): boolean {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return false;
  const s = siteOrDefault(site);
  if (s.decimals === 0) return Number.isInteger(amount);
  // Round-tripping through toFixed avoids float noise such as 0.29 * 100 = 28.999999999999996.
  return Number(amount.toFixed(2)) === amount;
}

/** The site the page sets (the `site` attribute) or implies (the locale's region), else Argentina. */
export function pageSite(siteAttribute: string, localeTag: string): SiteId {
  return isSiteId(siteAttribute) ? siteAttribute : (siteFromLocale(localeTag) ?? 'MLA');
}

/** MercadoPago.js's own locale for the page's language: English as en-US, Spanish and Portuguese as the site's. */
export function sdkLocaleFor(localeTag: string, site: SiteId): SdkLocale {
  const { language } = resourceChain(localeTag);
  if (language === 'en') return 'en-US';
  if (language === 'es' || language === 'pt-BR') return SITES[site].sdkLocale;
  return language as SdkLocale;
}
