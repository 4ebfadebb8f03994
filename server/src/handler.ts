/**
 * The merchant server as one web-standard handler: `fetch(request) → Response`. The same code runs
 * on Node (adapters/node.ts), Cloudflare Workers, Vercel, Netlify and Deno Deploy.
 *
 *   POST /process_payment        the element's payment (PRODUCT.md §2), re-priced from the order
 *   GET  /payment_status?id=     the element's `status-action`: the payment as the server knows it
 *   POST /webhooks/mercadopago   Mercado Pago's signed notifications
 *   POST /orders, GET /orders/…  the merchant's own systems create and read orders (bearer token)
 *   GET  /health                 liveness, mode and database kind
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Database } from './db/database.ts';
import type { GatewayPayment, PaymentBody, PaymentGateway } from './gateway.ts';
import { orderStore, type Order, type OrderItem } from './orders.ts';
import { checkPrice, itemsTotal } from './pricing.ts';
import { checkWebhookSignature, DEFAULT_TOLERANCE_SECONDS } from './webhook-signature.ts';

export interface HandlerOptions {
  db: Pick<Database, 'query' | 'kind'>;
  gateway: PaymentGateway;
  /** Mercado Pago's webhook secret. Without it every notification is refused: there is no fallback. */
  webhookSecret?: string;
  webhookToleranceSeconds?: number;
  /** Public origin of this server (https://shop.example), for notification_url. */
  publicUrl?: string;
  /** Bearer token for POST/GET /orders; without it those routes are off. */
  merchantApiToken?: string;
  /** Origins allowed to call the payment endpoints cross-origin (a shop on another host). */
  allowedOrigins?: string[];
  /** Prefix the routes live under (e.g. /api on Vercel). */
  basePath?: string;
  /** Sent to Mercado Pago as three_d_secure_mode; unset leaves Mercado Pago's default (no 3DS). */
  threeDSecureMode?: 'optional' | 'mandatory';
  /** The merchant's statement descriptor; wins over the one the page sends. */
  statementDescriptor?: string;
  /**
   * Process a webhook's payment before answering instead of after: for platforms that stop a
   * function once it has answered and offer no waitUntil. Still far inside Mercado Pago's 22 s.
   */
  processWebhooksBeforeAnswering?: boolean;
  /**
   * Refuse a new attempt (a new idempotency key) on an order that is already paid. On by default;
   * the demo turns it off because its pages pay the same sample order again and again.
   */
  refusePaidOrders?: boolean;
  log?: Logger;
  /** Milliseconds since the epoch; tests move the clock. */
  now?: () => number;
}

export type Logger = (level: 'info' | 'warn' | 'error', event: string, fields?: Record<string, unknown>) => void;

/** Platforms that keep a function alive for work after the response (Workers, Vercel, Netlify). */
export interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}

export interface MerchantHandler {
  fetch(request: Request, ctx?: WaitUntil): Promise<Response>;
  /** Resolves when the work started after earlier responses (webhook processing) is done. */
  idle(): Promise<void>;
}

const MAX_BODY = 100_000;
const FINAL = new Set(['approved', 'authorized', 'rejected', 'cancelled', 'refunded', 'charged_back']);

export const consoleLogger: Logger = (level, event, fields = {}) => {
  const line = JSON.stringify({ level, event, ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });

/** A 4xx the element turns into a buyer message: it reads `cause[].code` (src/mercadopago/messages.ts). */
const refuse = (status: number, code: string, message: string) =>
  json(status, { message, error: 'bad_request', status, cause: [{ code, description: message }] });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

class BodyTooLarge extends Error {}

async function readText(request: Request, limit = MAX_BODY): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const text = await request.text();
  if (text.length > limit) throw new BodyTooLarge();
  return text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Enough of a key to find it in logs, not enough to reuse it. */
const shortKey = (key: string) => `${key.slice(0, 8)}…`;

const sameSecret = (given: string, expected: string) =>
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());

