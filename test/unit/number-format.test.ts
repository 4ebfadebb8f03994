import { expect } from '@open-wc/testing';
import { formatNumber } from '../../src/internal/number-format.js';
import { formatMoney, formatPercent, SITES } from '../../src/mercadopago/sites.js';

// The element's languages (locales/) and its sites' currencies: every pair it can show.
const LANGUAGES = ['en', 'es', 'pt-BR', 'es-AR', 'es-CL', 'es-CO', 'es-MX', 'es-PE', 'es-UY'];
const CURRENCIES = Object.values(SITES).map(({ currency, decimals }) => ({ currency, decimals }));

// Ties at the rounding digit (1.005, 2.675 are just below them in binary), numbers whose shortest
// form sits just under a tie (2.6149999999999998: scaled in binary it would land on 261.5), no
// grouping and grouping, Spanish's 4-digit exception (1500 and 15000), and fractions below one.
const AMOUNTS = [
  0, 0.004, 0.005, 0.5, 1, 1.005, 2.675, 9.995, 99.9, 999.99, 999.995, 1000, 1500, 1500.5, 9999.5, 15000, 123456.78, 1234567.891, 98765432.1,
  2.6149999999999998, 25.814999999999998, 58.074999999999996, 7085.6849999999995, 14562349680.144999, 0.0049999999999999,
];

/** Each amount's neighbours a few floats away, on both sides of its ties. */
const neighbours = (value: number) => [value * (1 - 2 ** -52), value, value * (1 + 2 ** -52)];

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
        for (const value of [...AMOUNTS.flatMap(neighbours), ...seededAmounts(40)]) {
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
    for (const [value, language, currency] of [
      [15000, 'fr'],
      [15000, 'en-US'],
      [15000, '__proto__'],
      [15000, 'en', 'USD'],
      [15000, 'es-AR', 'constructor'],
      [-5, 'en'],
      [-0, 'en'],
      [Number.NaN, 'en'],
      [Infinity, 'en'],
      [1e-7, 'en'],
      [1e21, 'en'],
      [2 ** 53, 'en'],
    ] as Array<[number, string, string?]>) {
      expect(formatNumber(value, language, 2, currency ?? 'ARS'), `${value} ${language} ${currency}`).to.equal(undefined);
    }
    // …and formatMoney still answers, through Intl.
    expect(formatMoney(-5, 'MLA', 'en')).to.equal(intlMoney(-5, 'en', 'ARS', 2));
    expect(formatMoney(15000, 'MLA', 'fr')).to.equal(intlMoney(15000, 'fr', 'ARS', 2));
    expect(formatPercent(-1.5, 'es')).to.equal(`${new Intl.NumberFormat('es', { minimumFractionDigits: 2 }).format(-1.5)}%`);
  });
});
