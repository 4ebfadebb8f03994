import { expect } from '@open-wc/testing';
import { SITES, amountHasValidDecimals, formatMoney, isSiteId, siteFromLocale, type SiteId } from '../../src/mercadopago/sites.js';

const IDS: SiteId[] = ['MLA', 'MLB', 'MLM', 'MLC', 'MCO', 'MPE', 'MLU'];

// ICU separates symbol and number with a no-break space; tests compare the visible text.
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('sites', () => {
  it('has the data of mercadopago.md §5 for every site', () => {
    expect(Object.keys(SITES).sort()).to.deep.equal([...IDS].sort());
    const expected: Record<SiteId, [string, string, 0 | 2, string]> = {
      MLA: ['AR', 'ARS', 2, 'es-AR'],
      MLB: ['BR', 'BRL', 2, 'pt-BR'],
      MLM: ['MX', 'MXN', 2, 'es-MX'],
      MLC: ['CL', 'CLP', 0, 'es-CL'],
      MCO: ['CO', 'COP', 0, 'es-CO'],
      MPE: ['PE', 'PEN', 2, 'es-PE'],
      MLU: ['UY', 'UYU', 2, 'es-UY'],
    };
    for (const id of IDS) {
      const site = SITES[id];
      const [country, currency, decimals, locale] = expected[id];
      expect(site.id).to.equal(id);
      expect([site.country, site.currency, site.decimals, site.locale], id).to.deep.equal([country, currency, decimals, locale]);
      expect(site.sdkLocale, id).to.equal(locale);
      expect(site.language, id).to.equal(id === 'MLB' ? 'pt-BR' : 'es');
      expect(site.thirdPartyInterestNote, id).to.equal(['MLC', 'MCO', 'MPE'].includes(id));
      for (const url of [site.promotionsUrl, site.financingCostsUrl]) {
        expect(new URL(url).protocol, url).to.equal('https:');
        expect(new URL(url).hostname, url).to.match(/^www\.mercadopago\.(com\.)?[a-z]{2}$/);
      }
    }
    expect(SITES.MLA.financingCostsUrl).to.equal('https://www.mercadopago.com.ar/ayuda/costos-financiacion_621');
    expect(SITES.MLB.promotionsUrl).to.equal('https://www.mercadopago.com.br/promocoes');
  });

  it('is frozen, so one instance cannot alter another', () => {
    expect(Object.isFrozen(SITES)).to.equal(true);
    expect(Object.isFrozen(SITES.MLA)).to.equal(true);
  });

  it('isSiteId accepts only the exact ids', () => {
    for (const id of IDS) expect(isSiteId(id)).to.equal(true);
    for (const x of ['mla', 'MLV', '', 'toString', '__proto__', 'constructor', null, undefined, 1, {}, ['MLA']]) {
      expect(isSiteId(x), JSON.stringify(x) ?? 'undefined').to.equal(false);
    }
  });

  it('siteFromLocale reads the region of a BCP-47 tag', () => {
    const table: Array<[string | undefined, SiteId | undefined]> = [
      ['es-AR', 'MLA'],
      ['pt-BR', 'MLB'],
      ['es-MX', 'MLM'],
      ['es-CL', 'MLC'],
      ['es-CO', 'MCO'],
      ['es-PE', 'MPE'],
      ['es-UY', 'MLU'],
      ['en-AR', 'MLA'],
      ['es-ar', 'MLA'],
      ['es_CL', 'MLC'],
      ['es-Latn-MX', 'MLM'],
      ['pt', 'MLB'],
      ['PT', 'MLB'],
      ['pt-PT', undefined],
      ['es', undefined],
      ['en', undefined],
      ['en-US', undefined],
      ['es-419', undefined],
      ['es-VE', undefined],
      ['', undefined],
      [undefined, undefined],
      ['AR', undefined],
      ['--', undefined],
      ['x'.repeat(1000), undefined],
    ];
    for (const [locale, site] of table) expect(siteFromLocale(locale), String(locale)).to.equal(site);
    expect(siteFromLocale(42 as unknown as string)).to.equal(undefined);
    expect(siteFromLocale(null as unknown as string)).to.equal(undefined);
  });

  it('formatMoney uses the site currency and decimals in the UI locale', () => {
    expect(plain(formatMoney(1500.5, 'MLA', 'es-AR'))).to.match(/^\$ ?1\.500,50$/);
    expect(plain(formatMoney(1500.5, 'MLB', 'pt-BR'))).to.match(/^R\$ ?1\.500,50$/);
    expect(plain(formatMoney(1500, 'MLA', 'en'))).to.contain('1,500.00');
    expect(plain(formatMoney(1500, 'MLA', 'en'))).to.contain('ARS');
    // COP has 2 fraction digits in ISO 4217 but Mercado Pago charges whole pesos.
    expect(plain(formatMoney(10000, 'MCO', 'es-CO'))).to.match(/^\$ ?10\.000$/);
    expect(plain(formatMoney(10000, 'MLC', 'es-CL'))).to.match(/^\$ ?10\.000$/);
    expect(plain(formatMoney(99.9, 'MPE', 'es-PE'))).to.contain('99.90');
  });

  it('formatMoney falls back to the site locale and never throws', () => {
    const viaSite = formatMoney(1500.5, 'MLA', 'es-AR');
    for (const bad of ['', 'not a locale!', 'x-'.repeat(50), 'en_US_POSIX_!!']) {
      expect(formatMoney(1500.5, 'MLA', bad), bad).to.equal(viaSite);
    }
    for (const amount of [Number.NaN, Infinity, -Infinity, 1e308, -0, -5]) {
      expect(formatMoney(amount, 'MLB', 'pt-BR')).to.be.a('string');
    }
    expect(formatMoney(1, '__proto__' as SiteId, 'en')).to.be.a('string');
    expect(formatMoney('12' as unknown as number, 'MLA', null as unknown as string)).to.be.a('string');
  });

  it('amountHasValidDecimals: CLP/COP integers only, others up to 2 decimals', () => {
    const table: Array<[number, SiteId, boolean]> = [
      [1500.5, 'MLA', true],
      [1500.55, 'MLA', true],
      [0.29, 'MLB', true],
      [0.1 + 0.2, 'MLB', false],
      [1500.555, 'MLA', false],
      [1.005, 'MLM', false],
      [100, 'MLC', true],
      [100.5, 'MLC', false],
      [10000, 'MCO', true],
      [10000.01, 'MCO', false],
      [Number.NaN, 'MLA', false],
      [Infinity, 'MLA', false],
      [1e21, 'MLA', true],
    ];
    for (const [amount, site, ok] of table) expect(amountHasValidDecimals(amount, site), `${amount} ${site}`).to.equal(ok);
    expect(amountHasValidDecimals('10' as unknown as number, 'MLA')).to.equal(false);
  });
});
