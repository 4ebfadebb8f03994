/**
 * Answers https://sdk.mercadopago.com/js/v2 with the sandbox double, in the browser under test.
 * A test chooses a failure by pre-inserting the official script with a `?sandbox=` query (the
 * loader reuses any script whose src matches the official URL): `fail` answers 404, `hang` never
 * answers, `empty` loads a script that defines nothing, `blocked-fields` loads the double but its
 * Secure Fields never report `ready` (as when a content blocker blocks Mercado Pago's field hosts).
 */
import type { HTTPRequest, Page } from 'puppeteer-core';
import { buildSandboxSdk } from './build-sandbox-sdk.ts';
import type { Context, Next } from 'koa';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

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
    await request.respond(await sdkDoubleResponse(mode));
  };
  page.on('request', (request) => void answer(request));
}

/** The answer to the official SDK URL for a `?sandbox=` mode (`hang` is the caller's to handle). */
export async function sdkDoubleResponse(mode: string | null): Promise<{ status: number; contentType: string; headers: Record<string, string>; body: string }> {
  if (mode === 'fail') return { status: 404, contentType: 'text/plain', headers: {}, body: 'not found' };
  const body = mode === 'empty' ? '/* nothing */' : (await buildSandboxSdk()) + (mode === 'blocked-fields' ? BLOCK_FIELDS : '');
  return { status: 200, contentType: 'application/javascript', headers: { 'access-control-allow-origin': '*' }, body };
}

/**
 * Test-server middleware for engines without request interception (WebKit): serves the service
 * worker test/helpers/sdk-double-sw.js at /sdk-double-sw.js (scope "/") and the double it answers
 * the official SDK URL with at /__sdk-double?sandbox=<mode>.
 */
export function sdkDoubleMiddleware() {
  const swPath = fileURLToPath(new URL('./sdk-double-sw.js', import.meta.url));
  return async (ctx: Context, next: Next) => {
    if (ctx.path === '/sdk-double-sw.js') {
      ctx.type = 'application/javascript';
      ctx.set('cache-control', 'no-store');
      ctx.body = await readFile(swPath, 'utf8');
      return;
    }
    if (ctx.path === '/__sdk-double') {
      const answer = await sdkDoubleResponse(ctx.query.sandbox ? String(ctx.query.sandbox) : null);
      ctx.status = answer.status;
      ctx.type = answer.contentType;
      ctx.set('cache-control', 'no-store');
      ctx.body = answer.body;
      return;
    }
    await next();
  };
}
