// Answers https://sdk.mercadopago.com/js/v2 with the sandbox double, so the demo runs the real
// loader path (@mercadopago/sdk-js injecting the official script tag) with no network.
const OFFICIAL_SDK = 'https://sdk.mercadopago.com/js/v2';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
// A page that loaded while this worker was activating can miss the claim above (WebKit, seen in the
// e2e run): it asks again, and claiming twice is harmless.
self.addEventListener('message', (event) => {
  if (event.data === 'claim') event.waitUntil(self.clients.claim());
});
self.addEventListener('fetch', (event) => {
  if (event.request.url.startsWith(OFFICIAL_SDK)) {
    event.respondWith(fetch('/dist/sandbox/mercadopago-sdk.js', { cache: 'no-cache' }));
  }
});
