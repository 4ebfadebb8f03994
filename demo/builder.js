// The snippet builder: a merchant's settings → the live checkout (on the sandbox), the HTML snippet
// to paste into a page builder's embed, the Content-Security-Policy header that snippet needs (the
// README's nonce + 'strict-dynamic' policy, and the allow-list fallback for sites that cannot add a
// nonce), and the SRI hash of the script. Every value goes into the snippet attribute-escaped, and onto the page
// as text only. The theme is a <style> block in the snippet (custom properties), allowed in the CSP by
// its hash; the live checkout gets the same properties through the CSSOM, which this page's own
// strict CSP allows.
import { bootSandbox, BUNDLE } from '/demo/sandbox-boot.js';

/** The live checkout pays here: the sandbox endpoint takes any amount, and no request leaves the machine. */
const SANDBOX_ACTION = '/sandbox/process_payment';

/**
 * Stands for the nonce in the header and on the snippet's script tag. It cannot be filled in here: a
 * nonce is only worth anything if the server makes a new one for every response.
 */
const NONCE_PLACEHOLDER = '{RANDOM_PER_RESPONSE}';

/** The hosts of MercadoPago.js (and Mercado Pago's device profile for pages without it). */
const MERCADO_PAGO_SCRIPT_HOSTS = ['https://sdk.mercadopago.com', 'https://www.mercadopago.com'];

/**
 * The README's fallback policy (demo/server.ts `ALLOW_LIST_CSP`), to which the snippet's own origins
 * and style are added. The recommended policy (`contentSecurityPolicy(nonce)`) is the same with the
 * nonce and 'strict-dynamic' in front of `script-src`: see `cspOf`.
 */
const BASE_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'", ...MERCADO_PAGO_SCRIPT_HOSTS],
  'frame-src': ["'self'", 'https://secure-fields.mercadopago.com', 'https://*.mercadopago.com', 'https://*.mercadolibre.com'],
  'connect-src': [
    "'self'",
    'https://api.mercadopago.com',
    'https://secure-fields.mercadopago.com',
    'https://api-static.mercadopago.com',
    'https://api.mercadolibre.com',
    'https://http2.mlstatic.com',
  ],
  'img-src': ["'self'", 'data:', 'https://*.mlstatic.com', 'https://*.mercadopago.com'],
  'style-src': ["'self'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** The themes: `--mp-*` custom properties (custom-elements.json lists them all). */
const THEMES = {
  default: {},
  dark: {
    '--mp-color': '#e6edf3',
    '--mp-background': '#0d1117',
    '--mp-border-color': '#30363d',
    '--mp-input-color': '#e6edf3',
    '--mp-placeholder-color': '#8b949e',
    '--mp-button-background': '#2f81f7',
    '--mp-button-color': '#ffffff',
    '--mp-error-color': '#ff7b72',
  },
  rounded: {
    '--mp-radius': '12px',
    '--mp-button-background': '#009ee3',
    '--mp-button-color': '#ffffff',
    '--mp-border-color': '#b6d9f0',
  },
};

/** Escapes a value for a double-quoted HTML attribute (and for text, where `<` and `&` matter). */
export function escapeAttribute(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The origin of an absolute http(s) URL, or null for a relative or other URL (same origin as the page). */
function originOf(url) {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.origin : null;
  } catch {
    return null;
  }
}

const base64 = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)));
const digest = async (algorithm, bytes) => base64(await crypto.subtle.digest(algorithm, bytes));

/** `sha384-…` of the script this demo serves: what a browser checks against `integrity`. */
async function scriptIntegrity() {
  const response = await fetch(BUNDLE, { cache: 'no-store' });
  return `sha384-${await digest('SHA-384', await response.arrayBuffer())}`;
}

function themeCss(theme) {
  const entries = Object.entries(THEMES[theme] ?? {});
  return entries.length ? `mp-checkout { ${entries.map(([name, value]) => `${name}: ${value};`).join(' ')} }` : '';
}

