// Types <mp-checkout> in Vue templates through Vue's `GlobalComponents` (the generated file declares
// it). Include it once: `import type {} from 'mp-checkout/types/vue';`, and tell Vue's compiler that
// `mp-checkout` is a custom element (`compilerOptions.isCustomElement`).
export type { CustomElements } from './generated/vue.js';
