import { MpCheckoutElement } from './mp-checkout.js';

// A page can end up with two copies of the bundle (a CMS plugin plus a theme): warn, don't throw.
const existing = customElements.get('mp-checkout');
if (!existing) {
  customElements.define('mp-checkout', MpCheckoutElement);
} else if (existing !== MpCheckoutElement) {
  console.warn('<mp-checkout> is already defined by another copy of mp-checkout; this copy is not used.');
}

declare global {
  interface HTMLElementTagNameMap {
    'mp-checkout': MpCheckoutElement;
  }
}
