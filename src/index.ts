export { MpCheckoutElement } from './mp-checkout.js';
export * from './events/events.js';
export type { PayerData, PaymentPayload } from './merchant/payload.js';
import './define.js';
