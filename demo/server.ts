/**
 * The demo server: serves the demo pages and the built bundle, and answers as the merchant's backend
 * with the reference server's handler (server/): the demo shop's orders below in an in-memory PGlite,
 * payments on the sandbox — no network, no credentials. The sandbox's 3-D Secure pages come from
 * demo/sandbox-http.ts, sharing the handler's sandbox so a challenge completes the payment it opened.
 *   npm start            → http://localhost:8080/
 *   PORT=0 (or a port)   → chosen port, printed as "listening on <url>"
 *   MP_WEBHOOK_SECRET    → enables POST /webhooks/mercadopago (refused without it: no fallback secret)
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandboxMerchant } from '../sandbox/endpoint.ts';
import { sendWebResponse, toWebRequest } from '../server/src/adapters/node.ts';
import { migrate } from '../server/src/db/migrations.ts';
import { openPglite } from '../server/src/db/pglite.ts';
import { sandboxGateway } from '../server/src/gateway.ts';
import { consoleLogger, createHandler } from '../server/src/handler.ts';
import { orderStore, type NewOrder } from '../server/src/orders.ts';
import { createSandboxHttp } from './sandbox-http.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

const OTHER_DIRECTIVES = [
  "frame-src 'self' https://secure-fields.mercadopago.com https://*.mercadopago.com https://*.mercadolibre.com",
  "connect-src 'self' https://api.mercadopago.com https://secure-fields.mercadopago.com https://api-static.mercadopago.com https://api.mercadolibre.com https://http2.mlstatic.com",
  "img-src 'self' data: https://*.mlstatic.com https://*.mercadopago.com",
  "style-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
];

/**
 * The Content-Security-Policy recipe from the README, for one response: no unsafe-eval, no inline
 * script but what carries this response's nonce. With 'strict-dynamic', a script a trusted script
 * adds is trusted too — MercadoPago.js added by the official loader, its inline device profile, the
 * element's lazy chunks — and browsers that know it ignore 'self' and the hosts, which stay for
 * those that do not.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic' 'self' https://sdk.mercadopago.com https://www.mercadopago.com`,
    ...OTHER_DIRECTIVES,
  ].join('; ');
}

/**
 * The README's fallback: the same policy as a host allow-list, without nonces. It works, but blocks
 * Mercado Pago's device profile (an inline script MercadoPago.js adds), so payments go without
 * `device_id`. The demo serves it for `?csp=allow-list`, to show what that costs.
 */
export const ALLOW_LIST_CSP = ["default-src 'self'", "script-src 'self' https://sdk.mercadopago.com https://www.mercadopago.com", ...OTHER_DIRECTIVES].join(
  '; ',
);

/**
 * The recipe with Trusted Types enforced, for `?csp=trusted-types`: the element's policy
 * (`mp-checkout`), Lit's (`lit-html`) and this demo's for its sandbox worker (`mp-checkout-demo`).
 */
export const trustedTypesPolicy = (nonce: string): string =>
  `${contentSecurityPolicy(nonce)}; require-trusted-types-for 'script'; trusted-types mp-checkout lit-html mp-checkout-demo`;

/** The policy a demo page asked for with `?csp=`: the recipe unless it names another. */
function policyFor(url: URL, nonce: string): string {
  const asked = url.searchParams.get('csp');
  return asked === 'allow-list' ? ALLOW_LIST_CSP : asked === 'trusted-types' ? trustedTypesPolicy(nonce) : contentSecurityPolicy(nonce);
}

/** A fresh nonce: 128 random bits, base64. */
export const newNonce = (): string => randomBytes(16).toString('base64');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

// Only these folders are public; nothing else in the repository is served.
const PUBLIC = ['demo', 'dist'];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 1_000_000) req.destroy();
    });
    req.on('end', () => done(text));
    req.on('error', fail);
  });
}

/** Every `<script` tag of a page gets the response's nonce (the demo pages hold no inline script). */
const withNonce = (html: string, nonce: string): string => html.replaceAll('<script ', `<script nonce="${nonce}" `);

