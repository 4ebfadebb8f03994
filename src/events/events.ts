/**
 * The element's events (PRODUCT.md §6). All bubble and are composed so a page listening on
 * document sees them; none ever carries card data (no number, CVV, expiry or token).
 */

const init = { bubbles: true, composed: true } as const;

/** The card form is mounted and ready for input. */
export class MpReadyEvent extends CustomEvent<Record<string, never>> {
  constructor() {
    super('mp-ready', { ...init, detail: {} });
  }
}

export interface MpChangeDetail {
  /** Which control changed: a field name, `paymentMethod` or `locale`. */
  field: string;
  /** The control's validity after the change, when known. */
  valid?: boolean;
  /** The detected payment method id (`visa`, `master`…), when the card number changed. */
  paymentMethodId?: string;
  /** The selected number of installments, when installments changed. */
  installments?: number;
}

/** The buyer changed something in the form. */
export class MpChangeEvent extends CustomEvent<MpChangeDetail> {
  constructor(detail: MpChangeDetail) {
    super('mp-change', { ...init, detail });
  }
}

export interface MpSubmitDetail {
  amount: number;
  paymentMethodId?: string;
  installments?: number;
}

/** The buyer submits a valid form; `preventDefault()` stops the payment. */
export class MpSubmitEvent extends CustomEvent<MpSubmitDetail> {
  constructor(detail: MpSubmitDetail) {
    super('mp-submit', { ...init, cancelable: true, detail });
  }
}

export interface MpPaymentDetail {
  /** Mercado Pago's payment id, when the server returned one. */
  id?: string;
  status: string;
  statusDetail?: string;
  /** Where the payment stands for the buyer: approved, pending, rejected or unknown. */
  kind: 'approved' | 'pending' | 'rejected' | 'unknown';
}

/** A payment result arrived (the first answer, and again when a pending payment settles). */
export class MpPaymentEvent extends CustomEvent<MpPaymentDetail> {
  constructor(detail: MpPaymentDetail) {
    super('mp-payment', { ...init, detail });
  }
}

export interface MpErrorDetail {
  /** A stable code: `sdk_load_failed`, `network`, `config`, `insecure_context`… */
  code: string;
  /** A readable explanation (merchant-facing for configuration errors). */
  message: string;
  /** HTTP status of the merchant endpoint's answer, when there was one. */
  httpStatus?: number;
  /** Mercado Pago error codes from the answer or the SDK, or every configuration problem found. */
  causes?: string[];
}

/** A technical error: configuration, SDK, network or merchant-server failure. */
export class MpErrorEvent extends CustomEvent<MpErrorDetail> {
  constructor(detail: MpErrorDetail) {
    super('mp-error', { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mp-ready': MpReadyEvent;
    'mp-change': MpChangeEvent;
    'mp-submit': MpSubmitEvent;
    'mp-payment': MpPaymentEvent;
    'mp-error': MpErrorEvent;
  }
}
