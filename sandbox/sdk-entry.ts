/**
 * Classic-script entry of the sandbox double: bundled as an IIFE and served at the official CDN URL
 * (https://sdk.mercadopago.com/js/v2) by tests and the demo, so the real loader path runs unchanged.
 */
import { MercadoPagoDouble } from './mercadopago-double.js';

(window as unknown as { MercadoPago: typeof MercadoPagoDouble }).MercadoPago = MercadoPagoDouble;
