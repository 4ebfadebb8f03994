// WebKit's WebDriver has no request interception, so in WebKit a service worker answers
// https://sdk.mercadopago.com/js/v2 with the sandbox double (as demo/sandbox-sw.js does for the
// demo): the element still injects the official script tag through the official loader. The
// `?sandbox=` failure modes of test/helpers/sdk-interceptor.ts are answered the same way, and any
// other non-localhost request fails fast, as the interceptor does in Chromium and Firefox.
const OFFICIAL_SDK = 'https://sdk.mercadopago.com/js/v2';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const url = event.request.url;
  if (url.startsWith(OFFICIAL_SDK)) {
    const mode = new URL(url).searchParams.get('sandbox');
    if (mode === 'hang') {
      event.respondWith(new Promise(() => {}));
      return;
    }
    event.respondWith(fetch(`/__sdk-double?sandbox=${encodeURIComponent(mode ?? '')}`, { cache: 'no-store' }));
    return;
  }
  if (!/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(url) && !/^(data|blob):/.test(url)) {
    event.respondWith(Response.error());
  }
});