function snippetOf(settings, integrity, css) {
  const attributes = [
    ['public-key', settings.publicKey],
    ['amount', settings.amount],
    ['action', settings.action],
    ['site', settings.site],
    ['locale', settings.locale],
  ];
  // The nonce lets the script run under the recommended policy; under the fallback it does nothing.
  const lines = [
    `<script type="module" nonce="${NONCE_PLACEHOLDER}" src="${escapeAttribute(settings.scriptUrl)}" integrity="${integrity}" crossorigin="anonymous"></script>`,
  ];
  if (css) lines.push(`<style>${css}</style>`);
  lines.push(
    '<mp-checkout',
    ...attributes.map(([name, value]) => `  ${name}="${escapeAttribute(value)}"`),
    '>',
    '  <a slot="terms" href="/terms">Terms and conditions</a>',
    '</mp-checkout>',
  );
  return lines.join('\n');
}

/**
 * The two headers for the snippet: `recommended` with a nonce and 'strict-dynamic', under which
 * MercadoPago.js's inline device profile runs (R4: `device_id`); `fallback`, the host allow-list
 * alone, for sites that can send a header but not a fresh nonce, which blocks the device profile.
 * Both keep the script's host in `script-src`: browsers that know 'strict-dynamic' ignore hosts and
 * trust the script through its nonce, older ones through its host.
 */
async function cspOf(settings, css) {
  const policy = structuredClone(BASE_CSP);
  const scriptOrigin = originOf(settings.scriptUrl);
  if (scriptOrigin) policy['script-src'].push(scriptOrigin);
  const actionOrigin = originOf(settings.action);
  if (actionOrigin) policy['connect-src'].push(actionOrigin);
  // A hash source allows exactly this <style> block and no other inline style.
  if (css) policy['style-src'].push(`'sha256-${await digest('SHA-256', new TextEncoder().encode(css))}'`);
  const header = (directives) =>
    `Content-Security-Policy: ${Object.entries(directives)
      .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
      .join('; ')}`;
  const recommended = { ...policy, 'script-src': [`'nonce-${NONCE_PLACEHOLDER}'`, "'strict-dynamic'", ...policy['script-src']] };
  return { recommended: header(recommended), fallback: header(policy) };
}

function readSettings() {
  const value = (id) => document.getElementById(id).value.trim();
  return {
    publicKey: value('public-key'),
    amount: value('amount'),
    site: value('site'),
    locale: value('locale'),
    action: value('action'),
    scriptUrl: value('script-url'),
    theme: value('theme'),
  };
}

function updatePreview(preview, settings) {
  preview.setAttribute('public-key', settings.publicKey);
  preview.setAttribute('amount', settings.amount);
  preview.setAttribute('site', settings.site);
  preview.setAttribute('locale', settings.locale);
  preview.setAttribute('action', SANDBOX_ACTION);
  for (const name of new Set(Object.values(THEMES).flatMap(Object.keys))) preview.style.removeProperty(name);
  for (const [name, value] of Object.entries(THEMES[settings.theme] ?? {})) preview.style.setProperty(name, value);
}

/** What each copy button copies, for the status line. */
const COPIED = { snippet: 'snippet', csp: 'header', 'csp-fallback': 'fallback header', sri: 'SRI hash' };

async function main() {
  const preview = document.getElementById('preview');
  const integrityPromise = scriptIntegrity();
  let generation = 0;
  const update = async () => {
    const mine = ++generation;
    const settings = readSettings();
    updatePreview(preview, settings);
    const css = themeCss(settings.theme);
    const [integrity, csp] = await Promise.all([integrityPromise, cspOf(settings, css)]);
    if (mine !== generation) return; // a later edit already wrote newer output
    document.getElementById('snippet').textContent = snippetOf(settings, integrity, css);
    document.getElementById('csp').textContent = csp.recommended;
    document.getElementById('csp-fallback').textContent = csp.fallback;
    document.getElementById('sri').textContent = integrity;
  };
  const form = document.getElementById('settings');
  form.addEventListener('input', () => void update());
  form.addEventListener('change', () => void update());
  form.addEventListener('submit', (event) => event.preventDefault());

  const status = document.getElementById('copy-status');
  for (const button of document.querySelectorAll('[data-copy]')) {
    button.addEventListener('click', async () => {
      const text = document.getElementById(button.dataset.copy).textContent;
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = `Copied the ${COPIED[button.dataset.copy]}.`;
      } catch {
        status.textContent = 'The browser refused the clipboard: select the text and copy it.';
      }
    });
  }

  await update();
  await bootSandbox();
}

void main();
