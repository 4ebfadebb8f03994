/**
 * What each `--mp-*` theme property does, for the manifest (custom-elements.json `cssProperties`,
 * and from it the editors' data and the README). Apart from the values (theme.ts) so that no buyer
 * downloads them; `satisfies` makes the typecheck refuse a property of theme.ts without a
 * description here, or a description of no property. Type imports only: the manifest plugin loads
 * this file on its own.
 */
import type { ThemePropertyName } from './theme.js';

export const THEME_DESCRIPTIONS = {
  '--mp-color': 'Text colour.',
  '--mp-background': 'Background of the box.',
  '--mp-border-color': 'Border colour of the box (and of the 3-D Secure frame).',
  '--mp-radius': 'Corner radius of the box and the buttons.',
  '--mp-spacing': 'Padding inside the box.',
  '--mp-max-width': 'Widest the element grows.',
  '--mp-font-family': 'Font family (also inside the Secure Fields, which cannot load the page’s web fonts).',
  '--mp-font-size': 'Base font size.',
  '--mp-input-color': 'Input text colour (also inside the Secure Fields).',
  '--mp-input-background': 'Input background (also behind the Secure Fields).',
  '--mp-input-border-color': 'Input border colour.',
  '--mp-input-radius': 'Input corner radius.',
  '--mp-input-height': 'Input height (also the Secure Fields’ height).',
  '--mp-input-font-size': 'Input font size (also inside the Secure Fields).',
  '--mp-input-font-weight': 'Font weight inside the Secure Fields; unset: MercadoPago.js decides.',
  '--mp-input-padding': 'Padding inside the Secure Fields; unset: MercadoPago.js decides.',
  '--mp-placeholder-color': 'Placeholder colour inside the Secure Fields.',
  '--mp-focus-color': 'Focus ring colour (the element’s inputs and the Secure Fields’ frames).',
  '--mp-focus-width': 'Focus ring width.',
  '--mp-error-color': 'Error text and invalid-field border colour.',
  '--mp-success-color': 'Colour of an approval message.',
  '--mp-muted-color': 'Secondary text: card brand, banner, notes.',
  '--mp-link-color': 'Link colour.',
  '--mp-button-color': 'Pay button text colour.',
  '--mp-button-background': 'Pay button background.',
  '--mp-test-badge-color': 'Text colour of the "test mode" badge.',
  '--mp-test-badge-background': 'Background of the "test mode" badge.',
  '--mp-financing-accent': 'Accent bar of the financing block.',
  '--mp-cft-color': 'Highlight colour of the CFT (Argentina: Resolution E 51/2017).',
  '--mp-skeleton': 'Colour of the loading placeholders.',
} as const satisfies Record<ThemePropertyName, string>;
