/**
 * Runs first when the bundle is evaluated: on a page that already holds an `<mp-checkout>` with a
 * public key, MercadoPago.js is requested right away, before Lit and the element are even
 * evaluated. The official loader keeps its one promise, so the element's own request later (with
 * its `sdk-timeout`) joins this one instead of inserting a second script.
 */
import { prefetchOfficialSdk } from './sdk-loader.js';
import { keyMode } from '../session/config.js';

function prefetchSdk(doc: Document): void {
  const keyed = Array.from(doc.querySelectorAll('mp-checkout[public-key]')).some((el) => keyMode(el.getAttribute('public-key') ?? '') !== undefined);
  // Through the element's own path: a page enforcing Trusted Types must get the policy'd script tag.
  if (keyed) prefetchOfficialSdk();
}

if (typeof document !== 'undefined') prefetchSdk(document);
