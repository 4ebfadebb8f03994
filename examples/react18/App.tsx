// React 18 sets every JSX prop on a custom element as a string attribute and cannot listen to its
// events; the `mp-checkout/react` component (made with @lit/react) does both.
import { MpCheckout } from 'mp-checkout/react';
import { useState } from 'react';

export function Checkout({ orderId, total }: { orderId: string; total: number }) {
  const [status, setStatus] = useState('');
  return (
    <>
      <MpCheckout
        publicKey="TEST-MLA-sandbox-demo"
        amount={total}
        action="/process_payment"
        externalReference={orderId}
        payer={{ email: 'ana@example.com' }}
        headers={{ 'X-CSRF-Token': 'from-your-page' }}
        onMpPayment={(event) => setStatus(event.detail.status)}
        onMpError={(event) => console.warn(event.detail.code)}
      >
        <a slot="terms" href="/terms">
          Terms and conditions
        </a>
      </MpCheckout>
      <p>{status}</p>
      {/* @ts-expect-error -- the amount is a number */}
      <MpCheckout amount="1500" />
      {/* @ts-expect-error -- there is no such detail field */}
      <MpCheckout onMpPayment={(event) => setStatus(event.detail.state)} />
    </>
  );
}
