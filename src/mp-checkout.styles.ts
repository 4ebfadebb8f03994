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
    /* The three the fields take as written (secure-field-style.ts): only so that they report changes. */
    font-weight: var(--mp-input-font-weight);
    min-height: var(--mp-input-height);
    padding: var(--mp-input-padding);
    transition-property: color, border-top-color, font-size, font-family, font-weight, min-height, padding;
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
    /* A label's line is kept before its text arrives (1.4em: the line height, where lh is unknown). */
    min-height: 1.4em;
    min-height: 1lh;
  }
  input,
  select,
  .secure,
  .control-space {
    font: inherit;
    color: var(--mp-input-color);
    height: var(--mp-input-height);
    padding: 0 0.625rem;
    border: 1px solid var(--mp-input-border-color);
    border-radius: var(--mp-input-radius);
    background: var(--mp-input-background);
    width: 100%;
  }
  .control-space {
    border-style: dashed;
    background: transparent;
  }
  .secure {
    padding: 0;
    overflow: hidden;
  }
  .secure ::slotted(*) {
    display: block;
    height: 100%;
  }
  /* #14 fields: one focus ring for the element's controls and the Secure Fields' frames. The
     iframe's own input cannot be styled (the SDK's style keys have no outline), so its frame draws
     the ring from the SDK's focus and blur events (.focused). */
  input:focus-visible,
  select:focus-visible,
  button:focus-visible,
  .secure.focused {
    outline: var(--mp-focus-width) solid var(--mp-focus-color);
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
  /* #14 fields: the detected brand's logo after the card-number label, at the label's height. */
  .brand-logo {
    height: 1.25em;
    width: auto;
    max-width: 4em;
    vertical-align: middle;
    margin-inline-start: 0.25rem;
    font-size: 0.8em;
    font-weight: 400;
  }
  /* #14 fields: labels, controls and errors in one grid, each error under its own control; the
     row gap is a field's own, so the document row keeps the rhythm of the other fields. */
  .id-row {
    display: grid;
    grid-template-columns: minmax(6rem, 1fr) 2fr;
    gap: 0.25rem 0.5rem;
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
  }
  .actions {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  /*
   * The message and its way out (a button) share one row, kept from the first render: a result
   * or a notice fills it in without pushing the merchant's page down.
   */
  .outcome {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    /* The button's height, or two lines of text. */
    min-height: 2.8em;
    min-height: max(2.75rem, 2lh);
    margin-top: 0.75rem;
  }
  [part~='message'] {
    flex: 1 1 14rem;
  }
  [part~='message']:empty {
    display: none;
  }
  /* #14 fields: a field's error, already shown under the field, is only spoken here. */
  [part~='message'].announce-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .tone-error {
    color: var(--mp-error-color);
  }
  .tone-success {
    color: var(--mp-success-color);
  }
  [part~='test-badge'] {
    display: block;
    width: fit-content;
    min-height: calc(1.4em + 0.25rem);
    min-height: calc(1lh + 0.25rem);
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
  /*
   * Argentina's disclosure is kept its place before the card is looked up (an empty box of its size),
   * and never shrinks below it: every row (cash price, financed total, installments, TEA, TNA) and the
   * large CFT, at the block's line height.
   */
  .financing-space {
    font-size: 0.875em;
  }
  .financing-space,
  .mla[part~='financing'] dl {
    min-height: calc(10.15em + 0.625rem);
    min-height: calc(7.25lh + 0.625rem);
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
  /* #14 financing: the CFT stands out for a financed plan (Argentina: Resolution E 51/2017, bold,
     highlighted, 2.25× the TEA); a 0 % CFT on a single payment is plain data, not an alarm. */
  [part~='cft'].prominent {
    font-weight: 700;
    color: var(--mp-cft-color);
  }
  .mla [part~='cft'].prominent {
    font-size: 2.25em;
  }
  [part~='financing'] abbr {
    text-decoration: underline dotted;
    cursor: help;
  }
  [part~='banner'],
  .banner-default {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
  }
  [part~='banner'] {
    font-size: 0.8125em;
    color: var(--mp-muted-color);
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    margin-bottom: 0.75rem;
  }
  /* Two lines, the brands over the links, kept from the first render. */
  .banner-default {
    flex: 1 1 100%;
    min-height: calc(2.8em + 0.25rem);
    min-height: calc(2lh + 0.25rem);
  }
  .banner-default > span {
    flex-basis: 100%;
  }
  a {
    color: var(--mp-link-color);
  }
  .note {
    font-size: 0.8125em;
    color: var(--mp-muted-color);
  }
  /* "Loading…", then the secure-fields notice, in the same two lines. */
  .notice {
    min-height: 2.8em;
    min-height: 2lh;
  }
  /* #14 results: the security note now follows the message, outside the form's grid. */
  [part~='base'] > .note {
    margin: 0.75rem 0 0;
  }
  /* #14 results: the receipt that replaces the form after an approval. */
  .receipt-title {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
    font-size: 1.25em;
    color: var(--mp-success-color);
  }
  .receipt-icon {
    flex: none;
    width: 1.5em;
    height: 1.5em;
  }
  .receipt-icon path {
    /* Set here: var() does not work in SVG presentation attributes. */
    stroke: var(--mp-background);
  }
  .receipt {
    display: grid;
    /* The labels wrap at their words in at most 45 %: on a phone, "On your card statement as" as
       wide as it likes left the figures a sliver, cut mid-number ("ARS 10,000 / .00"). */
    grid-template-columns: fit-content(45%) minmax(0, 1fr);
    gap: 0.25rem 1rem;
    margin: 0.75rem 0 0;
    /* A break inside a word only for one that cannot fit a whole line (a long statement descriptor). */
    overflow-wrap: break-word;
  }
  .receipt dt {
    color: var(--mp-muted-color);
  }
  .receipt dd {
    margin: 0;
    font-weight: 600;
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
