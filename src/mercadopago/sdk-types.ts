/// <reference types="mercadopago-sdk-js" />
/**
 * The slice of MercadoPago.js v2 that <mp-checkout> calls, typed from DefinitelyTyped's
 * `@types/mercadopago-sdk-js`, so a call outside Mercado Pago's published surface fails `tsc`
 * (the whole `settings[0]` object handed to `field.update`, a `createCardToken` without its
 * group…). The real SDK (https://sdk.mercadopago.com/js/v2) and the sandbox double are both used
 * through these types.
 *
 * Where DefinitelyTyped is silent or wrong, a small augmentation below says so, with its source:
 * - fields.md: `docs/fields.md` of the mercadopago/sdk-js repository (the Secure Fields reference);
 * - v2.0.0: MercadoPago.js 2.0.0 as vendored in glauciodaniel/emerj-react, `src/lib/v2.js`.
 */

declare global {
  namespace fields {
    /** fields.md, `fields.create` options table: DefinitelyTyped lists only customFonts, group and mode. */
    interface BaseFieldsOptions {
      placeholder?: string;
      style?: shared.FieldStyle;
      /** The iframe input's aria-label. */
      srLabel?: string;
      ariaRequired?: boolean;
    }
    /** fields.md, `update` table: `invalid` sets aria-invalid inside the iframe. */
    interface FieldsUpdatableProperties {
      invalid?: boolean;
    }
  }
  namespace shared {
    /** Every payer cost of the Installments API says who collects the rate; DefinitelyTyped omits it. */
    interface PayerCost {
      installment_rate_collector?: string[];
    }
  }
}

export type SecureFieldType = Extract<fields.FieldName, 'cardNumber' | 'expirationDate' | 'securityCode'>;

/** The Secure Fields, in the order the form shows them. */
export const SECURE_FIELDS: readonly SecureFieldType[] = ['cardNumber', 'expirationDate', 'securityCode'];

/** True for the fields that live in Mercado Pago's iframes rather than in the element. */
export function isSecureField(field: string): field is SecureFieldType {
  return (SECURE_FIELDS as readonly string[]).includes(field);
}

/** CSS properties the Secure Fields accept in their `style` option (fields.md, "Style"). */
export type SecureFieldStyle = shared.FieldStyle;
export type SecureFieldOptions = fields.BaseFieldsOptions;
export type SecureFieldUpdate = fields.FieldsUpdatableProperties;
/** What `update({settings})` takes on the card-number field (fields.md, "update"). */
export type CardNumberSettings = shared.CardNumber;
/** What `update({settings})` takes on the security-code field (fields.md, "update"). */
export type SecurityCodeSettings = shared.SecurityCode;
/** One entry of a payment method's `settings`: the BIN range it covers and its number and code rules. */
export type PaymentMethodSettings = shared.Setting;

export type ValidityCause = 'invalid_type' | 'invalid_length' | 'invalid_value';

/**
 * Field event payloads as fields.md documents them. DefinitelyTyped types `errorMessages` as one
 * object whose cause is `never`, and `bin` as optional; the SDK sends an array, and `null` when the
 * BIN turns invalid.
 */
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

/** A Secure Field as DefinitelyTyped has it, with `on` typed by the documented payloads. */
export type SecureField = Omit<fields.Field, 'on'> & {
  on<K extends keyof FieldEventMap>(event: K, callback: (data: FieldEventMap[K]) => void): unknown;
};

/** `mp.fields`: DefinitelyTyped's `createCardToken` (its options carry the group), our `create`. */
export type SecureFields = Pick<fields.Fields, 'createCardToken'> & {
  create(type: SecureFieldType, options?: SecureFieldOptions): SecureField;
};

export type CardToken = shared.CardTokenResponse;
export type IdentificationType = mercadopagocore.IdentificationTypesResponse;
export type PaymentMethod = mercadopagocore.Result;
export type PaymentMethodsResponse = mercadopagocore.PaymentMethodsResponse;
/** An issuer as `getIssuers` lists it. */
export type Issuer = mercadopagocore.IssuersResponse;
export type InstallmentsOption = mercadopagocore.InstallmentsResponse;
export type PayerCost = shared.PayerCost;

/** The core methods the element calls, exactly as DefinitelyTyped declares them, plus the fields. */
export type MercadoPagoInstance = Pick<mercadopagocore.MercadoPagoCore, 'getIdentificationTypes' | 'getPaymentMethods' | 'getIssuers' | 'getInstallments'> & {
  fields: SecureFields;
};

/** DefinitelyTyped's `Locale` is an ambient enum with no runtime object: its values as strings. */
export type SdkLocale = `${mercadopagocore.Locale}`;

export type MercadoPagoOptions = Omit<mercadopagocore.Options, 'locale'> & { locale?: SdkLocale };

export type MercadoPagoConstructor = new (publicKey: string, options?: MercadoPagoOptions) => MercadoPagoInstance;
