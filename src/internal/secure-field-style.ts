/**
 * Carries the element's theme into the Secure Fields iframes, which no page CSS can reach: the
 * `--mp-*` custom properties are read from the host and passed as the SDK's `style` option, which
 * accepts only a few properties.
 */
import type { SecureFieldStyle } from '../mercadopago/sdk-types.js';

const MAPPING: Array<[keyof SecureFieldStyle, string]> = [
  ['color', '--mp-input-color'],
  ['font-family', '--mp-font-family'],
  ['font-size', '--mp-input-font-size'],
  ['font-weight', '--mp-input-font-weight'],
  ['placeholder-color', '--mp-placeholder-color'],
  ['height', '--mp-input-height'],
  ['padding', '--mp-input-padding'],
];

/** The Secure Fields style for the host's current custom properties (unset ones are left out). */
export function secureFieldStyle(host: Element): SecureFieldStyle {
  const computed = getComputedStyle(host);
  const style: SecureFieldStyle = {};
  for (const [property, variable] of MAPPING) {
    const value = computed.getPropertyValue(variable).trim();
    if (value) style[property] = value;
  }
  return style;
}
