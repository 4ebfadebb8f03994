// Locale resources: en.json is the source of truth for keys and interpolation variables.
// Full locales (es, pt-BR) must cover every key of en; regional overrides (es-XX) hold only a
// subset of en's keys, each different from the base `es` wording.
import { expect } from '@open-wc/testing';
import { SECURE_FIELD_TEXT } from '../../src/internal/secure-field-text.js';

// Fetched rather than `import … with { type: 'json' }`: esbuild's es2022 target strips import
// attributes, so Chromium would refuse the JSON modules.
async function load(name: string): Promise<unknown> {
  const response = await fetch(new URL(`../../locales/${name}.json`, import.meta.url));
  if (!response.ok) throw new Error(`locales/${name}.json: HTTP ${response.status}`);
  return response.json();
}

const [en, es, ptBR, esAR, esMX, esCO, esCL, esPE, esUY] = await Promise.all(
  ['en', 'es', 'pt-BR', 'es-AR', 'es-MX', 'es-CO', 'es-CL', 'es-PE', 'es-UY'].map(load),
);

type Tree = Record<string, unknown>;

/** Flattens a nested resource into dotted leaf paths; non-string, non-object leaves are kept as-is. */
function leaves(tree: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (tree !== null && typeof tree === 'object' && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree as Tree)) {
      leaves(value, prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, tree);
  }
  return out;
}

/** Sorted interpolation variable names: `{{amount}}`, `{{ amount }}`, `{{amount, number}}` → amount. */
function variables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/\{\{-?\s*([^}]+?)\s*\}\}/g)) {
    names.add(match[1].split(',')[0].trim());
  }
  return [...names].sort();
}

/** Angle-bracket tokens (`<mp-checkout>`) of en's string are allowed; any other `<` or `>` is not. */
function strayAngleBrackets(text: string, enText: string): boolean {
  const allowed = enText.match(/<[^<>]*>/g) ?? [];
  let rest = text;
  for (const token of allowed) rest = rest.split(token).join('');
  return /[<>]/.test(rest);
}

const EN = leaves(en);
const ES = leaves(es);

const FULL: Record<string, unknown> = { es, 'pt-BR': ptBR };
const REGIONAL: Record<string, unknown> = {
  'es-AR': esAR,
  'es-MX': esMX,
  'es-CO': esCO,
  'es-CL': esCL,
  'es-PE': esPE,
  'es-UY': esUY,
};

/** Every problem with one leaf of a translation, checked against en. */
function leafProblems(locale: string, key: string, value: unknown): string[] {
  const problems: string[] = [];
  if (!EN.has(key)) return [`${locale}: stray key "${key}" (not in en.json)`];
  const enText = EN.get(key) as string;
  if (typeof value !== 'string') return [`${locale}: "${key}" is not a string`];
  if (value.trim() === '') problems.push(`${locale}: "${key}" is empty`);
  const want = variables(enText).join(',');
  const got = variables(value).join(',');
  if (want !== got) problems.push(`${locale}: "${key}" uses {{${got}}} instead of {{${want}}}`);
  if (strayAngleBrackets(value, enText)) problems.push(`${locale}: "${key}" contains < or >`);
  return problems;
}

describe('locales', () => {
  it('en.json itself is a tree of non-empty strings', () => {
    expect(EN.size).to.be.greaterThan(100);
    for (const [key, value] of EN) {
      expect(value, key).to.be.a('string');
      expect((value as string).trim(), key).to.not.equal('');
    }
  });

  for (const [locale, resource] of Object.entries(FULL)) {
    describe(locale, () => {
      const tree = leaves(resource);

      it('has every key of en.json', () => {
        const missing = [...EN.keys()].filter((key) => !tree.has(key));
        expect(missing, `missing in ${locale}`).to.deep.equal([]);
      });

      it('has no key that en.json lacks, non-empty strings, same {{variables}}, no stray < >', () => {
        const problems = [...tree].flatMap(([key, value]) => leafProblems(locale, key, value));
        expect(problems).to.deep.equal([]);
      });
    });
  }

  for (const [locale, resource] of Object.entries(REGIONAL)) {
    describe(locale, () => {
      const tree = leaves(resource);

      it('is a small, non-empty override', () => {
        expect(tree.size, `${locale} has no keys`).to.be.greaterThan(0);
        expect(tree.size, `${locale} looks like a full copy`).to.be.lessThan(EN.size / 2);
      });

      it('only has keys of en.json, as non-empty strings with the same {{variables}}, no stray < >', () => {
        const problems = [...tree].flatMap(([key, value]) => leafProblems(locale, key, value));
        expect(problems).to.deep.equal([]);
      });

      it('only holds keys whose wording differs from es.json', () => {
        const same = [...tree].filter(([key, value]) => ES.get(key) === value).map(([key]) => key);
        expect(same, `${locale} repeats es.json`).to.deep.equal([]);
      });
    });
  }

  it('no string nests another ($t(…)): the translator turns nesting off for merchant overrides', () => {
    const nesting = Object.entries({ en, ...FULL, ...REGIONAL }).flatMap(([locale, resource]) =>
      [...leaves(resource)].filter(([, value]) => typeof value === 'string' && value.includes('$t(')).map(([key]) => `${locale}: ${key}`),
    );
    expect(nesting).to.deep.equal([]);
  });

  it('labels the total financing cost CET in pt-BR and CFT in Spanish', () => {
    expect(leaves(ptBR).get('financing.cft')).to.equal('CET');
    expect(ES.get('financing.cft')).to.equal('CFT');
    for (const resource of Object.values(REGIONAL)) {
      const cft = leaves(resource).get('financing.cft');
      if (cft !== undefined) expect(cft).to.equal('CFT');
    }
  });

  it("the Secure Fields' inline labels and placeholders are the locales' own, and no regional file changes them", () => {
    // The fields are created before the language loads, with these strings (src/internal/secure-field-text.ts).
    const bases: Record<string, unknown> = { en, es, 'pt-BR': ptBR };
    expect(Object.keys(SECURE_FIELD_TEXT).sort()).to.deep.equal(Object.keys(bases).sort());
    for (const [language, texts] of Object.entries(SECURE_FIELD_TEXT)) {
      const resource = leaves(bases[language]);
      for (const [key, text] of Object.entries(texts)) expect(text, `${language} ${key}`).to.equal(resource.get(key));
    }
    const fieldKeys = Object.keys(SECURE_FIELD_TEXT.en);
    expect(fieldKeys).to.have.length(6);
    for (const [locale, resource] of Object.entries(REGIONAL)) {
      const overridden = fieldKeys.filter((key) => leaves(resource).has(key));
      expect(overridden, `${locale} overrides a Secure Field's text`).to.deep.equal([]);
    }
  });
});
