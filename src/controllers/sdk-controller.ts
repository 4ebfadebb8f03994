/**
 * Owns the MercadoPago instance: loads MercadoPago.js once per page, and builds a new instance
 * whenever the public key or the SDK locale changes (the old one is simply dropped; its fields are
 * unmounted by the fields controller first).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadSdk, SdkLoadError } from '../mercadopago/sdk-loader.js';
import type { MercadoPagoInstance, SdkLocale } from '../mercadopago/sdk-types.js';

export interface SdkControllerOptions {
  /** Milliseconds to wait for MercadoPago.js. */
  timeoutMs(): number;
  ready(mp: MercadoPagoInstance): void;
  failed(code: 'sdk_load_failed' | 'sdk_timeout', cause: unknown): void;
}

export class SdkController implements ReactiveController {
  mp?: MercadoPagoInstance;
  /** The public key the current (or coming) instance is built for. */
  publicKey = '';
  private wanted = '';

  constructor(
    host: ReactiveControllerHost,
    private readonly options: SdkControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // ReactiveController has only optional hooks; TypeScript needs one declared to accept the type.
  }

  /** Makes sure an instance for this key and locale exists (or is on its way). */
  async ensure(publicKey: string, locale: SdkLocale): Promise<void> {
    const wanted = `${publicKey}|${locale}`;
    if (wanted === this.wanted) return;
    this.wanted = wanted;
    this.publicKey = publicKey;
    this.mp = undefined;
    try {
      const MercadoPago = await loadSdk(this.options.timeoutMs());
      if (this.wanted !== wanted) return; // the key or locale changed meanwhile
      this.mp = new MercadoPago(publicKey, { locale });
      this.options.ready(this.mp);
    } catch (error) {
      if (this.wanted !== wanted) return;
      this.wanted = '';
      const code = error instanceof SdkLoadError ? error.code : 'sdk_load_failed';
      this.options.failed(code, error);
    }
  }

  /** Forgets the instance, so the next ensure() builds a fresh one. */
  reset(): void {
    this.wanted = '';
    this.publicKey = '';
    this.mp = undefined;
  }
}
