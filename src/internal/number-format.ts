/**
 * Amounts and rates in the UI language's format without building an `Intl.NumberFormat`: Chromium
 * spends 40–130 ms of main thread on the page's first one (ICU's number data), and the pay button
 * shows the amount before `mp-ready` (issue #12). The element speaks nine languages and charges in
 * seven currencies, so their CLDR formats are written out here; test/unit/number-format.test.ts
 * holds every combination equal to the engine's own `Intl.NumberFormat`, in each engine.
 * Anything else (another language or currency, a negative, huge or non-finite number) returns
 * undefined, and the caller asks Intl.
 */

const NBSP = '\u00a0';

interface NumberStyle {
  decimal: string;
  group: string;
  /** CLDR's minimumGroupingDigits: Spanish leaves 4-digit numbers ungrouped (1500,00). */
  minGrouping: 1 | 2;
  /** Where the currency goes: before the number, with a space, or after it, with a space. */
  currency: 'before' | 'before-spaced' | 'after-spaced';
  /** The language's own symbols for these currencies; the others show their ISO code. */
  symbols: Partial<Record<string, string>>;
}

const COMMA_POINT = { decimal: ',', group: '.', minGrouping: 1 } as const;
const POINT_COMMA = { decimal: '.', group: ',', minGrouping: 1 } as const;

const STYLES = new Map<string, NumberStyle>([
  ['en', { ...POINT_COMMA, currency: 'before', symbols: { BRL: 'R$', MXN: 'MX$' } }],
  ['es', { ...COMMA_POINT, minGrouping: 2, currency: 'after-spaced', symbols: {} }],
  ['pt-BR', { ...COMMA_POINT, currency: 'before-spaced', symbols: { BRL: 'R$', MXN: 'MX$' } }],
  ['es-AR', { ...COMMA_POINT, currency: 'before-spaced', symbols: { ARS: '$' } }],
  ['es-CL', { ...COMMA_POINT, currency: 'before', symbols: { CLP: '$' } }],
  ['es-CO', { ...COMMA_POINT, currency: 'before-spaced', symbols: { COP: '$' } }],
  ['es-MX', { ...POINT_COMMA, currency: 'before', symbols: { MXN: '$' } }],
  ['es-PE', { ...POINT_COMMA, currency: 'before-spaced', symbols: { PEN: 'S/' } }],
  ['es-UY', { ...COMMA_POINT, currency: 'before-spaced', symbols: { UYU: '$' } }],
]);

/** The sites' currencies (src/mercadopago/sites.ts), whose symbols the table knows. */
const CURRENCIES = new Set(['ARS', 'BRL', 'MXN', 'CLP', 'COP', 'PEN', 'UYU']);

/** `value` with exactly `decimals` fraction digits in `language`, and its currency if given. */
export function formatNumber(value: number, language: string, decimals: number, currency?: string): string | undefined {
  const style = STYLES.get(language);
  const shortest = String(value);
  if (!style || !(value >= 0) || Object.is(value, -0) || shortest.includes('e') || (currency !== undefined && !CURRENCIES.has(currency))) return undefined;
  // Intl rounds the number's shortest decimal form half away from zero (1.005 → 1.01, where toFixed
  // gives 1.00; 2.6149999999999998 → 2.61), so the rounding is done on those digits, never in binary.
  const [whole, fraction = ''] = shortest.split('.');
  const roundUp = fraction.length > decimals && fraction[decimals] >= '5';
  const kept = Number(whole + fraction.slice(0, decimals).padEnd(decimals, '0')) + (roundUp ? 1 : 0);
  if (!Number.isSafeInteger(kept)) return undefined;
  const scaled = String(kept).padStart(decimals + 1, '0');
  const integer = scaled.slice(0, scaled.length - decimals);
  const grouped = integer.length < 3 + style.minGrouping ? integer : integer.replace(/\B(?=(\d{3})+$)/g, style.group);
  const number = decimals ? `${grouped}${style.decimal}${scaled.slice(-decimals)}` : grouped;
  if (currency === undefined) return number;
  const symbol = style.symbols[currency] ?? currency;
  if (style.currency === 'after-spaced') return `${number}${NBSP}${symbol}`;
  // CLDR's currency spacing: a symbol that ends in a letter (an ISO code) is kept apart from the digits.
  const spaced = style.currency === 'before-spaced' || /[A-Z]$/.test(symbol);
  return `${symbol}${spaced ? NBSP : ''}${number}`;
}
