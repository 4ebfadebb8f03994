// Every payment result of mercadopago.md §3.1, rendered in every locale exactly as <mp-checkout>
// renders it: the real Translator (src/services/i18n.ts), the key list of resultMessageKeys and
// money from formatMoney in the locale's site, interpolated with the same variables as the element
// (amount, paymentMethod, installments, statementDescriptor).
import { expect } from '@open-wc/testing';
import { resourceChain, Translator } from '../../src/internal/i18n.js';
import { resultMessageKeys } from '../../src/mercadopago/messages.js';
import { formatMoney, siteFromLocale, type SiteId } from '../../src/mercadopago/sites.js';
import { GENERIC_REJECTIONS } from '../helpers/status-details.js';

// Fetched, not imported: esbuild may strip JSON import attributes (see locales.test.ts).
const en = (await (await fetch(new URL('../../locales/en.json', import.meta.url))).json()) as Record<string, unknown>;

/** True when en.json has a string at the dotted `key`. */
function enHas(key: string): boolean {
  let node: unknown = en;
  for (const segment of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, segment)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === 'string';
}

function enText(key: string): string {
  return key.split('.').reduce<unknown>((node, segment) => (node as Record<string, unknown>)[segment], en) as string;
}

type Var = 'amount' | 'paymentMethod' | 'installments' | 'statementDescriptor';

interface LocaleCase {
  locale: string;
  site: SiteId;
  amount: number;
  /** The amount as the buyer must read it (whitespace normalised to plain spaces). */
  money: string;
}

// The element's site is the `site` attribute or the locale's region, else MLA (en, es).
const LOCALES: LocaleCase[] = [
  { locale: 'en', site: 'MLA', amount: 123456.5, money: 'ARS 123,456.50' },
  { locale: 'es', site: 'MLA', amount: 123456.5, money: '123.456,50 ARS' },
  { locale: 'pt-BR', site: 'MLB', amount: 123456.5, money: 'R$ 123.456,50' },
  { locale: 'es-AR', site: 'MLA', amount: 123456.5, money: '$ 123.456,50' },
  { locale: 'es-MX', site: 'MLM', amount: 123456.5, money: '$123,456.50' },
  { locale: 'es-CO', site: 'MCO', amount: 123456, money: '$ 123.456' },
  { locale: 'es-CL', site: 'MLC', amount: 123456, money: '$123.456' },
  { locale: 'es-PE', site: 'MPE', amount: 123456.5, money: 'S/ 123,456.50' },
  { locale: 'es-UY', site: 'MLU', amount: 123456.5, money: '$ 123.456,50' },
];

interface ResultCase {
  status: string;
  detail: string;
  /** Placeholders mercadopago.md §3.1 says the message quotes. */
  uses: Var[];
  /** The approval quotes the statement descriptor only when there is one. */
  noDescriptor?: boolean;
  /** §3.1 says: no text of its own (generic text of the status). */
  generic?: boolean;
}

// mercadopago.md §3.1, row by row.
const RESULTS: ResultCase[] = [
  { status: 'approved', detail: 'accredited', uses: ['amount', 'statementDescriptor'] },
  { status: 'approved', detail: 'accredited', uses: ['amount'], noDescriptor: true },
  { status: 'in_process', detail: 'pending_contingency', uses: [] },
  { status: 'in_process', detail: 'pending_review_manual', uses: [] },
  { status: 'pending', detail: 'pending_challenge', uses: [] },
  { status: 'pending', detail: 'pending_waiting_payment', uses: [], generic: true },
  { status: 'pending', detail: 'pending_waiting_transfer', uses: [], generic: true },
  { status: 'authorized', detail: 'pending_capture', uses: [] },
  { status: 'rejected', detail: 'cc_rejected_bad_filled_card_number', uses: [] },
  { status: 'rejected', detail: 'cc_rejected_bad_filled_date', uses: [] },
  { status: 'rejected', detail: 'cc_rejected_bad_filled_security_code', uses: [] },
  { status: 'rejected', detail: 'cc_rejected_bad_filled_other', uses: [] },
  { status: 'rejected', detail: 'cc_rejected_call_for_authorize', uses: ['amount', 'paymentMethod'] },
  { status: 'rejected', detail: 'cc_rejected_card_disabled', uses: ['paymentMethod'] },
  { status: 'rejected', detail: 'cc_rejected_duplicated_payment', uses: [] },
  { status: 'rejected', detail: 'cc_rejected_insufficient_amount', uses: ['paymentMethod'] },
  { status: 'rejected', detail: 'cc_rejected_invalid_installments', uses: ['paymentMethod', 'installments'] },
  { status: 'rejected', detail: 'cc_rejected_max_attempts', uses: [] },
  { status: 'rejected', detail: 'cc_rejected_high_risk', uses: [] },
  { status: 'rejected', detail: 'cc_rejected_blacklist', uses: [] },
  { status: 'rejected', detail: 'cc_rejected_card_error', uses: [] },
  { status: 'rejected', detail: 'cc_rejected_other_reason', uses: ['paymentMethod'] },
  { status: 'rejected', detail: 'cc_rejected_3ds_challenge', uses: [] },
  { status: 'rejected', detail: 'cc_rejected_3ds_mandatory', uses: [] },
  { status: 'rejected', detail: 'cc_rejected_card_type_not_allowed', uses: [] },
  ...GENERIC_REJECTIONS.map((detail): ResultCase => ({ status: 'rejected', detail, uses: [], generic: true })),
  ...['cancelled', 'refunded', 'charged_back', 'in_mediation'].flatMap((status) =>
    ['by_collector', 'expired', ''].map((detail): ResultCase => ({ status, detail, uses: [], generic: true })),
  ),
];

