// Sandbox boot shared by the demo pages. A service worker answers MercadoPago.js's official URL
// (https://sdk.mercadopago.com/js/v2) with the sandbox double, then the real CDN bundle loads, so the
// official loader runs unchanged — exactly as on a merchant's page, with no network.
//
// Service workers exist only in secure contexts (HTTPS, localhost). On a plain-HTTP host the worker is
// skipped and MercadoPago.js is requested from its official URL like on any page (a test can answer
// that request itself); the element's production guard is what such a page exercises.

export const SANDBOX_WORKER = '/sandbox-sw.js';
export const BUNDLE = '/dist/mp-checkout.js';

/**
 * The worker's URL as `register` takes it: under Trusted Types (guard.html?csp=trusted-types) a
 * TrustedScriptURL from this demo's own policy, which lets through that one URL.
 */
function sandboxWorkerUrl() {
  if (!window.trustedTypes) return SANDBOX_WORKER;
  const policy = window.trustedTypes.createPolicy('mp-checkout-demo', {
    createScriptURL: (url) => {
      if (url !== SANDBOX_WORKER) throw new TypeError(`mp-checkout-demo: only ${SANDBOX_WORKER}`);
      return url;
    },
  });
  return policy.createScriptURL(SANDBOX_WORKER);
}

/** Registers the sandbox worker and waits until it controls this page. False when no worker can run here. */
export async function useSandboxSdk() {
  if (!window.isSecureContext || !('serviceWorker' in navigator)) return false;
  await navigator.serviceWorker.register(sandboxWorkerUrl());
  const registration = await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    const controlled = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    // The worker claims every page when it activates; a page that arrived during that activation
    // would wait forever for a claim that already happened, so it asks for one.
    registration.active?.postMessage('claim');
    await controlled;
  }
  return true;
}

/** Sandbox first (where it can run), then the element's CDN bundle. */
export async function bootSandbox(bundle = BUNDLE) {
  const sandboxed = await useSandboxSdk();
  await import(bundle);
  return sandboxed;
}
