// Types <mp-checkout> in Svelte templates. Include it once: `import type {} from 'mp-checkout/types/svelte';`.
// The generated file declares a `svelteHTML` namespace, but inside a module, where it augments nothing;
// Svelte's documented place for custom elements is `SvelteHTMLElements` in `svelte/elements`.
import type { CustomElements } from './generated/svelte.js';

declare module 'svelte/elements' {
  interface SvelteHTMLElements extends CustomElements {}
}
