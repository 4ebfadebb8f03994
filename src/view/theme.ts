/**
 * The theme: every `--mp-*` custom property the element reads, with its default in the light and
 * the dark scheme. The styles, the Secure Fields' style and the manifest
 * (custom-elements-manifest.config.mjs adds these to `cssProperties`) all come from this table, and
 * what each one does is in theme-docs.ts, which the typecheck holds to exactly these names: a
 * property cannot be used without being documented, and the descriptions never ship to buyers. No
 * imports: the manifest plugin loads this file on its own.
 *
 * Colours follow the host's `color-scheme`, which is `light dark` by default: the dark defaults
 * apply when the buyer's system prefers dark, and a merchant forces one scheme with
 * `mp-checkout { color-scheme: light }` (or `dark`). A value the merchant sets for a property wins
 * in both schemes. The dark defaults need `light-dark()` (Chrome 123, Safari 17.5, Firefox 120);
 * older browsers show the light scheme.
 */

export interface ThemeProperty {
  /** The default (light scheme). Absent: unset, the element or MercadoPago.js decides. */
  light?: string;
  /** The dark-scheme default, when it differs from the light one. */
  dark?: string;
}

export const THEME = {
  '--mp-color': { light: '#1f2328', dark: '#e6edf3' },
  '--mp-background': { light: '#ffffff', dark: '#0d1117' },
  '--mp-border-color': { light: '#d0d7de', dark: '#30363d' },
  '--mp-radius': { light: '0.5rem' },
  '--mp-spacing': { light: '1rem' },
  '--mp-max-width': { light: '32rem' },
  '--mp-font-family': { light: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" },
  '--mp-font-size': { light: '1rem' },
  '--mp-input-color': { light: 'inherit' },
  '--mp-input-background': { light: '#ffffff', dark: '#010409' },
  '--mp-input-border-color': { light: '#8c959f', dark: '#6e7681' },
  '--mp-input-radius': { light: '0.375rem' },
  '--mp-input-height': { light: '2.5rem' },
  '--mp-input-font-size': { light: 'inherit' },
  '--mp-input-font-weight': {},
  '--mp-input-padding': {},
  '--mp-placeholder-color': { light: '#6e7781', dark: '#8b949e' },
  '--mp-focus-color': { light: '#0969da', dark: '#58a6ff' },
  '--mp-focus-width': { light: '2px' },
  '--mp-error-color': { light: '#cf222e', dark: '#ff7b72' },
  '--mp-success-color': { light: '#1a7f37', dark: '#3fb950' },
  '--mp-muted-color': { light: '#57606a', dark: '#8b949e' },
  '--mp-link-color': { light: '#0969da', dark: '#58a6ff' },
  '--mp-button-color': { light: '#ffffff' },
  // Mercado Pago's brand blue (#009ee3) gives white text only 3:1; this shade passes WCAG AA.
  '--mp-button-background': { light: '#0077b6' },
  '--mp-test-badge-color': { light: '#6a5300', dark: '#f2cc60' },
  '--mp-test-badge-background': { light: '#fff8c5', dark: '#3b2e00' },
  '--mp-financing-accent': { light: '#009ee3' },
  '--mp-cft-color': { light: '#b3261e', dark: '#ffa198' },
  '--mp-skeleton': { light: '#eaeef2', dark: '#21262d' },
} as const satisfies Record<`--mp-${string}`, ThemeProperty>;

export type ThemePropertyName = keyof typeof THEME;

/** The private property that carries a scheme-dependent default (not part of the theme API). */
const defaultName = (name: ThemePropertyName) => `--_${name.slice(2)}-default`;

function entry(name: ThemePropertyName): ThemeProperty {
  return THEME[name];
}

/** `var(--mp-x, <default>)`: the merchant's value, else this scheme's default, else unset. */
export function themeVar(name: ThemePropertyName): string {
  const { light, dark } = entry(name);
  if (dark !== undefined) return `var(${name}, var(${defaultName(name)}))`;
  return light === undefined ? `var(${name})` : `var(${name}, ${light})`;
}

/**
 * The scheme-dependent defaults, on the host: the light value for every browser, then
 * `light-dark()` where the browser has it, so a browser without it keeps a working light scheme
 * (a `var()` whose fallback it cannot parse would leave the property unset instead).
 */
export function themeDefaultsCss(): string {
  const schemed = (Object.keys(THEME) as ThemePropertyName[]).filter((name) => entry(name).dark !== undefined);
  const light = schemed.map((name) => `${defaultName(name)}: ${entry(name).light};`).join('\n');
  const both = schemed.map((name) => `${defaultName(name)}: light-dark(${entry(name).light}, ${entry(name).dark});`).join('\n');
  return `:host {\n color-scheme: light dark;\n${light}\n}\n@supports (color: light-dark(#000, #fff)) {\n:host {\n${both}\n}\n}`;
}
