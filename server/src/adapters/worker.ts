/**
 * Cloudflare Workers. wrangler.toml points here; `nodejs_compat` gives `pg` its sockets and the
 * Mercado Pago SDK its `crypto`. Secrets: `wrangler secret put MP_ACCESS_TOKEN` (and MP_WEBHOOK_SECRET,
 * DATABASE_URL, MERCHANT_API_TOKEN). With a Hyperdrive binding named HYPERDRIVE its connection string
 * is used instead of DATABASE_URL.
 */
import { handleServerless } from '../serverless.ts';

interface WorkerEnv {
  HYPERDRIVE?: { connectionString: string };
  [name: string]: unknown;
}

export default {
  fetch(request: Request, env: WorkerEnv, ctx: { waitUntil(promise: Promise<unknown>): void }): Promise<Response> {
    const withDatabase = env.HYPERDRIVE ? { ...env, DATABASE_URL: env.HYPERDRIVE.connectionString } : env;
    return handleServerless(request, withDatabase, ctx);
  },
};
