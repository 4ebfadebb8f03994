/**
 * The element calls MercadoPago.js the way Mercado Pago documents it, against a double that is at
 * least as strict as the real SDK (sandbox/mercadopago-double.ts says where each rule comes
 * from): per-field settings, a group per checkout, repeated BINs, the account's country.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import { MLA_DEBIT_MASTER, MLA_VISA, merchantRequests, messageText, part, pay, renderCheckout, secureFrame, typeInto } from '../helpers/fixtures.js';
import { secureFieldInput, typeInSecureField } from '../helpers/type-in-field.js';

const AMEX = '371180303257522';
/** A sandbox card whose security code is `optional` (sandbox/catalog.ts). */
const OPTIONAL_CODE_CARD = '6034930000000005';

interface Sdk {
  prototype: { getPaymentMethods: (...args: unknown[]) => Promise<unknown> };
}
const sdkPrototype = () => (window as unknown as { MercadoPago: Sdk }).MercadoPago.prototype;

/** Counts getPaymentMethods calls from now on. */
function countCardLookups(): { count: () => number; restore: () => void } {
  const proto = sdkPrototype();
  const original = proto.getPaymentMethods;
  let calls = 0;
  proto.getPaymentMethods = function (this: unknown, ...args: unknown[]) {
    calls++;
    return original.apply(this, args);
  };
  return { count: () => calls, restore: () => (proto.getPaymentMethods = original) };
}

/** The brand the card-number field shows: its logo's text alternative, or its name as text. */
function shownBrand(el: MpCheckoutElement): string {
  const field = part(el, 'card-number')?.closest('[part~="field"]');
  return `${field?.textContent ?? ''} ${field?.querySelector('img')?.alt ?? ''}`;
}

/** Types the card number first and waits for its brand, as a buyer reaches the code only after the number. */
async function typeCardNumber(el: MpCheckoutElement, number: string, brand: string): Promise<void> {
  typeInSecureField(secureFrame(el, 'cardNumber'), number);
  await waitUntil(() => shownBrand(el).includes(brand), `${brand} never detected`, { timeout: 5000 });
}

/** Fills everything but the card fields, and waits for installments. */
async function fillBuyer(el: MpCheckoutElement, name = 'APRO'): Promise<void> {
  typeInSecureField(secureFrame(el, 'expirationDate'), '11/30');
  typeInto(part(el, 'cardholder-name') as HTMLInputElement, name);
  const idNumber = part(el, 'identification-number') as HTMLInputElement | null;
  if (idNumber) typeInto(idNumber, '12345678');
  const email = part(el, 'email') as HTMLInputElement | null;
  if (email) typeInto(email, 'buyer@example.com');
  await waitUntil(() => part(el, 'installments'), 'installments never offered', { timeout: 5000 });
  await el.updateComplete;
}

