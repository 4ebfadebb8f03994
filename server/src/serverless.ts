/**
 * The handler on serverless platforms (Workers, Vercel, Netlify, Deno Deploy): a managed PostgreSQL
 * (DATABASE_URL) shared by every instance, one connection per invocation, closed when the work it
 * started is done. Migrations are not run here (every cold start would race for them): run
 * `npm run migrate` with the same DATABASE_URL once per deploy.
 */
import { gatewayFor, handlerOptions, readConfig, type Env } from './config.ts';
import { openPostgres } from './db/postgres.ts';
import type { PaymentGateway } from './gateway.ts';
import { createHandler, type HandlerOptions, type WaitUntil } from './handler.ts';

let gateway: PaymentGateway | undefined;

export async function handleServerless(
  request: Request,
  env: Env,
  ctx?: WaitUntil,
  overrides: Partial<HandlerOptions> = {},
): Promise<Response> {
  const config = readConfig(env);
  if (!config.databaseUrl) {
    return Response.json({ message: 'DATABASE_URL is not set: serverless instances need a shared PostgreSQL' }, { status: 500 });
  }
  // One gateway per instance: the sandbox keeps its payments in memory between requests.
  gateway ??= gatewayFor(config);
  const db = openPostgres(config.databaseUrl, { max: 1 });
  const handler = createHandler({ ...handlerOptions(config, db, gateway), ...(ctx ? {} : { processWebhooksBeforeAnswering: true }), ...overrides });
  const response = await handler.fetch(request, ctx);
  const done = handler.idle().then(() => db.close());
  if (ctx) ctx.waitUntil(done);
  else await done;
  return response;
}
