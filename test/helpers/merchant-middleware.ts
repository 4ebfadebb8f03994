/**
 * Test-server middleware: the sandbox merchant endpoint (demo/sandbox-http.ts) plus scripted
 * failures, and a log of every request the element sent, so tests assert exactly what the
 * merchant's server received.
 *
 *   POST /sandbox/<log>/process_payment?respond=<mode>&delay=<ms>
 *   GET  /sandbox/<log>/payment_status?id=…
 *   GET  /sandbox/<log>/requests      → [{method, path, headers, body}]
 * Modes: sandbox (default) · 500 · 502-html · 200-html · 200-empty · 200-badjson · 400-causes ·
 * 400-plain · 409 · 200-rejected · 200-success (a status that is not Mercado Pago's) · 201-approved
 * (a fixed operation number) · hang ·
 * detail (MP sample-server shape {status, detail, id}) ·
 * challenge-javascript / challenge-http (pending_challenge whose external_resource_url is unusable).
 */
import type { Context, Next } from 'koa';
import { createSandboxHttp } from '../../demo/sandbox-http.ts';

interface LoggedRequest {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: unknown;
}

const logs = new Map<string, LoggedRequest[]>();

function readBody(ctx: Context): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    ctx.req.setEncoding('utf8');
    ctx.req.on('data', (chunk: string) => (text += chunk));
    ctx.req.on('end', () => resolve(text));
    ctx.req.on('error', reject);
  });
}

const scripted: Record<string, { status: number; type: string; body: string }> = {
  '500': { status: 500, type: 'application/json', body: '{"message":"internal_error"}' },
  '502-html': { status: 502, type: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
  '200-html': { status: 200, type: 'text/html', body: '<html><body>ok</body></html>' },
  '200-empty': { status: 200, type: 'application/json', body: '' },
  '200-badjson': { status: 200, type: 'application/json', body: '{"status": "approved",' },
  '400-causes': {
    status: 400,
    type: 'application/json',
    body: '{"message":"invalid","status":400,"cause":[{"code":109,"description":"Invalid number of installments for this payment_method_id"}]}',
  },
  '400-plain': { status: 400, type: 'application/json', body: '{"message":"bad request"}' },
  // An approval with a fixed operation number (the sandbox's are random): for screenshots.
  '201-approved': { status: 201, type: 'application/json', body: '{"id":1300000042,"status":"approved","status_detail":"accredited"}' },
  // What an idempotent server answers while a request with the same key is still being processed.
  '409': { status: 409, type: 'application/json', body: '{"message":"a request with this idempotency key is in progress"}' },
  // A merchant server that answers in its own words instead of Mercado Pago's status.
  '200-success': { status: 200, type: 'application/json', body: '{"status":"success","id":"777"}' },
  '200-rejected': {
    status: 200,
    type: 'application/json',
    body: '{"id":"777","status":"rejected","status_detail":"cc_rejected_other_reason"}',
  },
  'challenge-javascript': {
    status: 200,
    type: 'application/json',
    body: '{"id":"778","status":"pending","status_detail":"pending_challenge","three_ds_info":{"external_resource_url":"javascript:alert(1)","creq":"eyJ0IjoxfQ"}}',
  },
  'challenge-http': {
    status: 200,
    type: 'application/json',
    body: '{"id":"779","status":"pending","status_detail":"pending_challenge","three_ds_info":{"external_resource_url":"http://acs.bank.example/challenge","creq":"eyJ0IjoxfQ"}}',
  },
};

export function sandboxMerchantMiddleware() {
  const sandbox = createSandboxHttp();
  return async (ctx: Context, next: Next) => {
    if (ctx.path.startsWith('/sandbox/3ds')) {
      // The issuer's 3-D Secure page the challenge frame posts to, as the demo server serves it.
      const page = sandbox({
        method: ctx.method,
        url: new URL(`http://test${ctx.path}`),
        headers: ctx.headers as Record<string, string>,
        body: ctx.method === 'POST' ? await readBody(ctx) : '',
      });
      if (!page) return next();
      ctx.status = page.status;
      ctx.type = page.contentType;
      ctx.body = page.body;
      return;
    }
    const match = /^\/sandbox\/([\w-]+)\/(process_payment|payment_status|requests)$/.exec(ctx.path);
    if (!match) return next();
    const [, logId, route] = match;
    const log = logs.get(logId) ?? [];
    logs.set(logId, log);
    if (route === 'requests') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(log);
      return;
    }
    const text = ctx.method === 'POST' ? await readBody(ctx) : '';
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* logged as text */
    }
    log.push({ method: ctx.method, path: ctx.path + ctx.search, headers: { ...ctx.headers } as Record<string, string>, body });

    const delay = Number(ctx.query.delay ?? 0);
    if (delay > 0) await new Promise((r) => setTimeout(r, Math.min(delay, 20_000)));
    const mode = String(ctx.query.respond ?? 'sandbox');
    if (mode === 'hang') {
      await new Promise((r) => setTimeout(r, 30_000));
    }
    const canned = scripted[mode];
    if (canned) {
      ctx.status = canned.status;
      ctx.type = canned.type;
      ctx.body = canned.body;
      return;
    }
    const answer = sandbox({
      method: ctx.method,
      url: new URL(`http://test/${route}${ctx.search}`),
      headers: ctx.headers as Record<string, string>,
      body: text,
    });
    if (!answer) return next();
    ctx.status = answer.status;
    ctx.type = answer.contentType;
    ctx.body = mode === 'detail' ? toSampleServerShape(answer.body) : answer.body;
  };
}

/** Mercado Pago's sample servers answer {status, detail, id} instead of a payment object. */
function toSampleServerShape(body: string): string {
  const payment = JSON.parse(body) as { id?: unknown; status?: unknown; status_detail?: unknown };
  return JSON.stringify({ id: payment.id, status: payment.status, detail: payment.status_detail });
}
