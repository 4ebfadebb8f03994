/**
 * Loads MercadoPago.js from https://sdk.mercadopago.com/js/v2 through the official loader.
 *
 * `@mercadopago/sdk-js` caches its one promise forever: a failed load cannot be retried without a
 * page reload, and a pre-existing script tag that already failed never settles. So: our own
 * timeout, and a failure tells the buyer to reload (the only honest retry).
 *
 * Trusted Types: the loader assigns a plain string to `script.src`, which a page enforcing
 * `require-trusted-types-for 'script'` refuses with a TypeError, and the checkout dies. Where the
 * browser has Trusted Types, the element therefore adds that same script tag itself (created,
 * given the official URL and appended to head or body exactly as the loader's `injectScript` does)
 * through a policy of its own, `mp-checkout`, that lets through that one URL and nothing else; the
 * loader then finds the tag and waits on it as it waits on any tag already on the page, so its
 * promise, load and error handling stay the official ones. Rejected alternatives: a `default` policy
 * would take over every string sink of the merchant's page; waiting on the tag ourselves would drop
 * the loader where most buyers are. The cost: finding a tag it did not add, the loader logs "MercadoPago
 * has already been initialized in your window, please remove the duplicate import" — expected here.
 * Pages do not reveal whether they enforce Trusted Types, so this happens wherever the API exists.
 */
import { loadMercadoPago } from '@mercadopago/sdk-js';
import type { MercadoPagoConstructor } from './sdk-types.js';

export const OFFICIAL_SDK_URL = 'https://sdk.mercadopago.com/js/v2';
const OFFICIAL_SDK_PATTERN = /^https:\/\/sdk\.mercadopago\.com\/js\/v2\/?(\?.*)?$/;

/** The Trusted Types policy the element adds MercadoPago.js through: `trusted-types mp-checkout`. */
export const TRUSTED_TYPES_POLICY = 'mp-checkout';

/** The part of the Trusted Types API used here (not in TypeScript's DOM library yet). */
interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
}

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
// undefined: not asked yet; null: no Trusted Types here, or the page's `trusted-types` directive refused the name.
let scriptUrlPolicy: ScriptUrlPolicy | null | undefined;
let loadedAt: number | undefined;

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
  shared ??= withTimeout(startOfficialLoader(), timeoutMs).then((value) => {
    if (typeof value !== 'function') throw new SdkLoadError('sdk_load_failed');
    provenance.loaded = true;
    loadedAt ??= performance.now();
    return value as MercadoPagoConstructor;
  });
  // A timed-out load may still finish later; the next element gets a fresh chance to see it.
  shared.catch((error) => {
    if (error instanceof SdkLoadError && error.code === 'sdk_timeout') shared = undefined;
  });
  return shared;
}

/**
 * Starts the official loader without waiting for it (the bundle's prefetch, before any element
 * runs), through the same path as `loadSdk`: the Trusted Types policy and the record of whether a
 * MercadoPago was already on the page. A failure is the element's to report when it asks.
 */
export function prefetchOfficialSdk(): void {
  startOfficialLoader().catch(() => undefined);
}

/** When MercadoPago.js became usable (`performance.now()`), or undefined while it has not. */
export function sdkLoadedAt(): number | undefined {
  return loadedAt;
}

/**
 * The official loader, after adding its script tag through the `mp-checkout` policy where Trusted
 * Types exist. The first call records whether the page had a MercadoPago of its own before it.
 */
function startOfficialLoader(): Promise<unknown> {
  provenance.preexisting ??= 'MercadoPago' in window;
  try {
    addOfficialScriptThroughPolicy();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return loadMercadoPago();
}

function addOfficialScriptThroughPolicy(): void {
  if ('MercadoPago' in window || hasOfficialSdkScript()) return; // the loader takes what is there
  const policy = officialScriptUrlPolicy();
  if (!policy) return;
  const script = document.createElement('script');
  // The buyer's form waits on this script more than on anything else, and Chromium holds back the
  // execution of a cross-site async script: until a loading milestone such as the first paint
  // (DelayAsyncScriptExecution), and then on a low-priority queue (LowPriorityAsyncScriptExecution),
  // so MercadoPago.js ran up to 200 ms after it had arrived, behind the element's own work
  // (`npm run bench`, Chromium's trace). A script inserted with `async = false` is not an async
  // script to those interventions: it runs as soon as it has loaded (in order with other such
  // scripts, which pages rarely have), without blocking the parser or rendering. `fetchpriority`
  // asks the network for it first.
  script.async = false;
  script.setAttribute('fetchpriority', 'high');
  // A TrustedScriptURL, which the src setter takes as it is; TypeScript's DOM types know only strings.
  script.src = policy.createScriptURL(OFFICIAL_SDK_URL) as string;
  const headOrBody = document.head ?? document.body;
  // Without either, the loader throws its own explanation.
  headOrBody?.appendChild(script);
}

function officialScriptUrlPolicy(): ScriptUrlPolicy | null {
  if (scriptUrlPolicy !== undefined) return scriptUrlPolicy;
  const factory = (window as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  try {
    scriptUrlPolicy = factory
      ? factory.createPolicy(TRUSTED_TYPES_POLICY, {
          createScriptURL: (url) => {
            if (url !== OFFICIAL_SDK_URL) throw new TypeError(`${TRUSTED_TYPES_POLICY}: only ${OFFICIAL_SDK_URL} may be loaded, not ${url}`);
            return url;
          },
        })
      : null;
  } catch {
    // The page's `trusted-types` directive does not name this policy (the browser reports that to the
    // page's CSP): the loader's own path runs, and tells whether the page lets it.
    scriptUrlPolicy = null;
  }
  return scriptUrlPolicy;
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
function hasOfficialSdkScript(doc: Document = document): boolean {
  return Array.from(doc.querySelectorAll<HTMLScriptElement>('script[src]')).some((s) => OFFICIAL_SDK_PATTERN.test(s.src));
}
