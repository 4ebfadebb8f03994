/**
 * The Payments API as the handler sees it: create a payment, read one. Two implementations:
 * Mercado Pago through the official SDK, and the repository's sandbox (no credentials, no network).
 */
import { MercadoPagoConfig, MercadoPagoError, MPNotFoundError, Payment } from 'mercadopago';
import type { PaymentCreateRequest } from 'mercadopago/dist/clients/payment/create/types.js';
import type { PaymentResponse } from 'mercadopago/dist/clients/payment/commonTypes.js';
import { AppConfig } from 'mercadopago/dist/utils/config/index.js';
import { createSandboxMerchant, type SandboxMerchant, type SandboxPayment } from '../../sandbox/endpoint.ts';

export interface ThreeDsInfo {
  external_resource_url: string;
  creq: string;
}

/** The part of a Mercado Pago payment the server uses. */
export interface GatewayPayment {
  id: string;
  status: string;
  status_detail: string | null;
  external_reference: string | null;
  transaction_amount: number;
  date_last_updated: string;
  three_ds_info?: ThreeDsInfo;
}

/** A refusal the buyer can act on (Mercado Pago's 4xx), passed through with its `cause` codes. */
export interface GatewayRefusal {
  httpStatus: number;
  body: { message: string; error: string; status: number; cause: unknown[] };
}

export type CreateResult = { ok: true; payment: GatewayPayment } | { ok: false; refusal: GatewayRefusal };

/** The body for POST /v1/payments, plus the Brick fields the SDK's type does not list yet. */
export type PaymentBody = PaymentCreateRequest & { payment_method_option_id?: string; processing_mode?: string };

export interface PaymentGateway {
  readonly mode: 'mercadopago' | 'sandbox';
  /** Throws only when the outcome is unknown (network, timeout, 5xx): the caller answers 502. */
  create(body: PaymentBody, options: { idempotencyKey: string; meliSessionId?: string }): Promise<CreateResult>;
  /** null when Mercado Pago does not know the id. */
  get(id: string): Promise<GatewayPayment | null>;
}

/**
 * Where the SDK sends requests. mercadopago 3.x has no option for it: `RestClient.fetch` reads the
 * static `AppConfig.BASE_URL` (dist/utils/config/index.js) on every call, so setting it once points
 * the whole process at another host: the tests' loopback fake, or a recording proxy.
 */
export function setMercadoPagoBaseUrl(url: string): void {
  // Declared readonly in the SDK's types, but a plain static property at run time.
  (AppConfig as { BASE_URL: string }).BASE_URL = url.replace(/\/+$/, '');
}

export function mercadoPagoGateway(options: { accessToken: string; timeoutMs?: number }): PaymentGateway {
  // A config and client per call: the SDK merges each call's requestOptions (idempotency key, session
  // id) into the config's options for good, so a shared client would send one buyer's key with the
  // next buyer's payment.
  const client = () =>
    new Payment(new MercadoPagoConfig({
      accessToken: options.accessToken,
      // The element gives up after 30 s; three tries of 8 s plus back-off answer before that.
      options: { timeout: options.timeoutMs ?? 8_000, maxRetries: 2 },
    }));

  return {
    mode: 'mercadopago',
    async create(body, { idempotencyKey, meliSessionId }) {
      try {
        const payment = await client().create({ body, requestOptions: { idempotencyKey, ...(meliSessionId ? { meliSessionId } : {}) } });
        return { ok: true, payment: fromMercadoPago(payment) };
      } catch (error) {
        // A 4xx is Mercado Pago refusing this request: the buyer can fix it, and its causes say how.
        if (error instanceof MercadoPagoError && error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 403 && error.status !== 429) {
          return {
            ok: false,
            refusal: {
              httpStatus: error.status,
              body: { message: error.message, error: error.error || 'bad_request', status: error.status, cause: Array.isArray(error.causes) ? error.causes : [] },
            },
          };
        }
        throw error;
      }
    },
    async get(id) {
      try {
        return fromMercadoPago(await client().get({ id }));
      } catch (error) {
        if (error instanceof MPNotFoundError) return null;
        throw error;
      }
    },
  };
}

function fromMercadoPago(p: PaymentResponse): GatewayPayment {
  if (p.id === undefined || !p.status) throw new Error('Mercado Pago answered a payment without id or status');
  const payment: GatewayPayment = {
    id: String(p.id),
    status: p.status,
    status_detail: p.status_detail ?? null,
    external_reference: p.external_reference ?? null,
    transaction_amount: Number(p.transaction_amount ?? 0),
    date_last_updated: new Date(p.date_last_updated ?? p.date_created ?? Date.now()).toISOString(),
  };
  const info = p.three_ds_info;
  if (info?.external_resource_url && info.creq) payment.three_ds_info = { external_resource_url: info.external_resource_url, creq: info.creq };
  return payment;
}

/**
 * Without an access token the server answers like the repository's sandbox (sandbox/endpoint.ts:
 * outcome by the test cardholder name inside a sandbox token), so the demo works offline. Payments
 * live in this process's memory: on serverless each instance has its own.
 */
export function sandboxGateway(merchant: SandboxMerchant = createSandboxMerchant()): PaymentGateway {
  return {
    mode: 'sandbox',
    async create(body, { idempotencyKey }) {
      const answer = merchant.pay(body, { 'x-idempotency-key': idempotencyKey });
      if (answer.status >= 200 && answer.status < 300) return { ok: true, payment: fromSandbox(answer.body as SandboxPayment) };
      const refusal = answer.body as GatewayRefusal['body'];
      return { ok: false, refusal: { httpStatus: answer.status, body: refusal } };
    },
    async get(id) {
      const answer = merchant.status(id);
      return answer.status === 200 ? fromSandbox(answer.body as SandboxPayment) : null;
    },
  };
}

function fromSandbox(p: SandboxPayment): GatewayPayment {
  const payment: GatewayPayment = {
    id: String(p.id),
    status: p.status,
    status_detail: p.status_detail,
    external_reference: p.external_reference,
    transaction_amount: p.transaction_amount,
    // The sandbox's only later change is the approval of a pending payment, which sets date_approved.
    date_last_updated: p.date_approved ?? p.date_created,
  };
  if (p.three_ds_info) payment.three_ds_info = { ...p.three_ds_info };
  return payment;
}
