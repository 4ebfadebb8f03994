/**
 * Answers https://sdk.mercadopago.com/js/v2 with the sandbox double, in the browser under test.
 * A test chooses a failure by pre-inserting the official script with a `?sandbox=` query (the
 * loader reuses any script whose src matches the official URL): `fail` answers 404, `hang` never
 * answers, `empty` loads a script that defines nothing, `blocked-fields` loads the double but its
 * Secure Fields never report `ready` (as when a content blocker blocks Mercado Pago's field hosts).
 */
import type { HTTPRequest, Page } from 'puppeteer-core';
import { buildSandboxSdk } from './build-sandbox-sdk.ts';

export const OFFICIAL_SDK_URL = 'https://sdk.mercadopago.com/js/v2';

/** Drops every `ready` listener: the iframes exist, but nothing inside them ever answers. */
const BLOCK_FIELDS = `
;(() => {
  const Sdk = window.MercadoPago;
  window.MercadoPago = class extends Sdk {
    constructor(...args) {
      super(...args);
      const create = this.fields.create.bind(this.fields);
      this.fields.create = (type, options) => {
        const field = create(type, options);
        const on = field.on.bind(field);
        field.on = (event, callback) => (event === 'ready' ? field : on(event, callback));
        return field;
      };
    }
  };
})();`;

export async function sdkInterceptor(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  const answer = async (request: HTTPRequest): Promise<void> => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (!url.startsWith(OFFICIAL_SDK_URL)) {
      // Nothing but localhost is reachable; anything else fails fast instead of hanging.
      if (/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(url) || url.startsWith('data:') || url.startsWith('blob:')) {
        await request.continue();
      } else {
        await request.abort('internetdisconnected');
      }
      return;
    }
    const mode = new URL(url).searchParams.get('sandbox');
    if (mode === 'hang') return;
    if (mode === 'fail') {
      await request.respond({ status: 404, contentType: 'text/plain', body: 'not found' });
      return;
    }
    const body = mode === 'empty' ? '/* nothing */' : (await buildSandboxSdk()) + (mode === 'blocked-fields' ? BLOCK_FIELDS : '');
    await request.respond({
      status: 200,
      contentType: 'application/javascript',
      headers: { 'access-control-allow-origin': '*' },
      body,
    });
  };
  page.on('request', (request) => void answer(request));
}