describe('<mp-checkout> follows the documented MercadoPago.js surface', () => {
  it('pays with an American Express card: 15 digits and a 4-digit security code', async () => {
    const { el, logId } = await renderCheckout();
    await typeCardNumber(el, AMEX, 'American Express');
    typeInSecureField(secureFrame(el, 'securityCode'), '1234');
    expect(secureFieldInput(secureFrame(el, 'securityCode')).value, 'the code field took 4 digits').to.equal('1234');
    await fillBuyer(el);
    const event = await pay(el);
    expect(event.detail.status, messageText(el)).to.equal('approved');
    const [request] = await merchantRequests(logId);
    expect(request.body.payment_method_id).to.equal('amex');
  });

  it('pays with a card whose security code is optional, the code left empty', async () => {
    const { el, logId } = await renderCheckout();
    await typeCardNumber(el, OPTIONAL_CODE_CARD, 'Cencosud');
    await fillBuyer(el);
    const event = await pay(el);
    expect(event.detail.status, messageText(el)).to.equal('approved');
    const [request] = await merchantRequests(logId);
    expect(request.body.payment_method_id).to.equal('cencosud');
  });

  it('still demands the code of a card whose code is mandatory', async () => {
    const { el, logId } = await renderCheckout();
    await typeCardNumber(el, MLA_VISA, 'Visa');
    await fillBuyer(el);
    (part(el, 'submit-button') as HTMLButtonElement).click();
    await waitUntil(() => messageText(el) !== '', 'no message', { timeout: 5000 });
    expect(messageText(el)).to.equal('Enter the security code.');
    expect(await merchantRequests(logId)).to.deep.equal([]);
  });

  it('a repeated binChange with the same BIN keeps the chosen bank and installments, and looks nothing up again', async () => {
    const { el } = await renderCheckout();
    await typeCardNumber(el, MLA_DEBIT_MASTER, 'Mastercard Débito');
    await waitUntil(() => (part(el, 'issuer') as HTMLSelectElement | null)?.options.length === 4, 'no banks to choose from', { timeout: 5000 });
    const issuer = part(el, 'issuer') as HTMLSelectElement;
    typeInto(issuer, '310');
    await el.updateComplete;
    const lookups = countCardLookups();
    try {
      // The buyer fixes the last digits: the SDK reports the same BIN again.
      typeInSecureField(secureFrame(el, 'cardNumber'), MLA_DEBIT_MASTER.slice(0, 15));
      typeInSecureField(secureFrame(el, 'cardNumber'), MLA_DEBIT_MASTER);
      await new Promise((resolve) => setTimeout(resolve, 120));
      await el.updateComplete;
      expect(lookups.count(), 'no new card lookup').to.equal(0);
      expect((part(el, 'issuer') as HTMLSelectElement).value, 'the chosen bank stays').to.equal('310');
    } finally {
      lookups.restore();
    }

    // The same for installments on a credit card.
    typeInSecureField(secureFrame(el, 'cardNumber'), '');
    await typeCardNumber(el, MLA_VISA, 'Visa');
    await waitUntil(() => (part(el, 'installments') as HTMLSelectElement | null)?.options.length, 'no options', { timeout: 5000 });
    typeInto(part(el, 'installments') as HTMLSelectElement, '6');
    await el.updateComplete;
    typeInSecureField(secureFrame(el, 'cardNumber'), MLA_VISA.slice(0, 12));
    typeInSecureField(secureFrame(el, 'cardNumber'), MLA_VISA);
    await new Promise((resolve) => setTimeout(resolve, 120));
    await el.updateComplete;
    expect((part(el, 'installments') as HTMLSelectElement).value, 'the chosen installments stay').to.equal('6');
  });

  it("an account whose country differs from the page's locale shows the account's currency, and says to set site", async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      // A Brazilian account on a page in Argentine Spanish, with no site attribute.
      const { el, logId } = await renderCheckout({ attrs: { 'public-key': 'TEST-MLB-sandbox-key', locale: 'es-AR', site: '', amount: '150' } });
      await typeCardNumber(el, '4235647728025682', 'Visa');
      const reais = new Intl.NumberFormat('es-AR', { style: 'currency', currency: 'BRL' }).format(150);
      await waitUntil(() => (part(el, 'submit-button')?.textContent ?? '').includes(reais), `the button never showed ${reais}`, { timeout: 5000 });
      expect(el.audit().some((entry) => !entry.ok && entry.message.includes('site="MLB"'))).to.equal(true);
      expect(
        warnings.some((w) => w.includes('site="MLB"')),
        'a console warning',
      ).to.equal(true);
      typeInSecureField(secureFrame(el, 'securityCode'), '123');
      typeInSecureField(secureFrame(el, 'expirationDate'), '11/30');
      typeInto(part(el, 'cardholder-name') as HTMLInputElement, 'APRO');
      typeInto(part(el, 'identification-number') as HTMLInputElement, '12345678909');
      typeInto(part(el, 'email') as HTMLInputElement, 'buyer@example.com');
      await waitUntil(() => part(el, 'installments'), 'installments never offered', { timeout: 5000 });
      const event = await pay(el);
      expect(event.detail.status, messageText(el)).to.equal('approved');
      expect(messageText(el)).to.contain(reais);
      expect((await merchantRequests(logId))[0].body.transaction_amount).to.equal(150);
    } finally {
      console.warn = original;
    }
  });

  it('two checkouts pass different groups: both ready, each pays with its own fields, and one survives the other', async () => {
    const [a, b] = await Promise.all([renderCheckout({ attrs: { amount: '100' } }), renderCheckout({ attrs: { amount: '200' } })]);
    // Type in b only: a's fields must not hear it.
    typeInSecureField(secureFrame(b.el, 'cardNumber'), MLA_VISA);
    await waitUntil(() => shownBrand(b.el).includes('Visa'), 'b never saw its card', { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(shownBrand(a.el), 'a heard nothing').not.to.contain('Visa');

    a.el.remove();
    await new Promise((resolve) => setTimeout(resolve, 20));
    typeInSecureField(secureFrame(b.el, 'securityCode'), '123');
    await fillBuyer(b.el);
    const answer = oneEvent(b.el, 'mp-payment');
    (part(b.el, 'submit-button') as HTMLButtonElement).click();
    expect((await answer).detail.status, messageText(b.el)).to.equal('approved');
    const [request] = await merchantRequests(b.logId);
    expect(request.body.transaction_amount).to.equal(200);
    expect(await merchantRequests(a.logId)).to.deep.equal([]);
  });
});