const PAYMENT_METHOD = 'Mastercard';
const INSTALLMENTS = 18;
const DESCRIPTOR = 'TIENDA*YERBA';
const HOSTILE = '<img src=x onerror=alert(1)>';

/** Whitespace (NBSP, narrow NBSP) as plain spaces, so "$ 1.500,50" compares however Intl spaced it. */
const plain = (text: string): string => text.replace(/\s/g, ' ');

interface Rendered {
  text: string;
  keys: string[];
}

/** Renders a payment result the way the element does (showResult → resultVars → t(keys, vars)). */
function render(translator: Translator, c: LocaleCase, status: string, detail: string | undefined, overrides: Partial<Record<Var, unknown>> = {}): Rendered {
  const vars = {
    amount: formatMoney(c.amount, c.site, translator.language || 'en'),
    paymentMethod: PAYMENT_METHOD,
    installments: INSTALLMENTS,
    statementDescriptor: DESCRIPTOR,
    ...overrides,
  };
  const keys = resultMessageKeys(status, detail, { hasStatementDescriptor: Boolean(vars.statementDescriptor) });
  return { text: translator.t(keys, vars), keys };
}

const translators = new Map<string, Translator>();
for (const c of LOCALES) {
  const translator = new Translator();
  await translator.load(c.locale);
  translators.set(c.locale, translator);
}
const EN = translators.get('en')!;
const EN_CASE = LOCALES[0];

