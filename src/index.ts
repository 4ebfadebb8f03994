// First, so MercadoPago.js is on its way before the rest of the bundle is evaluated.
import './mercadopago/sdk-prefetch.js';
export { MpCheckoutElement } from './mp-checkout.js';
export * from './events/events.js';
export type { PayerData, PaymentPayload } from './merchant/payload.js';
import './define.js';
