import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import {
  buttonWithText,
  clickPay,
  collectEvents,
  fieldErrorText,
  fillCard,
  MLA_DEBIT_MASTER,
  MLA_VISA,
  merchantRequests,
  messageText,
  newLogId,
  part,
  pay,
  renderCheckout,
  secureFrame,
  typeInto,
} from '../helpers/fixtures.js';
import { typeInSecureField } from '../helpers/type-in-field.js';
import { installmentsFor } from '../../sandbox/catalog.js';

function secureValue(el: MpCheckoutElement, field: 'cardNumber' | 'expirationDate' | 'securityCode'): string {
  return secureFrame(el, field).contentDocument?.querySelector('input')?.value ?? '';
}

describe('<mp-checkout> payment results', () => {
  it('OTHE: shows the rejection and a "Use another card" button that clears the card and keeps name and e-mail', async () => {
    const { el, logId } = await renderCheckout();
    await fillCard(el, { name: 'OTHE', email: 'keep@example.com', idNumber: '30111222' });
    const event = await pay(el);
    expect(event.detail).to.include({ status: 'rejected', statusDetail: 'cc_rejected_other_reason', kind: 'rejected' });
    await el.updateComplete;
    expect(messageText(el)).to.equal('Visa did not process the payment.');
    expect(part(el, 'form')!.hidden, 'the form stays visible after a rejection').to.equal(false);

    const another = buttonWithText(el, 'Use another card');
    expect(another, '"Use another card" offered').to.exist;
    const ready = oneEvent(el, 'mp-ready');
    another!.click();
    await ready;
    await el.updateComplete;

    for (const field of ['cardNumber', 'expirationDate', 'securityCode'] as const) {
      expect(secureValue(el, field), `${field} cleared`).to.equal('');
    }
    expect((part(el, 'cardholder-name') as HTMLInputElement).value, 'cardholder name kept').to.equal('OTHE');
    expect((part(el, 'email') as HTMLInputElement).value, 'e-mail kept').to.equal('keep@example.com');
    expect((part(el, 'identification-number') as HTMLInputElement).value, 'document number kept').to.equal('30111222');
    expect(messageText(el), 'the rejection message is gone').to.equal('');
    expect(buttonWithText(el, 'Use another card'), 'the button is gone').to.equal(null);
    expect(part(el, 'installments'), "the old card's installments are gone").to.equal(null);

    // The new card pays.
    await fillCard(el, { name: 'APRO', email: 'keep@example.com', idNumber: '30111222' });
    const second = await pay(el);
    expect(second.detail.status).to.equal('approved');
    const requests = await merchantRequests(logId);
    expect(requests).to.have.length(2);
    expect(requests[1].body.token).not.to.equal(requests[0].body.token);
  });

  for (const [name, detail, text] of [
    ['CALL', 'cc_rejected_call_for_authorize', /authorize the payment of ARS\s1,500\.50 with Visa/],
    ['FUND', 'cc_rejected_insufficient_amount', /Visa has insufficient funds/],
  ] as const) {
    it(`${name}: shows its own message with the placeholders filled`, async () => {
      const { el } = await renderCheckout();
      await fillCard(el, { name });
      const event = await pay(el);
      expect(event.detail.statusDetail).to.equal(detail);
      await el.updateComplete;
      expect(messageText(el)).to.match(text);
      expect(messageText(el)).not.to.contain('{{');
    });
  }

  it('SECU: the security code gets the error under it and the focus', async () => {
    const { el } = await renderCheckout();
    await fillCard(el, { name: 'SECU' });
    const event = await pay(el);
    expect(event.detail).to.include({ status: 'rejected', statusDetail: 'cc_rejected_bad_filled_security_code' });
    await el.updateComplete;
    expect(fieldErrorText(el, 'security-code')).to.equal("Check the card's security code.");
    expect(fieldErrorText(el, 'card-number'), 'no error under the card number').to.equal('');
    expect(part(el, 'security-code')!.classList.contains('invalid')).to.equal(true);
    const frame = secureFrame(el, 'securityCode');
    await waitUntil(
      () => document.activeElement === frame,
      `focus is on ${document.activeElement?.localName}[name=${(document.activeElement as HTMLIFrameElement)?.name}], not the security code`,
      { timeout: 2000 },
    );
    const input = frame.contentDocument!.querySelector('input')!;
    expect(frame.contentDocument!.activeElement).to.equal(input);
    expect(input.getAttribute('aria-invalid'), 'marked invalid inside the iframe').to.equal('true');
    expect(buttonWithText(el, 'Use another card'), 'a data-entry mistake is fixed, not answered with another card').to.equal(null);
  });

  it('EXPI: the expiration date gets the error under it and the focus', async () => {
    const { el } = await renderCheckout();
    await fillCard(el, { name: 'EXPI' });
    await pay(el);
    await el.updateComplete;
    expect(fieldErrorText(el, 'expiration-date')).to.equal('Check the expiration date.');
    await waitUntil(() => document.activeElement === secureFrame(el, 'expirationDate'), 'focus not on the expiration date', { timeout: 2000 });
  });

  it('CONT with status-action: "processing" first, then approved after polling; two mp-payment events', async () => {
    const logId = newLogId();
    const { el } = await renderCheckout({ logId, attrs: { 'status-action': `/sandbox/${logId}/payment_status` } });
    await fillCard(el, { name: 'CONT' });
    const payments = collectEvents(el, ['mp-payment']);
    const first = await pay(el);
    expect(first.detail).to.include({ status: 'in_process', statusDetail: 'pending_contingency', kind: 'pending' });
    await el.updateComplete;
    expect(messageText(el)).to.match(/processing your payment/i);

    await waitUntil(() => payments.length === 2, 'the pending payment never settled', { timeout: 8000, interval: 100 });
    expect(payments.map((e) => e.detail.status)).to.deep.equal(['in_process', 'approved']);
    expect(payments[1].detail.id).to.equal(first.detail.id);
    await el.updateComplete;
    expect(messageText(el)).to.match(/^Payment approved!/);

    const log = await merchantRequests(logId);
    expect(log.map((r) => r.method)).to.deep.equal(['POST', 'GET', 'GET']);
    for (const get of log.slice(1)) {
      expect(get.path).to.equal(`/sandbox/${logId}/payment_status?id=${first.detail.id}`);
      expect(get.headers.accept).to.equal('application/json');
    }
  });

  it('respond=detail (sample-server {status, detail, id}): detail is read as status_detail', async () => {
    const { el } = await renderCheckout({ respond: 'detail' });
    await fillCard(el, { name: 'APRO' });
    const event = await pay(el);
    expect(event.detail).to.include({ status: 'approved', statusDetail: 'accredited' });
    expect(event.detail.id).to.match(/^\d+$/);
    await el.updateComplete;
    // "accredited" has its own text; the bare status would only give "Payment approved."
    expect(messageText(el)).to.match(/^Payment approved! You paid ARS\s1,500\.50\.$/);
  });

  it('respond=detail with SECU: the detail still points at the security code', async () => {
    const { el } = await renderCheckout({ respond: 'detail' });
    await fillCard(el, { name: 'SECU' });
    const event = await pay(el);
    expect(event.detail.statusDetail).to.equal('cc_rejected_bad_filled_security_code');
    await el.updateComplete;
    expect(fieldErrorText(el, 'security-code')).to.equal("Check the card's security code.");
    expect(messageText(el)).to.equal("Check the card's security code.");
  });

  it('Mastercard debit: shows the issuer select and sends the issuer_id the buyer chose', async () => {
    const { el, logId } = await renderCheckout();
    await fillCard(el, { number: MLA_DEBIT_MASTER, name: 'APRO' });
    await waitUntil(() => part(el, 'issuer'), 'issuer select not shown');
    const issuer = part(el, 'issuer') as HTMLSelectElement;
    const options = Array.from(issuer.options).map((o) => [o.value, o.textContent.trim()]);
    expect(options.slice(1).map(([, text]) => text)).to.deep.equal(['Banco Galicia', 'Banco Santander', 'Banco Nación']);
    expect(issuer.value, 'no bank preselected').to.equal('');
    expect(el.shadowRoot!.querySelector(`label[for="${issuer.id}"]`)!.textContent).to.contain('Issuing bank');

    // Paying without choosing a bank asks for it, and sends nothing.
    clickPay(el);
    await waitUntil(() => fieldErrorText(el, 'issuer') !== '', 'no issuer error');
    expect(fieldErrorText(el, 'issuer')).to.equal('Select the bank that issued your card.');
    expect(await merchantRequests(logId)).to.have.length(0);

    typeInto(issuer, '1028');
    await el.updateComplete;
    const event = await pay(el);
    expect(event.detail.status).to.equal('approved');
    const [request] = await merchantRequests(logId);
    expect(request.body.payment_method_id).to.equal('debmaster');
    expect(request.body.issuer_id).to.equal('1028');
  });

  it("the issuer select disappears for a card that needs none, and issuer_id is then the method's own", async () => {
    const { el, logId } = await renderCheckout();
    await fillCard(el, { number: MLA_DEBIT_MASTER, name: 'APRO' });
    await waitUntil(() => part(el, 'issuer'));
    typeInto(part(el, 'issuer') as HTMLSelectElement, '338');
    typeInSecureField(secureFrame(el, 'cardNumber'), '4509953566233704');
    await waitUntil(() => !part(el, 'issuer') && part(el, 'installments'), 'issuer select still shown for Visa');
    await el.updateComplete;
    await pay(el);
    const [request] = await merchantRequests(logId);
    expect(request.body.payment_method_id).to.equal('visa');
    expect(request.body.issuer_id).to.be.a('string').and.not.equal('338');
  });
});

