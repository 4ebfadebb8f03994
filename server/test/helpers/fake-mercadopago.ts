/**
 * A local fake of Mercado Pago's Payments API on loopback, answering like the real one for what the
 * server uses: POST /v1/payments and GET /v1/payments/{id}. It checks the bearer token and requires
 * X-Idempotency-Key on creation (a repeated key answers the first payment again, as Mercado Pago does).
 * The outcome follows the test cardholder name carried in the token: `tok_<NAME>_<anything>`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface FakePayment {
  id: number;
  status: string;
  status_detail: string;
  transaction_amount: number;
  installments: number;
  payment_method_id: string;
  external_reference: string | null;
  description: string | null;
  date_created: string;
  date_last_updated: string;
  date_approved: string | null;
  three_ds_info?: { external_resource_url: string; creq: string };
}

export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

const OUTCOMES: Record<string, [string, string]> = {
  APRO: ['approved', 'accredited'],
  OTHE: ['rejected', 'cc_rejected_other_reason'],
  FUND: ['rejected', 'cc_rejected_insufficient_amount'],
  CONT: ['in_process', 'pending_contingency'],
  CHAL: ['pending', 'pending_challenge'],
};

export const CHALLENGE = { external_resource_url: 'https://acs.example/3ds/challenge', creq: 'eyJtZXNzYWdlVHlwZSI6IkNSZXEifQ' };

export async function startFakeMercadoPago(accessToken = 'TEST-fake-access-token') {
  const payments = new Map<string, FakePayment>();
  const byKey = new Map<string, { status: number; body: unknown }>();
  const usedTokens = new Set<string>();
  /** A snapshot to answer once on the next GET of that id: an older read racing a newer one. */
  const staleReads = new Map<string, FakePayment>();
  const requests: SeenRequest[] = [];
  let nextId = 90_000_000;
  // Mercado Pago's timestamps have milliseconds and an offset; each change moves a payment's clock on.
  let clock = Date.parse('2030-01-01T12:00:00.000Z');
  const stamp = () => new Date((clock += 1000)).toISOString().replace('Z', '-00:00');

  const error = (status: number, message: string, cause: Array<{ code: number | string; description: string }> = []) => ({
    status,
    body: { message, error: status === 404 ? 'not_found' : status === 401 ? 'unauthorized' : 'bad_request', status, cause },
  });

  function create(body: Record<string, unknown>): { status: number; body: unknown } {
    const token = body['token'];
    if (typeof token !== 'string' || !token.startsWith('tok_')) return error(400, 'Card Token not found', [{ code: 2006, description: 'Card Token not found' }]);
    if (usedTokens.has(token)) return error(400, 'Card Token not found', [{ code: 2006, description: 'Card Token not found' }]);
    const amount = body['transaction_amount'];
    if (typeof amount !== 'number' || !(amount > 0)) return error(400, 'Invalid transaction_amount', [{ code: 4037, description: 'Invalid transaction_amount' }]);
    const payer = body['payer'] as { email?: unknown } | undefined;
    if (typeof payer?.email !== 'string' || !payer.email.includes('@')) return error(400, 'payer.email must be a valid email', [{ code: 4050, description: 'payer.email must be a valid email' }]);
    const installments = body['installments'];
    if (typeof installments !== 'number' || installments < 1) return error(400, 'Invalid installments', [{ code: 4033, description: 'Invalid installments' }]);
    usedTokens.add(token);
    const [status, detail] = OUTCOMES[token.split('_')[1] ?? ''] ?? OUTCOMES['APRO']!;
    const now = stamp();
    const payment: FakePayment = {
      id: nextId++,
      status,
      status_detail: detail,
      transaction_amount: amount,
      installments,
      payment_method_id: String(body['payment_method_id']),
      external_reference: typeof body['external_reference'] === 'string' ? body['external_reference'] : null,
      description: typeof body['description'] === 'string' ? body['description'] : null,
      date_created: now,
      date_last_updated: now,
      date_approved: status === 'approved' ? now : null,
    };
    if (detail === 'pending_challenge') payment.three_ds_info = { ...CHALLENGE };
    payments.set(String(payment.id), payment);
    return { status: 201, body: payment };
  }

  function answer(req: IncomingMessage, res: ServerResponse, text: string) {
    const url = new URL(req.url ?? '/', 'http://fake');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    requests.push({ method: req.method ?? '', path: url.pathname, headers: { ...req.headers }, body });
    const send = ({ status, body: out }: { status: number; body: unknown }) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(out));
    };
    if (req.headers['authorization'] !== `Bearer ${accessToken}`) return send(error(401, 'invalid access token'));
    if (req.method === 'POST' && url.pathname === '/v1/payments') {
      const key = req.headers['x-idempotency-key'];
      if (typeof key !== 'string' || key === '') return send(error(400, 'Header X-Idempotency-Key can\'t be null'));
      const earlier = byKey.get(key);
      if (earlier) return send(earlier);
      const result = typeof body === 'object' && body !== null ? create(body as Record<string, unknown>) : error(400, 'Invalid body');
      byKey.set(key, result);
      return send(result);
    }
    const match = /^\/v1\/payments\/(\w+)$/.exec(url.pathname);
    if (req.method === 'GET' && match) {
      const stale = staleReads.get(match[1]!);
      if (stale) {
        staleReads.delete(match[1]!);
        return send({ status: 200, body: stale });
      }
      const payment = payments.get(match[1]!);
      return send(payment ? { status: 200, body: payment } : error(404, 'Payment not found', [{ code: 2000, description: 'Payment not found' }]));
    }
    send(error(404, 'resource not found'));
  }

  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => answer(req, res, text));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    accessToken,
    requests,
    payments,
    /** Payments created (a repeated idempotency key creates none). */
    charges: () => payments.size,
    creations: () => requests.filter((r) => r.method === 'POST' && r.path === '/v1/payments'),
    reads: (id: string | number) => requests.filter((r) => r.method === 'GET' && r.path === `/v1/payments/${id}`).length,
    /** Mercado Pago moves a payment on (an approval, a refund), with a newer date_last_updated. */
    update(id: string | number, status: string, statusDetail: string) {
      const payment = payments.get(String(id));
      if (!payment) throw new Error(`no payment ${id}`);
      Object.assign(payment, { status, status_detail: statusDetail, date_last_updated: stamp() });
      if (status === 'approved') payment.date_approved = payment.date_last_updated;
      delete payment.three_ds_info;
      return structuredClone(payment);
    },
    snapshot: (id: string | number) => structuredClone(payments.get(String(id))!),
    serveStaleOnce(id: string | number, snapshot: FakePayment) {
      staleReads.set(String(id), snapshot);
    },
    close: () => new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }),
  };
}

export type FakeMercadoPago = Awaited<ReturnType<typeof startFakeMercadoPago>>;
