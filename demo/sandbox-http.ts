/**
 * The sandbox merchant endpoint over HTTP, for the browser tests' server (test/helpers/merchant-middleware.ts),
 * which posts any amount with no order behind it. The demo server answers /process_payment and
 * /payment_status with the reference server (server/) instead, and uses only the 3-D Secure pages here.
 * Routes:
 *   POST /process_payment      the merchant endpoint of PRODUCT.md §2 (outcome by cardholder name)
 *   GET  /payment_status?id=   the `status-action` endpoint polled for pending payments
 *   POST /sandbox/3ds          the 3-D Secure challenge page (receives `creq` as a form POST)
 *   POST /sandbox/3ds/complete the buyer finishes the challenge
 */
import { createSandboxMerchant, type SandboxMerchant } from '../sandbox/endpoint.ts';

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface HttpAsk {
  method: string;
  url: URL;
  headers: Record<string, string | undefined>;
  body: string;
}

const json = (status: number, body: unknown): HttpAnswer => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `merchant`: pass the one the reference server's sandbox gateway uses, so its payments' 3DS pages work. */
export function createSandboxHttp(merchant: SandboxMerchant = createSandboxMerchant()) {
  return function handle(ask: HttpAsk): HttpAnswer | undefined {
    const { method, url } = ask;
    if (method === 'POST' && url.pathname.endsWith('/process_payment')) {
      const answer = merchant.pay(parseJson(ask.body), ask.headers);
      return json(answer.status, answer.body);
    }
    if (method === 'GET' && url.pathname.endsWith('/payment_status')) {
      const answer = merchant.status(url.searchParams.get('id') ?? '');
      return json(answer.status, answer.body);
    }
    if (method === 'POST' && url.pathname === '/sandbox/3ds') {
      const creq = new URLSearchParams(ask.body).get('creq') ?? '';
      return { status: 200, contentType: 'text/html; charset=utf-8', body: challengePage(creq) };
    }
    if (method === 'POST' && url.pathname === '/sandbox/3ds/complete') {
      const creq = new URLSearchParams(ask.body).get('creq') ?? '';
      merchant.completeChallenge(creq);
      return { status: 200, contentType: 'text/html; charset=utf-8', body: challengeDonePage() };
    }
    if (method === 'GET' && url.pathname === '/sandbox/3ds/done.js') {
      // The issuer tells the opener the challenge is over, as Mercado Pago's 3DS pages do.
      return {
        status: 200,
        contentType: 'text/javascript; charset=utf-8',
        body: "parent.postMessage({ status: 'COMPLETE' }, '*');",
      };
    }
    return undefined;
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function challengePage(creq: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandbox bank verification</title>
<style>body{font:16px system-ui,sans-serif;margin:1.5rem}button{font:inherit;padding:.5rem 1rem}</style></head>
<body><h1>Sandbox bank</h1><p>This stands in for your card issuer's 3-D Secure check.</p>
<form method="post" action="/sandbox/3ds/complete"><input type="hidden" name="creq" value="${escapeHtml(creq)}">
<button type="submit">Confirm the payment</button></form></body></html>`;
}

function challengeDonePage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Verified</title></head>
<body><p>Verified. You can return to the store.</p><script src="/sandbox/3ds/done.js"></script></body></html>`;
}
