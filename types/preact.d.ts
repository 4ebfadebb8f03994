// Types <mp-checkout> in Preact's JSX. Include it once: `import type {} from 'mp-checkout/types/preact';`.
import type { CustomElements } from './generated/jsx.js';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
