import { expect } from '@open-wc/testing';
import { formatNumber } from '../../src/internal/number-format.js';
import { formatMoney, formatPercent, SITES } from '../../src/mercadopago/sites.js';

// The element's languages (locales/) and its sites' currencies: every pair it can show.
const LANGUAGES = ['en', 'es', 'pt-BR', 'es-AR', 'es-CL', 'es-CO', 'es-MX', 'es-PE', 'es-UY'];
const CURRENCIES = Object.values(SITES).map(({ currency, decimals }) => ({ currency, decimals }));

// Ties at the rounding digit (1.005, 2.675 are just below them in binary), no grouping and grouping,
// Spanish's 4-digit exception (1500 and 15000), and fractions below one.
const AMOUNTS = [0, 0.004, 0.005, 0.5, 1, 1.005, 2.675, 9.995, 99.9, 999.99, 999.995, 1000, 1500, 1500.5, 9999.5, 15000, 123456.78, 1234567.891, 98765432.1];

function intlMoney(value: number, language: string, currency: string, decimals: number): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** Amounts with up to four decimals, spread over seven orders of magnitude; the same each run. */
function seededAmounts(count: number): number[] {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => Math.round(next() * 10 ** Math.floor(next() * 7) * 10 ** 4) / 10 ** 4);
}

describe('number format (without Intl.NumberFormat on the way to ready)', () => {
  it("writes every language's amounts in every currency as this engine's Intl does", () => {
    const differences: string[] = [];
    for (const language of LANGUAGES) {
      for (const { currency, decimals } of CURRENCIES) {
        for (const value of [...AMOUNTS, ...seededAmounts(40)]) {
          const ours = formatNumber(value, language, decimals, currency);
          const intl = intlMoney(value, language, currency, decimals);
          if (ours !== intl) differences.push(`${language} ${currency} ${value}: ${JSON.stringify(ours)} ≠ Intl ${JSON.stringify(intl)}`);
        }
      }
    }
    expect(differences).to.deep.equal([]);
  });

  it('writes rates as Intl does, with two decimals', () => {
    const differences: string[] = [];
    for (const language of LANGUAGES) {
      for (const value of [0, 0.5, 45.5, 99.999, 123.456, 1234.5, 12345.678]) {
        const intl = `${new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)}%`;
        if (formatPercent(value, language) !== intl) differences.push(`${language} ${value}: ${formatPercent(value, language)} ≠ Intl ${intl}`);
      }
    }
    expect(differences).to.deep.equal([]);
  });

  it('leaves to Intl what it does not know: another language, negatives, huge and odd numbers', () => {
    for (const [value, language] of [
      [15000, 'fr'],
      [15000, 'en-US'],
      [15000, '__proto__'],
      [-5, 'en'],
      [-0, 'en'],
      [Number.NaN, 'en'],
      [Infinity, 'en'],
      [1e-7, 'en'],
      [1e21, 'en'],
      [2 ** 53, 'en'],
    ] as const) {
      expect(formatNumber(value, language, 2, 'ARS'), `${value} ${language}`).to.equal(undefined);
    }
    // …and formatMoney still answers, through Intl.
    expect(formatMoney(-5, 'MLA', 'en')).to.equal(intlMoney(-5, 'en', 'ARS', 2));
    expect(formatMoney(15000, 'MLA', 'fr')).to.equal(intlMoney(15000, 'fr', 'ARS', 2));
    expect(formatPercent(-1.5, 'es')).to.equal(`${new Intl.NumberFormat('es', { minimumFractionDigits: 2 }).format(-1.5)}%`);
  });
});
