/**
 * Localization: a private i18next instance per element (never the page's global one, never a
 * language detector — detectors write to the merchant's storage). Only the active language and its
 * regional override are loaded; each is a lazy chunk of the CDN build. i18next itself is a lazy
 * chunk too, fetched with the first language: the skeleton needs no strings, and i18next is more
 * than a third of the code, so the first render and the MercadoPago.js request never wait for it.
 */
import type { i18n, TOptions } from 'i18next';

type Resource = Record<string, unknown>;
type Loader = () => Promise<{ default: Resource }>;

const LOADERS: Record<string, Loader> = {
  en: () => import('../../locales/en.json', { with: { type: 'json' } }),
  es: () => import('../../locales/es.json', { with: { type: 'json' } }),
  'pt-BR': () => import('../../locales/pt-BR.json', { with: { type: 'json' } }),
  'es-AR': () => import('../../locales/es-AR.json', { with: { type: 'json' } }),
  'es-MX': () => import('../../locales/es-MX.json', { with: { type: 'json' } }),
  'es-CO': () => import('../../locales/es-CO.json', { with: { type: 'json' } }),
  'es-CL': () => import('../../locales/es-CL.json', { with: { type: 'json' } }),
  'es-PE': () => import('../../locales/es-PE.json', { with: { type: 'json' } }),
  'es-UY': () => import('../../locales/es-UY.json', { with: { type: 'json' } }),
};

/** Maps any BCP-47 tag to the resource chain to load, most specific last: `es-AR` → [es, es-AR]. */
export function resourceChain(tag: string): { language: string; chain: string[] } {
  let canonical = 'en';
  try {
    canonical = Intl.getCanonicalLocales((tag || 'en').replace(/_/g, '-'))[0];
  } catch {
    /* an invalid tag falls back to English */
  }
  const [base, region] = canonical.split('-');
  if (base === 'pt') return { language: 'pt-BR', chain: ['pt-BR'] };
  if (base === 'es') {
    const regional = region ? `es-${region.toUpperCase()}` : '';
    return regional in LOADERS ? { language: regional, chain: ['es', regional] } : { language: 'es', chain: ['es'] };
  }
  return { language: 'en', chain: ['en'] };
}

/** A per-element translator; `load()` switches language, `t()` translates with fallbacks. */
export class Translator {
  private instance?: i18n;
  private overrides: Record<string, string> = {};
  language = '';

  private bundles: Array<[string, Resource]> = [];
  /** Counts loads: one that a newer load has overtaken while its chunks came changes nothing. */
  private loads = 0;

  /** Loads and activates the language for `tag`; resolves once its strings are usable (or a newer load replaced it). */
  async load(tag: string): Promise<void> {
    const mine = ++this.loads;
    const { language, chain } = resourceChain(tag);
    const [{ createInstance }, ...loaded] = await Promise.all([import('i18next'), ...chain.map((name) => LOADERS[name]().then((m) => m.default))]);
    if (mine !== this.loads) return;
    this.instance ??= createInstance();
    if (!this.instance.isInitialized) {
      await this.instance.init({
        lng: language,
        fallbackLng: chain[0],
        resources: {},
        // Lit renders every string as text, so i18next must not HTML-escape a second time.
        interpolation: { escapeValue: false },
        returnNull: false,
        initAsync: false,
      } as Parameters<i18n['init']>[0]);
      if (mine !== this.loads) return;
    }
    this.bundles = chain.map((name, index) => [name, loaded[index]]);
    this.instance.options.fallbackLng = chain[0];
    this.rebuildStore();
    await this.instance.changeLanguage(language);
    if (mine === this.loads) this.language = language;
  }

  /** Per-instance overrides of any key (`{'ui.pay': 'Buy now'}`); the merchant's word wins. */
  setOverrides(messages: Record<string, string> | undefined): void {
    this.overrides = messages ?? {};
    if (this.bundles.length) this.rebuildStore();
  }

  get ready(): boolean {
    return this.language !== '';
  }

  /** The merchant's override of `key`, if any (usable before any language is loaded). */
  override(key: string): string | undefined {
    const value = this.overrides[key];
    return typeof value === 'string' ? value : undefined;
  }

  /**
   * Translates the first key of `keys` that exists; before load, an empty string. Nesting (`$t(key)`)
   * is off: no bundled string uses it, and in a merchant's override it would let a few hundred bytes
   * of `messages` fan out into millions of lookups and freeze the page. i18next's translator skips it
   * for `nest: false` (its Translator.extendTranslation); the option is not in its types.
   */
  t(keys: string | string[], options?: TOptions): string {
    if (!this.ready || !this.instance) return '';
    return this.instance.t(keys, { ...options, nest: false });
  }

  /**
   * Lays the loaded bundles into this instance's store (i18next copies what it is given, so the
   * shared module objects are never written to), then the overrides over the most specific one.
   */
  private rebuildStore(): void {
    const { instance } = this;
    if (!instance) return;
    for (const [name, bundle] of this.bundles) {
      instance.removeResourceBundle(name, 'translation');
      instance.addResourceBundle(name, 'translation', bundle, true, true);
    }
    const top = this.bundles[this.bundles.length - 1][0];
    for (const [key, value] of Object.entries(this.overrides)) {
      if (typeof value === 'string') instance.addResource(top, 'translation', key, value);
    }
  }
}
