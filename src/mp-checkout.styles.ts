import { css, unsafeCSS, type CSSResult } from 'lit';
import { THEME, themeDefaultsCss, themeVar, type ThemePropertyName } from './view/theme.js';

/**
 * The styles write `var(--mp-x)` and get each theme property's default from src/view/theme.ts, the
 * one place defaults are defined. Done on the text (not with `${…}` in the css literal) so the
 * build's CSS minifier, which merges rules, never sees template placeholders.
 */
function withThemeDefaults(sheet: CSSResult): CSSResult {
  return unsafeCSS(sheet.cssText.replace(/var\((--mp-[\w-]+)\)/g, (plain, name: string) => (name in THEME ? themeVar(name as ThemePropertyName) : plain)));
}

/* ——— theme: scheme-dependent defaults, dark scheme, and the probe that carries the theme into the
   Secure Fields (kept together; colours and sizes themselves live in src/view/theme.ts) ——— */
const themeDefaults = unsafeCSS(themeDefaultsCss());
const theme = withThemeDefaults(css`
  .theme-probe {
    /* Resolves what the Secure Fields' SDK style needs (ThemeController): real colours, not
       light-dark() or var() the iframe could not resolve, and, by transitioning, reports when they
       change (a live theme editor, a class on <html>, the system's dark mode). */
    position: fixed;
    width: 0;
    height: 0;
    overflow: hidden;
    visibility: hidden;
    pointer-events: none;
    color: var(--mp-input-color);
    border-top-color: var(--mp-placeholder-color);
    font-family: var(--mp-font-family);
    font-size: var(--mp-input-font-size);
    transition-property: color, border-top-color, font-size, font-family;
    transition-duration: 1ms;
  }
`);

/**
 * Properties newer than lit-analyzer's CSS list (it would call them invalid), as plain text.
 * - The Secure Fields' documents declare no colour scheme, so they are light. An iframe whose own
 *   scheme differs from its document's gets an opaque canvas-coloured backdrop: white behind light
 *   text in the dark scheme. Kept light, the iframe stays transparent over its frame's background.
 * - font-family only animates discretely; browsers without allow-discrete miss a font-only change.
 */
const newerProperties = unsafeCSS(`
  .secure ::slotted(*) { color-scheme: light; }
  .theme-probe { transition-behavior: allow-discrete; }
`);

const layout = withThemeDefaults(css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: var(--mp-max-width);
    color: var(--mp-color);
    font-family: var(--mp-font-family);
    font-size: var(--mp-font-size);
    line-height: 1.4;
  }
  :host([hidden]),
  [hidden] {
    /* Author rules like form { display: grid } would otherwise win over the hidden attribute. */
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [part~='base'] {
    border: 1px solid var(--mp-border-color);
    border-radius: var(--mp-radius);
    padding: var(--mp-spacing);
    background: var(--mp-background);
    position: relative;
  }
  form {
    display: grid;
    gap: 0.75rem;
    grid-template-columns: 1fr 1fr;
  }
  .wide {
    grid-column: 1 / -1;
  }
  [part~='field'] {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }
  [part~='field-label'] {
    font-weight: 600;
    font-size: 0.875em;
  }
  input,
  select,
  .secure {
    font: inherit;
    color: var(--mp-input-color);
    height: var(--mp-input-height);
    padding: 0 0.625rem;
    border: 1px solid var(--mp-input-border-color);
    border-radius: var(--mp-input-radius);
    background: var(--mp-input-background);
    width: 100%;
  }
  .secure {
    padding: 0;
    overflow: hidden;
  }
  .secure ::slotted(*) {
    display: block;
    height: 100%;
  }
  input:focus-visible,
  select:focus-visible,
  button:focus-visible,
  .secure:focus-within {
    outline: 2px solid var(--mp-focus-color);
    outline-offset: 1px;
  }
  [aria-invalid='true'],
  .secure.invalid {
    border-color: var(--mp-error-color);
  }
  [part~='field-error'] {
    color: var(--mp-error-color);
    font-size: 0.875em;
    min-height: 1.25em;
  }
  .brand {
    font-size: 0.8em;
    color: var(--mp-muted-color);
  }
  .id-row {
    display: grid;
    grid-template-columns: minmax(6rem, 1fr) 2fr;
    gap: 0.5rem;
  }
  [part~='submit-button'],
  .secondary {
    font: inherit;
    font-weight: 600;
    min-height: 2.75rem;
    border-radius: var(--mp-radius);
    cursor: pointer;
    border: 1px solid transparent;
  }
  [part~='submit-button'] {
    width: 100%;
    color: var(--mp-button-color);
    background: var(--mp-button-background);
  }
  [part~='submit-button']:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  .secondary {
    padding: 0 1rem;
    background: transparent;
    border-color: currentColor;
    color: inherit;
    margin-top: 0.5rem;
  }
  .actions {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  [part~='message'] {
    margin-top: 0.75rem;
  }
  [part~='message']:empty {
    display: none;
  }
  .tone-error {
    color: var(--mp-error-color);
  }
  .tone-success {
    color: var(--mp-success-color);
  }
  [part~='test-badge'] {
    display: inline-block;
    margin-bottom: 0.75rem;
    padding: 0.125rem 0.5rem;
    border-radius: 999px;
    font-size: 0.75em;
    font-weight: 700;
    background: var(--mp-test-badge-background);
    color: var(--mp-test-badge-color);
  }
  [part~='financing'] {
    font-size: 0.875em;
    border-left: 3px solid var(--mp-financing-accent);
    padding-left: 0.5rem;
  }
  [part~='financing'] dl {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.125rem 1rem;
    margin: 0;
    overflow-wrap: anywhere;
  }
  [part~='financing'] dd {
    margin: 0;
    text-align: end;
  }
  [part~='cft'] {
    font-weight: 700;
    color: var(--mp-cft-color);
  }
  .mla [part~='cft'] {
    font-size: 2.25em;
  }
  [part~='banner'] {
    font-size: 0.8125em;
    color: var(--mp-muted-color);
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    margin-bottom: 0.75rem;
  }
  a {
    color: var(--mp-link-color);
  }
  .note {
    font-size: 0.8125em;
    color: var(--mp-muted-color);
  }
  .skeleton {
    min-height: 2.5rem;
    border-radius: 0.375rem;
    background: var(--mp-skeleton);
  }
  .challenge {
    width: 100%;
    min-height: 25rem;
    border: 1px solid var(--mp-border-color);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: pulse 1.5s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
`);

export const styles = [themeDefaults, theme, newerProperties, layout];