const pick = (source: unknown, keys: string[]): Record<string, unknown> | undefined => {
  if (!isRecord(source)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (source[key] !== undefined && source[key] !== null && source[key] !== '') out[key] = source[key];
  return Object.keys(out).length > 0 ? out : undefined;
};

const optionalString = (v: unknown, max: number): string | undefined =>
  typeof v === 'string' && v.trim() !== '' && v.length <= max ? v.trim() : undefined;

export function createHandler(options: HandlerOptions): MerchantHandler {
  const store = orderStore(options.db);
  const { gateway } = options;
  const log = options.log ?? consoleLogger;
  const now = options.now ?? Date.now;
  const tolerance = options.webhookToleranceSeconds && options.webhookToleranceSeconds > 0 ? options.webhookToleranceSeconds : DEFAULT_TOLERANCE_SECONDS;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const refusePaidOrders = options.refusePaidOrders ?? true;
  const running = new Set<Promise<void>>();
  let warnedNoNotificationUrl = false;

  function inBackground(work: () => Promise<void>, ctx?: WaitUntil): void {
    const task: Promise<void> = work()
      .catch((error: unknown) => log('error', 'background_failed', { message: error instanceof Error ? error.message : String(error) }))
      .finally(() => running.delete(task));
    running.add(task);
    ctx?.waitUntil(task);
  }

  function notificationUrl(request: Request): string | undefined {
    const origin = options.publicUrl?.replace(/\/+$/, '') ?? new URL(request.url).origin;
    // Mercado Pago only calls public https URLs; a local http origin would be refused with the payment.
    if (origin.startsWith('https://')) return `${origin}${basePath}/webhooks/mercadopago`;
    // (The sandbox sends no notifications, so only a real deployment is told.)
    if (!warnedNoNotificationUrl && gateway.mode === 'mercadopago') {
      warnedNoNotificationUrl = true;
      log('warn', 'no_notification_url', { hint: 'set PUBLIC_URL to this server\'s https origin so Mercado Pago sends webhooks' });
    }
    return undefined;
  }

  /** Records what Mercado Pago says about a payment, if it belongs to one of our orders. */
  async function record(payment: GatewayPayment, idempotencyKey?: string): Promise<boolean> {
    const reference = payment.external_reference;
    if (!reference || !(await store.find(reference))) {
      log('warn', 'payment_without_order', { payment: payment.id });
      return false;
    }
    return store.recordPayment({ ...payment, external_reference: reference, idempotency_key: idempotencyKey ?? null });
  }

  async function processPayment(request: Request): Promise<Response> {
    const body = parseJson(await readText(request));
    if (!isRecord(body)) return refuse(400, 'invalid_body', 'The payment request must be a JSON object.');
    const idempotencyKey = request.headers.get('x-idempotency-key')?.trim();
    // The widget's key goes to Mercado Pago unchanged: it is what makes a retry charge once.
    if (!idempotencyKey || idempotencyKey.length > 128 || !/^[\x21-\x7e]+$/.test(idempotencyKey)) {
      return refuse(400, 'missing_idempotency_key', 'The X-Idempotency-Key header is missing or invalid.');
    }
    const reference = optionalString(body['external_reference'], 256);
    const order = reference ? await store.find(reference) : null;
    if (!order) return refuse(400, 'unknown_order', 'This order was not found. Reload the page and try again.');
    const price = checkPrice(body, order);
    if (!price.ok) {
      log('warn', 'price_mismatch', { order: order.external_reference, code: price.code });
      return refuse(400, price.code, price.message);
    }
    if (refusePaidOrders && order.status === 'paid' && !(await store.hasAttempt(order.external_reference, idempotencyKey))) {
      return refuse(409, 'order_already_paid', 'This order is already paid.');
    }

    const deviceId = optionalString(body['device_id'], 256);
    const result = await gateway.create(paymentBody(body, order, notificationUrl(request)), {
      idempotencyKey,
      ...(deviceId ? { meliSessionId: deviceId } : {}),
    });
    if (!result.ok) {
      log('info', 'payment_refused', { order: order.external_reference, key: shortKey(idempotencyKey), http: result.refusal.httpStatus });
      return json(result.refusal.httpStatus, result.refusal.body);
    }
    const { payment } = result;
    try {
      await store.recordPayment({ ...payment, external_reference: order.external_reference, idempotency_key: idempotencyKey });
    } catch (error) {
      // The charge happened: the buyer must see its result. The webhook or a status poll records it later.
      log('error', 'payment_not_recorded', { payment: payment.id, message: error instanceof Error ? error.message : String(error) });
    }
    log('info', 'payment_created', { order: order.external_reference, payment: payment.id, status: payment.status, key: shortKey(idempotencyKey) });
    return json(201, { id: payment.id, status: payment.status, status_detail: payment.status_detail, three_ds_info: payment.three_ds_info });
  }

  function paymentBody(body: Record<string, unknown>, order: Order, notification: string | undefined): PaymentBody {
    const info = isRecord(body['additional_info']) ? body['additional_info'] : {};
    const issuer = body['issuer_id'];
    const out: PaymentBody = {
      // The order's price and cart, never the page's.
      transaction_amount: order.amount,
      description: order.description ?? optionalString(body['description'], 600),
      external_reference: order.external_reference,
      additional_info: {
        items: order.items as NonNullable<PaymentBody['additional_info']>['items'],
        ...(isRecord(info['payer']) ? { payer: info['payer'] as never } : {}),
        ...(isRecord(info['shipments']) ? { shipments: info['shipments'] as never } : {}),
      },
      token: body['token'] as string,
      installments: body['installments'] as number,
      payment_method_id: body['payment_method_id'] as string,
      payer: pick(body['payer'], ['email', 'first_name', 'last_name', 'identification', 'phone', 'address', 'entity_type', 'type']) as PaymentBody['payer'],
    };
    if (typeof issuer === 'string' && /^\d+$/.test(issuer)) out.issuer_id = Number(issuer);
    else if (typeof issuer === 'number') out.issuer_id = issuer;
    const descriptor = options.statementDescriptor ?? optionalString(body['statement_descriptor'], 22);
    if (descriptor) out.statement_descriptor = descriptor;
    const optionId = optionalString(body['payment_method_option_id'], 256);
    if (optionId) out.payment_method_option_id = optionId;
    const mode = optionalString(body['processing_mode'], 32);
    if (mode) out.processing_mode = mode;
    if (notification) out.notification_url = notification;
    if (options.threeDSecureMode) out.three_d_secure_mode = options.threeDSecureMode;
    return out;
  }

  async function paymentStatus(url: URL): Promise<Response> {
    const id = url.searchParams.get('id') ?? '';
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return refuse(400, 'invalid_id', 'The payment id is missing or invalid.');
    // Only payments of this shop's orders: the endpoint is public and must not look up any id.
    let stored = await store.findPayment(id);
    if (!stored) return json(404, { message: 'payment not found', error: 'not_found', status: 404 });
    if (!FINAL.has(stored.status)) {
      // Payment search keeps the order true even when no webhook arrives (test credentials send none).
      try {
        const fresh = await gateway.get(id);
        if (fresh) await store.recordPayment({ ...fresh, external_reference: stored.external_reference });
        stored = (await store.findPayment(id)) ?? stored;
      } catch (error) {
        log('warn', 'status_refresh_failed', { payment: id, message: error instanceof Error ? error.message : String(error) });
      }
    }
    return json(200, { id: stored.id, status: stored.status, status_detail: stored.status_detail });
  }

  async function webhook(request: Request, url: URL, ctx?: WaitUntil): Promise<Response> {
    if (!options.webhookSecret) {
      log('error', 'webhook_secret_missing', { hint: 'set MP_WEBHOOK_SECRET (Mercado Pago > Your integrations > Webhooks)' });
      return json(503, { message: 'webhooks are not configured' });
    }
    const text = await readText(request, 64_000);
    const verdict = checkWebhookSignature({
      signature: request.headers.get('x-signature'),
      requestId: request.headers.get('x-request-id'),
      // The id Mercado Pago signs is the query's `data.id`.
      dataId: url.searchParams.get('data.id'),
      secret: options.webhookSecret,
      toleranceSeconds: tolerance,
      nowSeconds: Math.floor(now() / 1000),
    });
    if (!verdict.ok) {
      log('warn', 'webhook_refused', { reason: verdict.reason });
      return json(401, { message: 'invalid notification', reason: verdict.reason });
    }
    // The body is not signed: it may only repeat the signed id, never name another payment.
    const body = parseJson(text);
    const bodyId = isRecord(body) && isRecord(body['data']) ? body['data']['id'] : undefined;
    if (!isRecord(body) || (bodyId !== undefined && String(bodyId) !== verdict.dataId)) {
      log('warn', 'webhook_refused', { reason: 'body_mismatch' });
      return json(401, { message: 'invalid notification', reason: 'body_mismatch' });
    }
    const fresh = await store.acceptDelivery(verdict.requestId, verdict.ts, verdict.dataId, Math.floor(now() / 1000) - 2 * tolerance);
    if (!fresh) {
      log('warn', 'webhook_refused', { reason: 'replayed', request: verdict.requestId });
      return json(409, { message: 'notification already received', reason: 'replayed' });
    }
    const type = url.searchParams.get('type') ?? url.searchParams.get('topic') ?? body['type'];
    if (type === 'payment') {
      const paymentId = verdict.dataId;
      // Answer at once (Mercado Pago waits 22 s at most), then ask the API what the payment is now:
      // deliveries repeat and arrive out of order, the API's date_last_updated decides.
      const work = async () => {
        const payment = await gateway.get(paymentId);
        if (!payment) {
          log('warn', 'webhook_unknown_payment', { payment: paymentId });
          return;
        }
        const changed = await record(payment);
        log('info', 'webhook_processed', { payment: paymentId, status: payment.status, changed });
      };
      if (options.processWebhooksBeforeAnswering) await work();
      else inBackground(work, ctx);
    }
    return json(200, { received: true });
  }

  function authorized(request: Request): Response | null {
    if (!options.merchantApiToken) return json(403, { message: 'set MERCHANT_API_TOKEN to use the orders API' });
    const given = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
    return sameSecret(given, options.merchantApiToken) ? null : json(401, { message: 'unauthorized' });
  }

  async function createOrder(request: Request): Promise<Response> {
    const body = parseJson(await readText(request));
    if (!isRecord(body)) return json(400, { message: 'the order must be a JSON object' });
    const items = parseItems(body['items']);
    if (!items) return json(400, { message: 'items: 1 to 100 items, each {id, title, quantity (whole, ≥ 1), unit_price (> 0)}' });
    const amount = itemsTotal(items);
    if (body['amount'] !== undefined && (typeof body['amount'] !== 'number' || Math.round(body['amount'] * 100) !== Math.round(amount * 100))) {
      return json(400, { message: `amount must equal the items' total, ${amount}` });
    }
    const reference = body['external_reference'] === undefined ? randomUUID() : optionalString(body['external_reference'], 256);
    if (!reference) return json(400, { message: 'external_reference must be a non-empty string of at most 256 characters' });
    const created = await store.create({ external_reference: reference, amount, description: optionalString(body['description'], 600) ?? null, items });
    if (!created) return json(409, { message: 'an order with this external_reference exists' });
    return json(201, await store.find(reference));
  }

  async function route(request: Request, ctx?: WaitUntil): Promise<Response> {
    const url = new URL(request.url);
    if (basePath && !url.pathname.startsWith(`${basePath}/`)) return json(404, { message: 'not found' });
    const path = url.pathname.slice(basePath.length);
    const method = request.method;
    if (method === 'POST' && path === '/process_payment') return processPayment(request);
    if (method === 'GET' && path === '/payment_status') return paymentStatus(url);
    if (method === 'POST' && path === '/webhooks/mercadopago') return webhook(request, url, ctx);
    if (path === '/orders' || path.startsWith('/orders/')) {
      const denied = authorized(request);
      if (denied) return denied;
      if (method === 'POST' && path === '/orders') return createOrder(request);
      if (method === 'GET' && path.startsWith('/orders/')) {
        const order = await store.find(decodeURIComponent(path.slice('/orders/'.length)));
        return order ? json(200, order) : json(404, { message: 'order not found' });
      }
    }
    if (method === 'GET' && path === '/health') return json(200, { ok: true, mode: gateway.mode, database: options.db.kind });
    return json(404, { message: 'not found' });
  }

  function withCors(request: Request, response: Response): Response {
    const origin = request.headers.get('origin');
    if (!origin || !allowedOrigins.has(origin)) return response;
    response.headers.set('access-control-allow-origin', origin);
    response.headers.append('vary', 'Origin');
    return response;
  }

  return {
    async fetch(request, ctx) {
      try {
        if (request.method === 'OPTIONS') {
          const origin = request.headers.get('origin');
          if (!origin || !allowedOrigins.has(origin)) return new Response(null, { status: 204 });
          const wanted = request.headers.get('access-control-request-headers') ?? '';
          return withCors(request, new Response(null, {
            status: 204,
            headers: {
              'access-control-allow-methods': 'GET, POST',
              // The element adds the merchant's own headers (CSRF tokens); header names only.
              'access-control-allow-headers': /^[\w\-, ]{0,512}$/.test(wanted) ? wanted || 'content-type, x-idempotency-key' : 'content-type, x-idempotency-key',
              'access-control-max-age': '600',
            },
          }));
        }
        return withCors(request, await route(request, ctx));
      } catch (error) {
        if (error instanceof BodyTooLarge) return json(413, { message: 'request body too large' });
        // The outcome is unknown (database or Mercado Pago unreachable): a 5xx makes the element offer
        // "Try again", which repeats the same idempotency key, so a retry can never charge twice.
        log('error', 'request_failed', { path: new URL(request.url).pathname, message: error instanceof Error ? error.message : String(error) });
        return json(502, { message: 'the payment service is unavailable; try again' });
      }
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

function parseItems(value: unknown): OrderItem[] | null {
  if (!Array.isArray(value) || value.length < 1 || value.length > 100) return null;
  const items: OrderItem[] = [];
  for (const raw of value) {
    if (!isRecord(raw)) return null;
    const id = typeof raw['id'] === 'number' ? String(raw['id']) : optionalString(raw['id'], 256);
    const title = optionalString(raw['title'], 256);
    const quantity = raw['quantity'];
    const unitPrice = raw['unit_price'];
    if (!id || !title) return null;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > 10_000) return null;
    if (typeof unitPrice !== 'number' || !Number.isFinite(unitPrice) || unitPrice <= 0 || unitPrice > 1e10) return null;
    const item: OrderItem = { id, title, quantity, unit_price: Math.round(unitPrice * 100) / 100 };
    for (const key of ['description', 'picture_url', 'category_id'] as const) {
      const text = optionalString(raw[key], 600);
      if (text) item[key] = text;
    }
    items.push(item);
  }
  return items;
}
