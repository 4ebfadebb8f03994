/**
 * Node adapter: `npm run server` (repository root) or `npm start` (server/). Embedded PGlite unless
 * DATABASE_URL is set; sandbox payments unless MP_ACCESS_TOKEN is set. PORT (default 8787), HOST
 * (default 127.0.0.1; 0.0.0.0 to listen on every interface).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gatewayFor, handlerOptions, readConfig, type Env } from '../config.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrations.ts';
import { openPostgres } from '../db/postgres.ts';
import { consoleLogger, createHandler, type HandlerOptions, type MerchantHandler } from '../handler.ts';

const MAX_BODY = 1_000_000;

/** Reads a Node request into a web Request (the body is read whole: payments and webhooks are small). */
export async function toWebRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      // Stop reading at the cap: what arrived is already more than the handler accepts, so it answers 413.
      if (size > MAX_BODY) break;
      chunks.push(chunk);
    }
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? '/', origin), { method: req.method, headers, body });
}

export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** A Node request listener for the handler. */
export function nodeListener(handler: MerchantHandler, origin: () => string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    toWebRequest(req, origin())
      .then((request) => handler.fetch(request))
      .then((response) => sendWebResponse(res, response))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('server error');
      });
  };
}

/** Opens the database the configuration names and brings its schema up to date. */
export async function openDatabase(env: Env): Promise<Database> {
  const config = readConfig(env);
  let db: Database;
  if (config.databaseUrl) db = openPostgres(config.databaseUrl);
  else {
    // Loaded only here, so serverless bundles that use DATABASE_URL never carry PGlite.
    const { openPglite } = await import('../db/pglite.ts');
    if (!config.pgliteDir.startsWith('memory://')) mkdirSync(config.pgliteDir, { recursive: true });
    db = await openPglite(config.pgliteDir);
  }
  await migrate(db);
  return db;
}

export interface RunningServer {
  url: string;
  handler: MerchantHandler;
  db: Database;
  close(): Promise<void>;
}

export async function startServer(
  options: { env?: Env; port?: number; host?: string; overrides?: Partial<HandlerOptions> } = {},
): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const config = readConfig(env);
  const db = await openDatabase(env);
  const handler = createHandler({ ...handlerOptions(config, db, gatewayFor(config)), ...options.overrides });
  let url = '';
  const server: Server = createServer(nodeListener(handler, () => url));
  await new Promise<void>((done) => server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  url = `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`;
  return {
    url,
    handler,
    db,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await handler.idle();
      await db.close();
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const config = readConfig(process.env);
  const running = await startServer({ port: Number(process.env.PORT ?? 8787), host: process.env.HOST ?? '127.0.0.1' });
  consoleLogger('info', 'listening', {
    url: running.url,
    payments: config.accessToken ? 'mercadopago' : 'sandbox (no MP_ACCESS_TOKEN)',
    database: running.db.kind === 'postgres' ? 'postgres (DATABASE_URL)' : `pglite (${config.pgliteDir})`,
    webhooks: config.webhookSecret ? 'on' : 'off (no MP_WEBHOOK_SECRET)',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // Finish webhook work already accepted before the database closes.
      running.close().then(() => process.exit(0), () => process.exit(1));
    });
  }
}
