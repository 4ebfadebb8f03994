/**
 * The slice of the MercadoPago.js v2 surface that <mp-checkout> uses.
 *
 * Both the real SDK (served by https://sdk.mercadopago.com/js/v2) and the sandbox double
 * (src/sandbox/) are consumed through these types, so the element runs one code path for both.
 * Shapes follow Mercado Pago's public docs (see shared/spec/mercadopago.md §2).
 */

export type SecureFieldType = 'cardNumber' | 'expirationDate' | 'securityCode';

/** The Secure Fields, in the order the form shows them. */
export const SECURE_FIELDS: readonly SecureFieldType[] = ['cardNumber', 'expirationDate', 'securityCode'];

/** True for the fields that live in Mercado Pago's iframes rather than in the element. */
export function isSecureField(field: string): field is SecureFieldType {
  return (SECURE_FIELDS as readonly string[]).includes(field);
}

/** CSS properties the Secure Fields accept in their `style` option (others are ignored by MP). */
export interface SecureFieldStyle {
  color?: string;
  'font-family'?: string;
  'font-size'?: string;
  'font-style'?: string;
  'font-variant'?: string;
  'font-weight'?: string;
  height?: string;
  margin?: string;
  padding?: string;
  width?: string;
  'placeholder-color'?: string;
  'text-align'?: string;
}

export interface SecureFieldOptions {
  placeholder?: string;
  style?: SecureFieldStyle;
  /** Label read by screen readers inside the iframe. */
  srLabel?: string;
  ariaRequired?: boolean;
  mode?: 'short';
}

export interface SecurityCodeSettings {
  mode: 'mandatory' | 'optional';
  length: number;
  card_location?: 'back' | 'front';
}

export interface CardNumberSettings {
  length: number;
  validation: 'standard' | 'none';
}

export interface PaymentMethodSettings {
  security_code: SecurityCodeSettings;
  card_number: CardNumberSettings;
  bin?: { pattern: string; exclusion_pattern?: string | null; installments_pattern?: string };
}

export interface SecureFieldUpdate {
  placeholder?: string;
  style?: SecureFieldStyle;
  settings?: PaymentMethodSettings;
  /** Marks the field invalid; the SDK sets aria-invalid inside the iframe. */
  invalid?: boolean;
}

export type ValidityCause = 'invalid_type' | 'invalid_length' | 'invalid_value';

export interface FieldEventMap {
  ready: { field: SecureFieldType };
  focus: { field: SecureFieldType };
  blur: { field: SecureFieldType };
  change: { field: SecureFieldType };
  paste: { field: SecureFieldType };
  validityChange: { field: SecureFieldType; errorMessages: Array<{ message: string; cause: ValidityCause }> };
  error: { field: SecureFieldType; error: unknown };
  /** cardNumber only: the first 8 digits once known, null when they become invalid or are cleared. */
  binChange: { field: SecureFieldType; bin: string | null };
}

export interface SecureField {
  mount(containerId: string): SecureField;
  unmount(): void;
  update(props: SecureFieldUpdate): void;
  on<K extends keyof FieldEventMap>(event: K, callback: (data: FieldEventMap[K]) => void): SecureField;
  focus(): void;
  blur(): void;
}

export interface CardTokenRequest {
  cardholderName: string;
  identificationType?: string;
  identificationNumber?: string;
}

export interface CardToken {
  id: string;
  first_six_digits?: string;
  last_four_digits?: string;
  expiration_month?: number;
  expiration_year?: number;
  cardholder?: { name?: string; identification?: { type?: string; number?: string } };
  [key: string]: unknown;
}

export interface IdentificationType {
  id: string;
  name: string;
  type: 'number' | 'string';
  min_length: number;
  max_length: number;
}

export interface Issuer {
  id: string | number;
  name: string;
  thumbnail?: string;
  secure_thumbnail?: string;
}

export type PaymentTypeId = 'credit_card' | 'debit_card' | 'prepaid_card';

export interface PaymentMethod {
  id: string;
  name: string;
  payment_type_id: PaymentTypeId;
  thumbnail?: string;
  secure_thumbnail?: string;
  additional_info_needed: string[];
  issuer?: Issuer;
  settings: PaymentMethodSettings[];
  min_allowed_amount?: number;
  max_allowed_amount?: number;
}

export interface PaymentMethodsResponse {
  paging?: { total: number; limit: number; offset: number };
  results: PaymentMethod[];
}

export interface PayerCost {
  installments: number;
  installment_rate: number;
  discount_rate: number;
  labels: string[];
  installment_rate_collector: Array<'MERCADOPAGO' | 'THIRD_PARTY' | string>;
  min_allowed_amount: number;
  max_allowed_amount: number;
  recommended_message: string;
  installment_amount: number;
  total_amount: number;
  payment_method_option_id?: string;
}

export interface InstallmentsOption {
  payment_method_id: string;
  payment_type_id: PaymentTypeId;
  issuer: Issuer;
  processing_mode: string;
  merchant_account_id?: string | null;
  payer_costs: PayerCost[];
}

export interface MercadoPagoInstance {
  fields: {
    create(type: SecureFieldType, options?: SecureFieldOptions): SecureField;
    createCardToken(request: CardTokenRequest): Promise<CardToken>;
  };
  getIdentificationTypes(): Promise<IdentificationType[]>;
  getPaymentMethods(request: { bin: string }): Promise<PaymentMethodsResponse>;
  getIssuers(request: { paymentMethodId: string; bin: string }): Promise<Issuer[]>;
  getInstallments(request: { amount: string; bin: string; paymentTypeId?: string }): Promise<InstallmentsOption[]>;
}

export type SdkLocale = 'es-AR' | 'es-CL' | 'es-CO' | 'es-MX' | 'es-VE' | 'es-UY' | 'es-PE' | 'pt-BR' | 'en-US';

export interface MercadoPagoOptions {
  locale?: SdkLocale;
  advancedFraudPrevention?: boolean;
  trackingDisabled?: boolean;
}

export type MercadoPagoConstructor = new (publicKey: string, options?: MercadoPagoOptions) => MercadoPagoInstance;
