/**
 * The Secure Fields' screen-reader labels and placeholders in each base language, inline, so the
 * fields are created the moment MercadoPago.js is here rather than after the language chunk and
 * i18next: a field's label is fixed at creation (fields.md: `srLabel` is a `fields.create` option,
 * and `update` takes no label). The same strings as `field.*` and
 * `placeholder.*` in locales/*.json, which stay their source: a unit test holds the two equal, and
 * no regional file overrides them.
 */
import type { SecureFieldType } from '../mercadopago/sdk-types.js';

export type SecureFieldTextKey = `field.${SecureFieldType}` | `placeholder.${SecureFieldType}`;

export const SECURE_FIELD_TEXT: Readonly<Record<string, Readonly<Record<SecureFieldTextKey, string>>>> = {
  en: {
    'field.cardNumber': 'Card number',
    'field.expirationDate': 'Expiration date',
    'field.securityCode': 'Security code',
    'placeholder.cardNumber': '1234 1234 1234 1234',
    'placeholder.expirationDate': 'MM/YY',
    'placeholder.securityCode': '123',
  },
  es: {
    'field.cardNumber': 'Número de tarjeta',
    'field.expirationDate': 'Fecha de vencimiento',
    'field.securityCode': 'Código de seguridad',
    'placeholder.cardNumber': '1234 1234 1234 1234',
    'placeholder.expirationDate': 'MM/AA',
    'placeholder.securityCode': '123',
  },
  'pt-BR': {
    'field.cardNumber': 'Número do cartão',
    'field.expirationDate': 'Data de vencimento',
    'field.securityCode': 'Código de segurança',
    'placeholder.cardNumber': '1234 1234 1234 1234',
    'placeholder.expirationDate': 'MM/AA',
    'placeholder.securityCode': '123',
  },
};
