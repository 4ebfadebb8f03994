/** @jsxImportSource solid-js */
// Solid: attributes by name, `prop:` for properties, `on:mp-payment` for the element's events; the
// types come from `mp-checkout/types/solid`.
import 'mp-checkout';
import type {} from 'mp-checkout/types/solid';
import { createSignal } from 'solid-js';

export function Checkout(props: { orderId: string; total: number }) {
  const [status, setStatus] = createSignal('');
  return (
    <>
      <mp-checkout
        public-key="TEST-MLA-sandbox-demo"
        amount={props.total}
        action="/process_payment"
        external-reference={props.orderId}
        prop:payer={{ email: 'ana@example.com' }}
        on:mp-payment={(event) => setStatus(event.detail.status)}
        on:mp-error={(event) => console.warn(event.detail.code)}
      >
        <a slot="terms" href="/terms">
          Terms and conditions
        </a>
      </mp-checkout>
      <p>{status()}</p>
      {/* @ts-expect-error -- the amount is a number */}
      <mp-checkout amount="1500" />
      {/* @ts-expect-error -- there is no such detail field */}
      <mp-checkout on:mp-payment={(event) => setStatus(event.detail.state)} />
    </>
  );
}
