/**
 * The theme: every `--mp-*` custom property the element reads, with what it does and its default in
 * the light and the dark scheme. The styles, the Secure Fields' style and the manifest
 * (custom-elements-manifest.config.mjs adds these to `cssProperties`) all come from this table, so
 * a property cannot be used without being documented. No imports: the manifest plugin loads this
 * file on its own.
 *
 * Colours follow the host's `color-scheme`, which is `light dark` by default: the dark defaults
 * apply when the buyer's system prefers dark, and a merchant forces one scheme with
 * `mp-checkout { color-scheme: light }` (or `dark`). A value the merchant sets for a property wins
 * in both schemes. The dark defaults need `light-dark()` (Chrome 123, Safari 17.5, Firefox 120);
 * older browsers show the light scheme.
 */

export interface ThemeProperty {
  description: string;
  /** The default (light scheme). Absent: unset, the element or MercadoPago.js decides. */
  light?: string;
  /** The dark-scheme default, when it differs from the light one. */
  dark?: string;
}

export const THEME = {
  '--mp-color': { description: 'Text colour.', light: '#1f2328', dark: '#e6edf3' },
  '--mp-background': { description: 'Background of the box.', light: '#ffffff', dark: '#0d1117' },
  '--mp-border-color': { description: 'Border colour of the box (and of the 3-D Secure frame).', light: '#d0d7de', dark: '#30363d' },
  '--mp-radius': { description: 'Corner radius of the box and the buttons.', light: '0.5rem' },
  '--mp-spacing': { description: 'Padding inside the box.', light: '1rem' },
  '--mp-max-width': { description: 'Widest the element grows.', light: '32rem' },
  '--mp-font-family': {
    description: 'Font family (also inside the Secure Fields, which cannot load the page’s web fonts).',
    light: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  },
  '--mp-font-size': { description: 'Base font size.', light: '1rem' },
  '--mp-input-color': { description: 'Input text colour (also inside the Secure Fields).', light: 'inherit' },
  '--mp-input-background': { description: 'Input background (also behind the Secure Fields).', light: '#ffffff', dark: '#010409' },
  '--mp-input-border-color': { description: 'Input border colour.', light: '#8c959f', dark: '#6e7681' },
  '--mp-input-radius': { description: 'Input corner radius.', light: '0.375rem' },
  '--mp-input-height': { description: 'Input height (also the Secure Fields’ height).', light: '2.5rem' },
  '--mp-input-font-size': { description: 'Input font size (also inside the Secure Fields).', light: 'inherit' },
  '--mp-input-font-weight': { description: 'Font weight inside the Secure Fields; unset: MercadoPago.js decides.' },
  '--mp-input-padding': { description: 'Padding inside the Secure Fields; unset: MercadoPago.js decides.' },
  '--mp-placeholder-color': { description: 'Placeholder colour inside the Secure Fields.', light: '#6e7781', dark: '#8b949e' },
  '--mp-focus-color': { description: 'Focus ring colour (the element’s inputs and the Secure Fields’ frames).', light: '#0969da', dark: '#58a6ff' },
  '--mp-focus-width': { description: 'Focus ring width.', light: '2px' },
  '--mp-error-color': { description: 'Error text and invalid-field border colour.', light: '#cf222e', dark: '#ff7b72' },
  '--mp-success-color': { description: 'Colour of an approval message.', light: '#1a7f37', dark: '#3fb950' },
  '--mp-muted-color': { description: 'Secondary text: card brand, banner, notes.', light: '#57606a', dark: '#8b949e' },
  '--mp-link-color': { description: 'Link colour.', light: '#0969da', dark: '#58a6ff' },
  '--mp-button-color': { description: 'Pay button text colour.', light: '#ffffff' },
  // Mercado Pago's brand blue (#009ee3) gives white text only 3:1; this shade passes WCAG AA.
  '--mp-button-background': { description: 'Pay button background.', light: '#0077b6' },
  '--mp-test-badge-color': { description: 'Text colour of the "test mode" badge.', light: '#6a5300', dark: '#f2cc60' },
  '--mp-test-badge-background': { description: 'Background of the "test mode" badge.', light: '#fff8c5', dark: '#3b2e00' },
  '--mp-financing-accent': { description: 'Accent bar of the financing block.', light: '#009ee3' },
  '--mp-cft-color': { description: 'Highlight colour of the CFT (Argentina: Resolution E 51/2017).', light: '#b3261e', dark: '#ffa198' },
  '--mp-skeleton': { description: 'Colour of the loading placeholders.', light: '#eaeef2', dark: '#21262d' },
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
