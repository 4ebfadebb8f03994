// The manifest is the reference for theming: every `--mp-*` custom property the element reads (in
// its styles or for the Secure Fields) must be listed in custom-elements.json, with a description.
import { expect } from '@open-wc/testing';
import { styles } from '../../src/mp-checkout.styles.js';
import { SECURE_FIELD_THEME } from '../../src/internal/secure-field-style.js';
import { THEME } from '../../src/view/theme.js';
import { THEME_DESCRIPTIONS } from '../../src/view/theme-docs.js';

interface CssProperty {
  name: string;
  description?: string;
  default?: string;
}

// Fetched: esbuild's target strips import attributes (see locales.test.ts).
const manifest = (await (await fetch(new URL('../../custom-elements.json', import.meta.url))).json()) as {
  modules: Array<{ declarations?: Array<{ tagName?: string; cssProperties?: CssProperty[] }> }>;
};
const documented = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'mp-checkout')?.cssProperties ?? [];
const documentedNames = new Set(documented.map((p) => p.name));

const cssText = styles.map((sheet) => sheet.cssText).join('\n');
const usedInStyles = new Set([...cssText.matchAll(/var\(\s*(--mp-[\w-]+)/g)].map((match) => match[1]));

describe('theme: the manifest documents every --mp-* custom property', () => {
  it('finds the properties the styles use', () => {
    // Guards the scan itself: a regex that matched nothing would pass every check below.
    expect(usedInStyles.size).to.be.greaterThan(20);
  });

  it('lists every var(--mp-…) in the styles, with a description', () => {
    const undocumented = [...usedInStyles].filter((name) => !documentedNames.has(name));
    expect(undocumented, 'used in the styles but not in custom-elements.json').to.deep.equal([]);
    for (const property of documented) expect(property.description?.trim(), property.name).to.not.be.empty;
  });

  it('lists every property passed to the Secure Fields', () => {
    expect(SECURE_FIELD_THEME.filter((name) => !documentedNames.has(name))).to.deep.equal([]);
  });

  it('lists exactly the theme table (src/view/theme.ts), defaults and descriptions (theme-docs.ts) included', () => {
    expect([...documentedNames].sort()).to.deep.equal(Object.keys(THEME).sort());
    for (const property of documented) {
      const light = (THEME as Record<string, { light?: string }>)[property.name]?.light;
      expect(property.default, property.name).to.equal(light);
      const description = (THEME_DESCRIPTIONS as Record<string, string>)[property.name];
      expect(property.description?.startsWith(description), property.name).to.equal(true);
    }
  });

  it('documents no property the element does not read', () => {
    const read = new Set([...usedInStyles, ...SECURE_FIELD_THEME]);
    expect([...documentedNames].filter((name) => !read.has(name))).to.deep.equal([]);
  });
});
