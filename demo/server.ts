/**
 * The demo and reference server: serves the demo pages and the built bundle, and answers as the
 * merchant's backend would (demo/sandbox-http.ts), all on the sandbox — no network, no credentials.
 *   npm start            → http://localhost:8080/
 *   PORT=0 (or a port)   → chosen port, printed as "listening on <url>"
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandboxHttp } from './sandbox-http.ts';
import { verifyWebhookSignature } from './webhook.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The Content-Security-Policy recipe from the README: no unsafe-eval, no inline scripts. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' https://sdk.mercadopago.com https://www.mercadopago.com",
  "frame-src 'self' https://secure-fields.mercadopago.com https://*.mercadopago.com https://*.mercadolibre.com",
  "connect-src 'self' https://api.mercadopago.com https://secure-fields.mercadopago.com https://api-static.mercadopago.com https://api.mercadolibre.com https://http2.mlstatic.com",
  "img-src 'self' data: https://*.mlstatic.com https://*.mercadopago.com",
  "style-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

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

async function serveFile(pathname: string, res: ServerResponse): Promise<boolean> {
  let relative = pathname === '/' ? '/demo/index.html' : pathname;
  // The service worker must sit at the root to control the whole demo.
  if (relative === '/sandbox-sw.js') relative = '/demo/sandbox-sw.js';
  const file = normalize(join(root, decodeURIComponent(relative)));
  if (!PUBLIC.some((dir) => file.startsWith(join(root, dir) + sep))) return false;
  try {
    if (!(await stat(file)).isFile()) return false;
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CSP;
    res.writeHead(200, headers);
    res.end(await readFile(file));
    return true;
  } catch {
    return false;
  }
}

export function startDemoServer(port: number, host = '127.0.0.1'): Promise<{ url: string; close: () => Promise<void> }> {
  const sandbox = createSandboxHttp();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const body = req.method === 'POST' ? await readBody(req) : '';
      if (req.method === 'POST' && url.pathname === '/webhooks/mercadopago') {
        // Answer fast (MP retries after 22 s), and only for notifications MP signed. A real server then
        // fetches GET /v1/payments/{id} and updates the order; deliveries repeat and arrive out of order.
        const valid = verifyWebhookSignature({
          signature: req.headers['x-signature'] as string | undefined,
          requestId: req.headers['x-request-id'] as string | undefined,
          dataId: url.searchParams.get('data.id') ?? undefined,
          secret: process.env.MP_WEBHOOK_SECRET ?? 'sandbox-webhook-secret',
          toleranceSeconds: 300,
        });
        res.writeHead(valid ? 200 : 401, { 'Content-Type': 'text/plain' });
        res.end(valid ? 'ok' : 'invalid signature');
        return;
      }
      const answer = sandbox({ method: req.method ?? 'GET', url, headers: req.headers as Record<string, string>, body });
      if (answer) {
        const headers: Record<string, string> = { 'Content-Type': answer.contentType };
        if (answer.contentType.startsWith('text/html')) headers['Content-Security-Policy'] = "default-src 'self'; style-src 'unsafe-inline'";
        res.writeHead(answer.status, headers);
        res.end(answer.body);
        return;
      }
      if (req.method === 'GET' && (await serveFile(url.pathname, res))) return;
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    } catch {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('server error');
    }
  });
  return new Promise((done) => {
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      done({
        url: `http://localhost:${actual}/`,
        close: () => new Promise((closed) => server.close(() => closed())),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  startDemoServer(port).then(({ url }) => {
    console.log(`mp-checkout demo (sandbox) listening on ${url}`);
  });
}
