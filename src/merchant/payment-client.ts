/**
 * Talks to the merchant's endpoints. Every failure comes back as a value, never a throw, so the
 * element can always tell the buyer what happened and keep the form usable.
 */
import { parsePaymentResponse, type PaymentOutcome } from './payment-response.js';

export interface TransportFailure {
  type: 'error';
  code: 'network' | 'timeout' | 'aborted';
  httpStatus: 0;
}
export type ClientOutcome = PaymentOutcome | TransportFailure;

export interface PostPaymentRequest {
  action: string;
  body: unknown;
  idempotencyKey: string;
  headers?: Record<string, string>;
  /** Gives up waiting after this long (the outcome is then unknown, and a retry repeats the attempt). */
  timeoutMs: number;
}

/**
 * The headers the element sends itself (PRODUCT.md §2), with the values it sends. The merchant's
 * `headers` cannot replace them, nor duplicate them under another spelling: `fetch` joins
 * `x-idempotency-key` and `X-Idempotency-Key` into one "a, b" value the server cannot use.
 */
export const ELEMENT_HEADERS: Readonly<Record<string, string | undefined>> = {
  'x-idempotency-key': undefined, // one per attempt
  'content-type': 'application/json',
  accept: 'application/json',
};

/** The merchant's header names the element sends itself, as the merchant spelled them. */
export function reservedHeaderNames(headers: Record<string, string> | undefined): string[] {
  return Object.keys(headers ?? {}).filter((name) => Object.prototype.hasOwnProperty.call(ELEMENT_HEADERS, name.trim().toLowerCase()));
}

/** The merchant's headers minus those the element sends itself (names compared case-insensitively). */
function merchantHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const reserved = new Set(reservedHeaderNames(headers));
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !reserved.has(name)));
}

/** POSTs the payment body to the merchant endpoint (PRODUCT.md §2). */
export function postPayment(request: PostPaymentRequest): Promise<ClientOutcome> {
  return send(
    request.action,
    {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        ...merchantHeaders(request.headers),
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'X-Idempotency-Key': request.idempotencyKey,
      },
      body: JSON.stringify(request.body),
    },
    request.timeoutMs,
  );
}

/** GETs `{statusAction}?id=<payment id>` for a pending payment. */
export function fetchPaymentStatus(
  statusAction: string,
  paymentId: string,
  options: { headers?: Record<string, string>; timeoutMs: number; signal?: AbortSignal },
): Promise<ClientOutcome> {
  const url = new URL(statusAction, document.baseURI);
  url.searchParams.set('id', paymentId);
  return send(
    url.href,
    {
      method: 'GET',
      credentials: 'same-origin',
      headers: { ...merchantHeaders(options.headers), Accept: 'application/json' },
    },
    options.timeoutMs,
    options.signal,
  );
}

async function send(url: string, init: RequestInit, timeoutMs: number, outer?: AbortSignal): Promise<ClientOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forward = () => controller.abort();
  outer?.addEventListener('abort', forward, { once: true });
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    const text = await response.text();
    return parsePaymentResponse(response.status, response.headers.get('content-type'), text);
  } catch {
    if (timedOut) return { type: 'error', code: 'timeout', httpStatus: 0 };
    if (outer?.aborted) return { type: 'error', code: 'aborted', httpStatus: 0 };
    return { type: 'error', code: 'network', httpStatus: 0 };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
}
