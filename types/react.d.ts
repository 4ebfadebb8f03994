// Types <mp-checkout> in React 19's JSX (React 19 sets properties and listens to `onmp-*` events on
// custom elements itself). Include it once: `import type {} from 'mp-checkout/types/react';`.
// React 18 cannot pass properties or events to custom elements: use the `mp-checkout/react` wrapper.
import type { CustomElements } from './generated/jsx.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
