/**
 * Follows the card the buyer is typing: BIN → payment method (brand, field settings) → issuer
 * (only when the method needs one) → installment options. Lookups overlap when the buyer types
 * fast; only answers for the newest BIN (and amount) are kept.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LatestOnly } from '../internal/latest-only.js';
import { toInstallmentChoices, type InstallmentChoice } from '../mercadopago/financing.js';
import type { SiteId } from '../mercadopago/sites.js';
import type { Issuer, MercadoPagoInstance, PaymentMethod } from '../mercadopago/sdk-types.js';

export type CardProblem = 'card_not_supported' | 'sdk_request_failed' | 'no_installments';

export interface CardControllerOptions {
  /** The MercadoPago instance the lookups ask (undefined while MercadoPago.js is not loaded). */
  mp(): MercadoPagoInstance | undefined;
  /** What the installments are asked for, read when they are (the site may have just changed). */
  query(): InstallmentQuery;
  methodChanged(method: PaymentMethod | undefined): void;
  problem(problem: CardProblem, cause?: unknown): void;
}

export interface InstallmentQuery {
  amount: number;
  site: SiteId;
  min?: number;
  max?: number;
}

/**
 * The brand's logo (`secure_thumbnail`), only over https: the documented CSP allows images from
 * Mercado Pago's https hosts, and an http logo would be mixed content on a checkout page.
 */
function brandLogo(method: PaymentMethod | undefined): string | undefined {
  const url = method?.secure_thumbnail;
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export class CardController implements ReactiveController {
  bin: string | null = null;
  method?: PaymentMethod;
  issuers: Issuer[] = [];
  issuerId = '';
  choices: InstallmentChoice[] = [];
  installments = 0;
  processingMode?: string;
  /** What the current `choices` were quoted for: a choice for another amount or range is stale. */
  quoted?: InstallmentQuery;
  loading = false;
  private readonly latest = new LatestOnly();
  /** The amount and range last seen: a change asks for a new quote. */
  private askedFor?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CardControllerOptions,
  ) {
    host.addController(this);
  }

  /** The amount or the range changed (a page script, a framework): quote the card again. */
  hostUpdated(): void {
    const { amount, min, max } = this.options.query();
    const asked = `${amount} ${min} ${max}`;
    if (asked === this.askedFor) return;
    this.askedFor = asked;
    void this.refreshInstallments();
  }

  /** The options were quoted for the current amount and range (a plan quoted for another is stale), and no lookup is under way. */
  get quoteIsCurrent(): boolean {
    const { quoted } = this;
    const query = this.options.query();
    return !this.loading && quoted?.amount === query.amount && quoted.min === query.min && quoted.max === query.max;
  }

  /** What the form shows of the card. */
  get view() {
    return {
      methodName: this.method?.name,
      methodLogo: brandLogo(this.method),
      needsIssuer: this.needsIssuer,
      issuers: this.issuers,
      issuerId: this.issuerId,
      choices: this.choices,
      selected: this.selectedChoice,
      quoteIsCurrent: this.quoteIsCurrent,
    };
  }

  /** The issuer select is shown only when the method says it needs one. */
  get needsIssuer(): boolean {
    return this.method?.additional_info_needed?.includes('issuer_id') ?? false;
  }

  get selectedChoice(): InstallmentChoice | undefined {
    return this.choices.find((c) => c.installments === this.installments);
  }

  /**
   * A new BIN (or null when the number was cleared or turned invalid). The query is read when the
   * installments are asked for: the card's own answer may change the site (the account's country).
   * Nothing is looked up before MercadoPago.js is loaded.
   */
  async binChanged(bin: string | null): Promise<void> {
    const mp = this.options.mp();
    if (!mp) return;
    const isCurrent = this.latest.begin();
    this.clear();
    this.bin = bin;
    this.options.methodChanged(undefined);
    if (!bin) return;
    this.loading = true;
    this.host.requestUpdate();
    try {
      const { results } = await mp.getPaymentMethods({ bin });
      if (!isCurrent()) return;
      const method = results?.[0];
      if (!method) {
        this.loading = false;
        this.options.problem('card_not_supported');
        return;
      }
      this.method = method;
      this.options.methodChanged(method);
      if (this.needsIssuer) {
        const issuers = await mp.getIssuers({ paymentMethodId: method.id, bin });
        if (!isCurrent()) return;
        this.issuers = Array.isArray(issuers) ? issuers : [];
        this.issuerId = this.issuers.length === 1 ? String(this.issuers[0].id) : '';
      } else {
        this.issuerId = method.issuer?.id !== undefined ? String(method.issuer.id) : '';
      }
      await this.loadInstallments(mp, isCurrent);
    } catch (error) {
      if (isCurrent()) {
        this.loading = false;
        this.options.problem('sdk_request_failed', error);
      }
    }
    if (isCurrent()) {
      this.loading = false;
      this.host.requestUpdate();
    }
  }

  /** The amount (or range) changed: re-fetch options, keeping the buyer's choice if still offered. */
  async refreshInstallments(): Promise<void> {
    const mp = this.options.mp();
    if (!this.bin || !mp) return;
    // The card lookup is still under way (or stopped before its issuers): its quote would be for
    // the old amount, so look the card up again with the new one.
    if (!this.method || (this.needsIssuer && !this.issuers.length)) return this.binChanged(this.bin);
    const isCurrent = this.latest.begin();
    this.loading = true;
    this.host.requestUpdate();
    try {
      await this.loadInstallments(mp, isCurrent);
    } catch (error) {
      if (isCurrent()) this.options.problem('sdk_request_failed', error);
    }
    if (isCurrent()) {
      this.loading = false;
      this.host.requestUpdate();
    }
  }

  /** Forgets the card (new card, reset, or SDK rebuilt). */
  reset(): void {
    this.latest.cancel();
    this.clear();
    this.bin = null;
  }

  private clear(): void {
    this.method = undefined;
    this.issuers = [];
    this.issuerId = '';
    this.choices = [];
    this.processingMode = undefined;
    this.quoted = undefined;
    this.loading = false;
  }

  private async loadInstallments(mp: MercadoPagoInstance, isCurrent: () => boolean) {
    const { bin, method } = this;
    if (!bin || !method) return;
    const query = this.options.query();
    const options = await mp.getInstallments({ amount: String(query.amount), bin, paymentTypeId: method.payment_type_id });
    if (!isCurrent()) return;
    const option = Array.isArray(options) ? options[0] : undefined;
    this.processingMode = option?.processing_mode;
    const previous = this.installments;
    this.choices = toInstallmentChoices(option?.payer_costs, query);
    this.quoted = query;
    const kept = this.choices.find((c) => c.installments === previous);
    this.installments = kept ? kept.installments : (this.choices[0]?.installments ?? 0);
    if (!this.choices.length) this.options.problem('no_installments');
  }
}
