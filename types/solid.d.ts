// Types <mp-checkout> in Solid's JSX (`on:mp-payment`, `prop:payer`…). Include it once:
// `import type {} from 'mp-checkout/types/solid';`.
import type { CustomElements } from './generated/solid.js';

declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
