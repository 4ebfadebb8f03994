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

/**
 * Where the MercadoPago the element uses came from (R1). A `<script src>` with the official URL on
 * the page proves nothing: a `type="text/plain"` decoy never runs, and a self-hosted, modified copy
 * may have defined `window.MercadoPago` first, which the loader then takes whatever the tags say.
 * When there was none, the loader resolves only from the `load` event of a script element with the
 * official URL (one it found or added), which a data block never fires: that MercadoPago is trusted.
 */
const provenance = {
  /** `window.MercadoPago` existed before the element first asked for MercadoPago.js: the page's. */
  preexisting: undefined as boolean | undefined,
  /** The loader handed over a MercadoPago. */
  loaded: false,
};

/**
 * R1 as far as this page lets the element know: true when MercadoPago came from the official script,
 * false when the page had one of its own first, undefined while MercadoPago.js has not loaded.
 */
export function sdkFromOfficialScript(): boolean | undefined {
  if (provenance.preexisting ?? 'MercadoPago' in window) return false;
  return provenance.loaded ? true : undefined;
}

/** Resolves the MercadoPago constructor, or rejects with an SdkLoadError. Shared by all elements. */
export function loadSdk(timeoutMs: number): Promise<MercadoPagoConstructor> {
  provenance.preexisting ??= 'MercadoPago' in window;
  shared ??= withTimeout(loadMercadoPago(), timeoutMs).then((value) => {
    if (typeof value !== 'function') throw new SdkLoadError('sdk_load_failed');
    provenance.loaded = true;
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
