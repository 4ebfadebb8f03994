/**
 * Loads MercadoPago.js from https://sdk.mercadopago.com/js/v2 through the official loader.
 *
 * `@mercadopago/sdk-js` caches its one promise forever: a failed load cannot be retried without a
 * page reload, and a pre-existing script tag that already failed never settles. So: our own
 * timeout, and a failure tells the buyer to reload (the only honest retry).
 */
import { loadMercadoPago } from '@mercadopago/sdk-js';
import type { MercadoPagoConstructor } from './sdk-types.js';

export const OFFICIAL_SDK_URL = 'https://sdk.mercadopago.com/js/v2';
const OFFICIAL_SDK_PATTERN = /^https:\/\/sdk\.mercadopago\.com\/js\/v2\/?(\?.*)?$/;

export class SdkLoadError extends Error {
  constructor(
    readonly code: 'sdk_load_failed' | 'sdk_timeout',
    cause?: unknown,
  ) {
    super(code === 'sdk_timeout' ? 'MercadoPago.js did not load in time' : 'MercadoPago.js failed to load', { cause });
    this.name = 'SdkLoadError';
  }
}

let shared: Promise<MercadoPagoConstructor> | undefined;

/** Resolves the MercadoPago constructor, or rejects with an SdkLoadError. Shared by all elements. */
export function loadSdk(timeoutMs: number): Promise<MercadoPagoConstructor> {
  shared ??= withTimeout(loadMercadoPago(), timeoutMs).then((value) => {
    if (typeof value !== 'function') throw new SdkLoadError('sdk_load_failed');
    return value as MercadoPagoConstructor;
  });
  // A timed-out load may still finish later; the next element gets a fresh chance to see it.
  shared.catch((error) => {
    if (error instanceof SdkLoadError && error.code === 'sdk_timeout') shared = undefined;
  });
  return shared;
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new SdkLoadError('sdk_timeout')), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(new SdkLoadError('sdk_load_failed', error));
      },
    );
  });
}

/** True when the page holds a script element loading the official CDN URL (R1). */
export function hasOfficialSdkScript(doc: Document = document): boolean {
  return Array.from(doc.querySelectorAll<HTMLScriptElement>('script[src]')).some((s) => OFFICIAL_SDK_PATTERN.test(s.src));
}
