// A page script bundled with the rest of the app: importing the package defines <mp-checkout>.
import 'mp-checkout';
import type { MpCheckoutElement, MpPaymentEvent } from 'mp-checkout';

const checkout = document.createElement('mp-checkout');
checkout.publicKey = 'TEST-MLA-sandbox-demo';
checkout.amount = 1500.5;
checkout.action = '/sandbox/process_payment';
checkout.locale = 'es-AR';
checkout.payer = { email: 'ana@example.com' };
checkout.addEventListener('mp-payment', (event: MpPaymentEvent) => {
  document.body.dataset.paymentStatus = event.detail.status;
});
checkout.addEventListener('mp-error', (event) => console.warn(event.detail.code));
document.body.append(checkout);

/** Mistakes the types catch; never called. */
export function mistakes(element: MpCheckoutElement): void {
  // @ts-expect-error -- the amount is a number
  element.amount = '1500.50';
  element.addEventListener('mp-payment', (event) => {
    // @ts-expect-error -- there is no such detail field
    console.log(event.detail.state);
  });
}
