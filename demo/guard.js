// The production-guard page (guard.html): builds one <mp-checkout> from the query string, so that one
// page shows every way a merchant can (mis)configure the element; the element explains the problem in
// its `message` part, in the console and in `mp-error`.
//
//   /demo/guard.html?public-key=APP_USR-x&amount=abc&action=javascript:alert(1)&site=MLC
//
// Every query parameter is set on the element as an attribute, as is (with setAttribute: a value is
// never parsed as markup); an attribute that is not given is absent. Three flags say what attributes
// cannot:
//   terms=0             no terms link (by default the element gets the demo's terms link)
//   disclosure=text     the merchant's own text in the price-disclosure slot
//   disclosure=empty    an empty price-disclosure element with data-replace (hides the element's own disclosure)
//   sdk=self-hosted     loads a copy of MercadoPago.js from this site (/dist/sandbox/mercadopago-sdk.js)
//                       as a plain script before the bundle, so window.MercadoPago exists without the
//                       official script (R1 forbids this in production)
//   csp=allow-list      read by the demo server: the page comes with the README's fallback policy (a host
//                       allow-list, no nonce), which blocks Mercado Pago's device profile (R4)
//   csp=trusted-types   read by the demo server: the README's policy with Trusted Types enforced
// Event-handler attributes (on…) are refused. No inline script or style: the demo server sends a strict
// Content-Security-Policy; scripts are added as <script src> from this origin.
import { bootSandbox } from '/demo/sandbox-boot.js';

const SELF_HOSTED_SDK = '/dist/sandbox/mercadopago-sdk.js';

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** The flags and the values each takes; any other query parameter is an attribute. */
const FLAGS = { terms: ['0'], disclosure: ['text', 'empty'], sdk: ['self-hosted'], csp: ['allow-list', 'trusted-types'] };

/** A flag's value, or null when it is not given. */
function flag(params, name) {
  const value = params.get(name);
  if (value !== null && !FLAGS[name].includes(value)) throw new Error(`${name}=${value}: use ${FLAGS[name].map((v) => `${name}=${v}`).join(' or ')}`);
  return value;
}

const DISCLOSURES = {
  text: () =>
    el('p', { slot: 'price-disclosure' }, 'Cash price, total financed price, installments, TEA and ', el('strong', {}, 'CFT'), ' as published by the store.'),
  empty: () => el('div', { slot: 'price-disclosure', 'data-replace': '' }),
};

/** The element the query string describes, not yet in the page. */
function buildCheckout(params) {
  const checkout = document.createElement('mp-checkout');
  for (const [name, value] of params) {
    if (Object.hasOwn(FLAGS, name)) continue;
    if (/^on/i.test(name)) throw new Error(`${name}: event-handler attributes are not set`);
    checkout.setAttribute(name, value);
  }
  if (flag(params, 'terms') !== '0') checkout.append(el('a', { slot: 'terms', href: '/demo/terms.html', target: '_blank' }, 'Terms and conditions'));
  const disclosure = flag(params, 'disclosure');
  if (disclosure) checkout.append(DISCLOSURES[disclosure]());
  return checkout;
}

/** The element's markup as text, one attribute a line, for the reader of the page. */
function markupOf(checkout) {
  const quote = (value) => (value.includes('"') && !value.includes("'") ? `'${value}'` : `"${value.replaceAll('"', '&quot;')}"`);
  const attributes = [...checkout.attributes].map((a) => `\n  ${a.name}=${quote(a.value)}`).join('');
  const children = [...checkout.children].map((c) => `\n  ${c.outerHTML}`).join('');
  return `<mp-checkout${attributes}\n>${children}${children ? '\n' : ''}</mp-checkout>`;
}

/** Loads a classic script from this origin and waits for it. */
function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = el('script', { src });
    script.addEventListener('load', resolve, { once: true });
    script.addEventListener('error', () => reject(new Error(`${src} did not load`)), { once: true });
    document.head.append(script);
  });
}

async function main() {
  const params = new URLSearchParams(location.search);
  const checkout = buildCheckout(params);
  document.getElementById('markup').textContent = markupOf(checkout);
  document.getElementById('checkout').append(checkout);
  // Added now, before any await: the page's load event waits for it, as for a <script> in the markup.
  if (flag(params, 'sdk') === 'self-hosted') await loadScript(SELF_HOSTED_SDK);
  flag(params, 'csp'); // only checked here: the server already sent the policy it names
  // The sandbox SDK where a service worker can run (never needed on a plain-HTTP host), then the bundle.
  await bootSandbox();
}

main().catch((error) => {
  const note = document.createElement('p');
  note.textContent = `The page could not start: ${error.message}`;
  document.body.prepend(note);
});
