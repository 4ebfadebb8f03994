/**
 * Carries the element's theme into the Secure Fields iframes, which no page CSS can reach: the SDK's
 * `style` option accepts only a few properties, as plain values. Colours, font and size come
 * resolved from the theme probe (src/mp-checkout.styles.ts), so `light-dark()`, `var()` and
 * `inherit` arrive as the colour the buyer sees; the rest only when the merchant set them.
 */
import type { SecureFieldStyle } from '../mercadopago/sdk-types.js';
import type { ThemePropertyName } from '../view/theme.js';

/** Read from the probe's computed style, where each is set from its theme property. */
const RESOLVED: Array<[keyof SecureFieldStyle, string, ThemePropertyName]> = [
  ['color', 'color', '--mp-input-color'],
  ['placeholder-color', 'border-top-color', '--mp-placeholder-color'],
  ['font-family', 'font-family', '--mp-font-family'],
  ['font-size', 'font-size', '--mp-input-font-size'],
];

/** Passed as the merchant wrote them (unset ones are left out: MercadoPago.js decides). */
const AS_SET: Array<[keyof SecureFieldStyle, ThemePropertyName]> = [
  ['font-weight', '--mp-input-font-weight'],
  ['height', '--mp-input-height'],
  ['padding', '--mp-input-padding'],
];

/** The theme properties that reach the Secure Fields. */
export const SECURE_FIELD_THEME: readonly ThemePropertyName[] = [...RESOLVED.map(([, , name]) => name), ...AS_SET.map(([, name]) => name)];

/** The Secure Fields style for the host's theme now; `probe` is the element's theme probe. */
export function secureFieldStyle(host: Element, probe: Element): SecureFieldStyle {
  const style: SecureFieldStyle = {};
  const resolved = getComputedStyle(probe);
  for (const [key, property] of RESOLVED) {
    const value = resolved.getPropertyValue(property).trim();
    if (value) style[key] = value;
  }
  const computed = getComputedStyle(host);
  for (const [key, variable] of AS_SET) {
    const value = computed.getPropertyValue(variable).trim();
    if (value) style[key] = value;
  }
  return style;
}