describe('result messages in every locale (mercadopago.md §3.1)', () => {
  it('the test table matches how the element picks a site for each locale', () => {
    for (const c of LOCALES) expect(siteFromLocale(c.locale) ?? 'MLA', c.locale).to.equal(c.site);
    for (const c of LOCALES) expect(translators.get(c.locale)!.language, `${c.locale} loaded as itself`).to.equal(c.locale);
  });

  for (const c of LOCALES) {
    describe(c.locale, () => {
      const translator = translators.get(c.locale)!;

      for (const r of RESULTS) {
        const label = `${r.status}/${r.detail || '(none)'}${r.noDescriptor ? ' without a statement descriptor' : ''}`;

        it(`${label}: readable text, placeholders filled, amount for ${c.site}`, () => {
          const overrides = r.noDescriptor ? { statementDescriptor: '' } : {};
          const { text, keys } = render(translator, c, r.status, r.detail, overrides);
          const where = `${c.locale} ${label} → "${text}"`;
          expect(text.trim(), `${where}: empty`).to.not.equal('');
          expect(text, `${where}: placeholder left`).to.not.contain('{{');
          expect(text, `${where}: placeholder left`).to.not.contain('}}');
          expect(text, `${where}: raw code`).to.not.match(/cc_rejected|status_detail|_default|_generic|\bresult\.[a-z_]/);
          expect(text, `${where}: raw snake_case code`).to.not.match(/\b[a-z0-9]+_[a-z0-9_]+\b/);

          // What the message must quote: §3.1's placeholders plus any en's text of the chosen key uses.
          const chosen = keys.find((key) => enHas(key))!;
          const enVars = [...enText(chosen).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as Var);
          const uses = new Set<Var>([...r.uses, ...enVars]);
          if (uses.has('amount')) {
            expect(plain(text), `${where}: amount not formatted as ${c.money}`).to.contain(c.money);
          }
          if (uses.has('paymentMethod')) expect(text, `${where}: payment method name`).to.contain(PAYMENT_METHOD);
          if (uses.has('installments')) expect(text, `${where}: installments`).to.match(new RegExp(`(^|\\D)${INSTALLMENTS}(\\D|$)`));
          if (uses.has('statementDescriptor')) expect(text, `${where}: statement descriptor`).to.contain(DESCRIPTOR);
          if (r.noDescriptor) expect(text, `${where}: quotes a descriptor it does not have`).to.not.match(/\s(as|como)\s*\.?$/);

          if (c.locale !== 'en') {
            // Same variable values, English resources: identical text means nothing was translated.
            const sameAmount = { amount: formatMoney(c.amount, c.site, translator.language), ...overrides };
            const english = render(EN, c, r.status, r.detail, sameAmount).text;
            expect(text, `${where}: untranslated (same as en)`).to.not.equal(english);
          }
        });

        const specificKey = `result.${r.status}.${r.detail}`;
        if (!r.generic && !r.noDescriptor && enHas(specificKey)) {
          it(`${label}: has its own text, not the ${r.status} default`, () => {
            const specific = render(translator, c, r.status, r.detail).text;
            const fallback = render(translator, c, r.status, undefined).text;
            expect(specific, `${c.locale} ${label} renders the "${r.status}" default`).to.not.equal(fallback);
          });
        }
        if (r.generic) {
          it(`${label}: shows the generic ${r.status} text (§3.1), not the unexpected-answer text`, () => {
            const shown = render(translator, c, r.status, r.detail).text;
            expect(shown).to.equal(render(translator, c, r.status, undefined).text);
            expect(shown).to.not.equal(render(translator, c, 'not_a_status', undefined).text);
          });
        }
      }

      it('the approval without a descriptor differs from the approval that quotes one', () => {
        const withDescriptor = render(translator, c, 'approved', 'accredited').text;
        const without = render(translator, c, 'approved', 'accredited', { statementDescriptor: '' }).text;
        expect(without).to.not.equal(withDescriptor);
        expect(without).to.not.contain(DESCRIPTOR);
      });

      it('an unknown status shows the generic text in this language, never a code', () => {
        const { text } = render(translator, c, 'weird_status', 'weird_detail');
        expect(text.trim()).to.not.equal('');
        expect(text).to.not.match(/weird|_generic|result\.[a-z_]/);
        if (c.locale !== 'en') expect(text).to.not.equal(render(EN, EN_CASE, 'weird_status', undefined).text);
      });

      it(`HTML from the merchant or server comes back verbatim as text (${HOSTILE})`, () => {
        const approved = render(translator, c, 'approved', 'accredited', { statementDescriptor: HOSTILE }).text;
        expect(approved, 'statement descriptor').to.contain(HOSTILE);
        expect(approved).to.not.contain('&lt;');
        for (const detail of ['cc_rejected_other_reason', 'cc_rejected_insufficient_amount', 'cc_rejected_call_for_authorize']) {
          const rejected = render(translator, c, 'rejected', detail, { paymentMethod: HOSTILE }).text;
          expect(rejected, `payment method name in ${detail}`).to.contain(HOSTILE);
          expect(rejected).to.not.contain('&lt;');
        }
        const quoted = render(translator, c, 'rejected', 'cc_rejected_other_reason', { paymentMethod: `Tienda "Yerba" & <b>Co</b> 'x'` }).text;
        expect(quoted).to.contain(`Tienda "Yerba" & <b>Co</b> 'x'`);
      });

      it('a merchant string that looks like i18next syntax is quoted, not interpreted', () => {
        const tricky = 'SHOP {{amount}} $t(ui.pay)';
        const { text } = render(translator, c, 'approved', 'accredited', { statementDescriptor: tricky });
        expect(text).to.contain(tricky);
      });
    });
  }

  it('es-AR speaks voseo for data-entry rejections; es-MX says "meses" for installments', () => {
    const ar = LOCALES.find((c) => c.locale === 'es-AR')!;
    const mx = LOCALES.find((c) => c.locale === 'es-MX')!;
    for (const detail of [
      'cc_rejected_bad_filled_card_number',
      'cc_rejected_bad_filled_date',
      'cc_rejected_bad_filled_security_code',
      'cc_rejected_bad_filled_other',
    ]) {
      expect(render(translators.get('es-AR')!, ar, 'rejected', detail).text, detail).to.match(/^Revisá /);
      expect(render(translators.get('es')!, LOCALES[1], 'rejected', detail).text, `es ${detail}`).to.match(/^Revisa /);
    }
    expect(render(translators.get('es-MX')!, mx, 'rejected', 'cc_rejected_invalid_installments').text).to.equal(
      `${PAYMENT_METHOD} no procesa pagos a ${INSTALLMENTS} meses.`,
    );
  });
});

// How the element resolves whatever tag a page gives (`locale` attribute, `lang`): the closest
// resources, never English for a Spanish or Portuguese tag. `siteFromLocale` already accepts
// POSIX-style `es_AR` ("attributes are typed by people"), so the language must follow it.
describe('locale fallback: the closest resources for any tag', () => {
  const FALLBACKS: Array<[tag: string, language: string]> = [
    ['es-AR', 'es-AR'],
    ['es-ar', 'es-AR'],
    ['es_AR', 'es-AR'],
    ['es-MX', 'es-MX'],
    ['es-ES', 'es'],
    ['es-419', 'es'],
    ['es', 'es'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt_BR', 'pt-BR'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    ['not a tag!', 'en'],
    ['', 'en'],
  ];
  for (const [tag, language] of FALLBACKS) {
    it(`"${tag}" → ${language}, and the messages are ${language}'s`, async () => {
      expect(resourceChain(tag).language, `resourceChain("${tag}")`).to.equal(language);
      const translator = new Translator();
      await translator.load(tag);
      expect(translator.language).to.equal(language);
      const c = LOCALES.find((l) => l.locale === language)!;
      const reference = translators.get(language)!;
      for (const detail of ['cc_rejected_bad_filled_other', 'cc_rejected_other_reason']) {
        expect(render(translator, c, 'rejected', detail).text, detail).to.equal(render(reference, c, 'rejected', detail).text);
      }
    });
  }
});
