// Mercado Pago's device profile (R4): MercadoPago.js runs it as an inline script that sets
// MP_DEVICE_SESSION_ID, the payment's device_id; the sandbox double does the same. What a
// Content-Security-Policy or Trusted Types do to it is tested end to end (test/e2e/guard.e2e.test.ts);
// here, the profile that runs but never reports and says nothing about why.
import { expect, waitUntil } from '@open-wc/testing';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import { renderCheckout } from '../helpers/fixtures.js';

const COMPLETE = { 'payer-email': 'buyer@example.com', items: JSON.stringify([{ id: 'sku-1', title: 'Mate', quantity: 1, unit_price: 1500.5 }]) };
const deviceEntry = (el: MpCheckoutElement) => el.audit().find((entry) => entry.id === 'R4')!;
const globals = window as { MP_DEVICE_SESSION_ID?: string };

describe('<mp-checkout> device profile (R4)', () => {
  it('warns, once, when the device profile has not set MP_DEVICE_SESSION_ID a few seconds after MercadoPago.js loaded', async () => {
    // The profile's script runs, but its assignment is ignored (a read-only property) and no policy
    // reports anything: only the wait can tell.
    Object.defineProperty(window, 'MP_DEVICE_SESSION_ID', { value: undefined, writable: false, configurable: true });
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      const { el } = await renderCheckout({ attrs: COMPLETE });
      const r4Warnings = () => warnings.filter((w) => w.includes('<mp-checkout> R4'));
      await waitUntil(() => r4Warnings().length > 0, 'an R4 warning', { timeout: 10_000 });
      expect(r4Warnings()[0]).to.match(/device profile did not run/);
      const r4 = deviceEntry(el);
      expect([r4.ok, r4.severity]).to.deep.equal([false, 'warning']);
      expect(r4.message).to.match(/device profile did not run.*'strict-dynamic'.*https:\/\/api\.mercadopago\.com/);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(r4Warnings()).to.have.length(1);
    } finally {
      console.warn = original;
      delete globals.MP_DEVICE_SESSION_ID;
    }
  });

  it('passes R4 once the device profile set MP_DEVICE_SESSION_ID', async () => {
    const { el } = await renderCheckout({ attrs: COMPLETE });
    await waitUntil(() => globals.MP_DEVICE_SESSION_ID, 'the device profile ran');
    expect(globals.MP_DEVICE_SESSION_ID).to.match(/^sandbox-device-[0-9a-f]{32}$/);
    const r4 = deviceEntry(el);
    expect([r4.ok, r4.severity]).to.deep.equal([true, 'info']);
  });
});