describe('<mp-checkout> what happened, for every buyer (#14)', () => {
  const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const ars = (n: number) => norm(new Intl.NumberFormat('en', { style: 'currency', currency: 'ARS', minimumFractionDigits: 2 }).format(n));

  function messageRegion(el: MpCheckoutElement): HTMLElement {
    return part(el, 'message')!;
  }

  it('an approval shows a receipt: heading with an icon, total and installments, operation number, statement descriptor; the banner goes', async () => {
    const amount = 1500.5;
    const six = installmentsFor('MLA', amount, MLA_VISA.slice(0, 8))[0].payer_costs.find((c) => c.installments === 6)!;
    const { el } = await renderCheckout({ attrs: { 'statement-descriptor': 'MYSHOP' } });
    await fillCard(el, { name: 'APRO' });
    expect(part(el, 'banner'), 'the banner shows while paying').to.exist;
    typeInto(part(el, 'installments') as HTMLSelectElement, '6');
    await el.updateComplete;
    const event = await pay(el);
    expect(event.detail.status).to.equal('approved');
    await el.updateComplete;

    const heading = el.shadowRoot!.querySelector('h2')!;
    expect(heading, 'a heading').to.exist;
    expect(norm(heading.textContent)).to.equal('Payment approved');
    expect(heading.querySelector('svg[aria-hidden="true"]'), 'an icon, hidden from screen readers').to.exist;
    const receipt = el.shadowRoot!.querySelector('dl.receipt')!;
    const rows = Object.fromEntries(Array.from(receipt.querySelectorAll('dt')).map((dt) => [norm(dt.textContent), norm(dt.nextElementSibling?.textContent)]));
    expect(rows).to.deep.equal({
      Total: ars(six.total_amount!),
      Installments: `6 × ${ars(six.installment_amount!)}`,
      'Operation number': event.detail.id,
      'On your card statement as': 'MYSHOP',
    });
    expect(norm(messageText(el)), 'the result message quotes the financed total').to.contain(ars(six.total_amount!));
    expect(part(el, 'banner'), 'no promotions banner over a receipt').to.equal(null);
    expect(part(el, 'form')!.hidden).to.equal(true);
    const shownNotes = Array.from(el.shadowRoot!.querySelectorAll('p')).filter(
      (p) => p.textContent?.includes('secure fields') && p.getClientRects().length > 0,
    );
    expect(shownNotes, 'no security note for a form that is gone').to.have.length(0);
  });

  it('a rejection is shown right under the pay button, with its way out next to it', async () => {
    const { el } = await renderCheckout();
    await fillCard(el, { name: 'OTHE' });
    await pay(el);
    await el.updateComplete;
    const button = part(el, 'submit-button')!;
    const message = messageRegion(el);
    const another = buttonWithText(el, 'Use another card')!;
    // Document order and drawing order: pay button, message, "Use another card"; nothing between.
    // The way out sits beside the message when the row has room (their shared row keeps its height
    // from the first render), or right under it on a narrow screen.
    const box = (e: Element) => e.getBoundingClientRect();
    expect(box(message).top, 'below the pay button').to.be.at.least(box(button).bottom);
    expect(box(message).top - box(button).bottom, 'right under it').to.be.below(32);
    expect(message.compareDocumentPosition(another) & Node.DOCUMENT_POSITION_FOLLOWING, '"Use another card" follows the message').to.not.equal(0);
    const beside = box(another).left >= box(message).right && box(another).top < box(message).bottom && box(another).bottom > box(message).top;
    const under = box(another).top >= box(message).bottom && box(another).top - box(message).bottom < 32;
    expect(beside || under, '"Use another card" next to the message').to.equal(true);
  });

  for (const how of ['keyboard', 'mouse'] as const) {
    it(`after a rejection (${how}) the focus is on the message, never on <body>`, async () => {
      const { el } = await renderCheckout();
      await fillCard(el, { name: 'OTHE' });
      const button = part(el, 'submit-button') as HTMLButtonElement;
      // Keyboard: the button has the focus when pressed. Mouse: Safari does not focus a clicked button.
      if (how === 'keyboard') button.focus();
      else (document.activeElement as HTMLElement | null)?.blur();
      const answer = oneEvent(el, 'mp-payment');
      button.click();
      expect((await answer).detail.status).to.equal('rejected');
      await waitUntil(() => el.shadowRoot!.activeElement === messageRegion(el), `focus is on ${document.activeElement?.localName}`, { timeout: 2000 });
      expect(messageText(el)).to.equal('Visa did not process the payment.');
    });
  }

  it('"Use another card" puts the focus on the fresh card number', async () => {
    const { el } = await renderCheckout();
    await fillCard(el, { name: 'OTHE' });
    await pay(el);
    await el.updateComplete;
    const another = buttonWithText(el, 'Use another card')!;
    another.focus();
    const ready = oneEvent(el, 'mp-ready');
    another.click();
    await ready;
    await waitUntil(() => document.activeElement === secureFrame(el, 'cardNumber'), `focus is on ${document.activeElement?.localName}`, { timeout: 2000 });
  });
});
