/** @jsxImportSource preact */
// Preact sets properties on custom elements when the element has them, and `onmp-payment` listens
// to `mp-payment`; the types come from `mp-checkout/types/preact`.
import 'mp-checkout';
import type {} from 'mp-checkout/types/preact';
import { useState } from 'preact/hooks';

export function Checkout({ orderId, total }: { orderId: string; total: number }) {
  const [status, setStatus] = useState('');
  return (
    <>
      <mp-checkout
        public-key="TEST-MLA-sandbox-demo"
        amount={total}
        action="/process_payment"
        external-reference={orderId}
        payer={{ email: 'ana@example.com' }}
        onmp-payment={(event) => setStatus(event.detail.status)}
        onmp-error={(event) => console.warn(event.detail.code)}
      >
        <a slot="terms" href="/terms">
          Terms and conditions
        </a>
      </mp-checkout>
      <p>{status}</p>
      {/* @ts-expect-error -- the amount is a number */}
      <mp-checkout amount="1500" />
      {/* @ts-expect-error -- there is no such detail field */}
      <mp-checkout onmp-payment={(event) => setStatus(event.detail.state)} />
    </>
  );
}