async function serveFile(url: URL, res: ServerResponse): Promise<boolean> {
  const { pathname } = url;
  let relative = pathname === '/' ? '/demo/index.html' : pathname;
  // The service worker must sit at the root to control the whole demo.
  if (relative === '/sandbox-sw.js') relative = '/demo/sandbox-sw.js';
  const file = normalize(join(root, decodeURIComponent(relative)));
  if (!PUBLIC.some((dir) => file.startsWith(join(root, dir) + sep))) return false;
  try {
    if (!(await stat(file)).isFile()) return false;
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
    let body: Buffer | string = await readFile(file);
    if (type.startsWith('text/html')) {
      const nonce = newNonce();
      headers['Content-Security-Policy'] = policyFor(url, nonce);
      body = withNonce(body.toString('utf8'), nonce);
    }
    res.writeHead(200, headers);
    res.end(body);
    return true;
  } catch {
    return false;
  }
}

/** The demo shop's orders: each demo page pays one of these (its `external-reference`), re-priced by the server. */
export const DEMO_ORDERS: readonly NewOrder[] = [
  {
    external_reference: 'order-1042',
    amount: 15000,
    description: 'Yerba mate kit',
    items: [{ id: 'kit-1', title: 'Yerba mate kit', quantity: 1, unit_price: 15000 }],
  },
  {
    external_reference: 'order-2051',
    amount: 250000,
    description: 'Bicicleta urbana',
    items: [{ id: 'bike-1', title: 'Bicicleta urbana', quantity: 1, unit_price: 250000 }],
  },
  {
    external_reference: 'order-3107',
    amount: 1200,
    description: 'Fone de ouvido',
    items: [{ id: 'fone-1', title: 'Fone de ouvido', quantity: 1, unit_price: 1200 }],
  },
  { external_reference: 'order-4420', amount: 6000, description: 'Cafetera', items: [{ id: 'cafe-1', title: 'Cafetera', quantity: 1, unit_price: 6000 }] },
];

/** The reference server's routes; everything else is the demo's. */
const MERCHANT_ROUTES = new Set(['/process_payment', '/payment_status', '/webhooks/mercadopago']);

export async function startDemoServer(port: number, host = '127.0.0.1'): Promise<{ url: string; close: () => Promise<void> }> {
  const merchant = createSandboxMerchant();
  const sandbox = createSandboxHttp(merchant);
  const db = await openPglite('memory://');
  await migrate(db);
  const store = orderStore(db);
  for (const order of DEMO_ORDERS) await store.create(order);
  const handler = createHandler({
    db,
    gateway: sandboxGateway(merchant),
    webhookSecret: process.env.MP_WEBHOOK_SECRET,
    // The demo pages pay the same sample order again and again, to show every result.
    refusePaidOrders: false,
    log: (level, event, fields) => void (level !== 'info' && consoleLogger(level, event, fields)),
  });
  let origin = 'http://localhost';
  const respond = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (MERCHANT_ROUTES.has(url.pathname)) {
        await sendWebResponse(res, await handler.fetch(await toWebRequest(req, origin)));
        return;
      }
      const body = req.method === 'POST' ? await readBody(req) : '';
      const answer = sandbox({ method: req.method ?? 'GET', url, headers: req.headers as Record<string, string>, body });
      if (answer) {
        const headers: Record<string, string> = { 'Content-Type': answer.contentType };
        if (answer.contentType.startsWith('text/html')) headers['Content-Security-Policy'] = "default-src 'self'; style-src 'unsafe-inline'";
        res.writeHead(answer.status, headers);
        res.end(answer.body);
        return;
      }
      if (req.method === 'GET' && (await serveFile(url, res))) return;
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    } catch {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('server error');
    }
  };
  const server = createServer((req, res) => void respond(req, res));
  return new Promise((done) => {
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      origin = `http://localhost:${actual}`;
      done({
        url: `http://localhost:${actual}/`,
        close: async () => {
          await new Promise<void>((closed) => server.close(() => closed()));
          await handler.idle();
          await db.close();
        },
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  void startDemoServer(port).then(({ url }) => {
    console.log(`mp-checkout demo (sandbox) listening on ${url}`);
  });
}
