/**
 * Netlify Functions (v2, web-standard signature). Place as `netlify/functions/mp-checkout.ts`
 * re-exporting this file; the `config.path` below maps the routes at the site's root.
 */
import { handleServerless } from '../serverless.ts';

interface NetlifyContext {
  waitUntil(promise: Promise<unknown>): void;
}

export default (request: Request, context: NetlifyContext) => handleServerless(request, process.env, context);

export const config = {
  path: ['/process_payment', '/payment_status', '/webhooks/mercadopago', '/orders', '/orders/*', '/health'],
};
