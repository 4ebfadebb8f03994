import { expect, waitUntil } from '@open-wc/testing';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import { clickPay, fieldErrorText, fillCard, MLA_DEBIT_MASTER, messageText, part, pay, renderCheckout, secureFrame, typeInto } from '../helpers/fixtures.js';
import { typeInSecureField } from '../helpers/type-in-field.js';

/** The element's own form controls (not the Secure Fields, which live in iframes). */
function ownControls(el: MpCheckoutElement): Array<HTMLInputElement | HTMLSelectElement> {
  return Array.from(el.shadowRoot!.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select, textarea'));
}

function labelFor(el: MpCheckoutElement, control: Element): HTMLLabelElement | null {
  if (!control.id) return null;
  return el.shadowRoot!.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(control.id)}"]`);
}

function describedByTexts(el: MpCheckoutElement, control: Element): string[] {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim() ?? `<missing #${id}>`);
}

describe('<mp-checkout> accessibility', () => {
  it('passes axe in the idle state', async () => {
    const { el } = await renderCheckout();
    await expect(el).to.be.accessible();
  });

  it('passes axe in the client-validation error state (empty form submitted)', async () => {
    const { el } = await renderCheckout();
    clickPay(el);
    await waitUntil(() => messageText(el) !== '', 'no error message');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('passes axe after a rejection (OTHE)', async () => {
    const { el } = await renderCheckout();
    await fillCard(el, { name: 'OTHE' });
    const event = await pay(el);
    expect(event.detail.status).to.equal('rejected');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('passes axe with the issuer and installments selects and the financing block shown', async () => {
    const { el } = await renderCheckout();
    await fillCard(el, { number: MLA_DEBIT_MASTER });
    await waitUntil(() => part(el, 'issuer'));
    await expect(el).to.be.accessible();
  });

  it('every own input and select has a <label for> naming it', async () => {
    const { el } = await renderCheckout();
    await fillCard(el, { number: MLA_DEBIT_MASTER });
    await waitUntil(() => part(el, 'issuer'));
    const controls = ownControls(el);
    const parts = controls.map((c) => c.getAttribute('part'));
    expect(parts).to.include.members(['cardholder-name', 'identification-type', 'identification-number', 'email', 'issuer', 'installments']);
    for (const control of controls) {
      const label = labelFor(el, control);
      expect(label, `<${control.localName} part="${control.getAttribute('part')}"> has a <label for>`).to.exist;
      expect(label!.textContent.trim(), `label of ${control.getAttribute('part')} has text`).not.to.equal('');
    }
    // The Secure Fields: each iframe has a title and its input an accessible name.
    for (const field of ['cardNumber', 'expirationDate', 'securityCode'] as const) {
      const frame = secureFrame(el, field);
      expect(frame.title, `${field} iframe title`).not.to.equal('');
      const input = frame.contentDocument!.querySelector('input')!;
      expect(input.getAttribute('aria-label'), `${field} input aria-label`).to.be.a('string').and.not.empty;
    }
  });

  it('errors are linked to their fields with aria-describedby and aria-invalid="true"', async () => {
    const { el } = await renderCheckout();
    // Before any submit nothing is marked invalid.
    for (const control of ownControls(el)) expect(control.getAttribute('aria-invalid'), control.id).not.to.equal('true');

    clickPay(el);
    await waitUntil(() => messageText(el) !== '', 'no error message');
    await el.updateComplete;

    const expected: Record<string, RegExp> = {
      'cardholder-name': /name as printed/i,
      'identification-number': /between \d+ and \d+ characters/i,
      email: /valid e-mail/i,
    };
    for (const [partName, text] of Object.entries(expected)) {
      const control = part(el, partName)!;
      expect(control.getAttribute('aria-invalid'), `${partName} aria-invalid`).to.equal('true');
      const texts = describedByTexts(el, control);
      expect(
        texts.some((t) => text.test(t)),
        `${partName} is described by its error (${JSON.stringify(texts)})`,
      ).to.equal(true);
      const errorNode = el.shadowRoot!.getElementById(control.getAttribute('aria-describedby')!.split(/\s+/).pop()!)!;
      expect(errorNode.matches('[part~="field-error"]'), `${partName}'s description is its field-error part`).to.equal(true);
    }

    // The Secure Fields: the error under the card number, linked from its group, and the iframe input marked invalid.
    const group = part(el, 'card-number')!;
    expect(describedByTexts(el, group).join(' ')).to.match(/card number/i);
    const cardInput = secureFrame(el, 'cardNumber').contentDocument!.querySelector('input')!;
    await waitUntil(() => cardInput.getAttribute('aria-invalid') === 'true', 'card-number input not marked aria-invalid inside the iframe');

    // Fixing a field and submitting again clears its aria-invalid.
    typeInto(part(el, 'cardholder-name') as HTMLInputElement, 'APRO');
    clickPay(el);
    await el.updateComplete;
    await waitUntil(() => part(el, 'cardholder-name')!.getAttribute('aria-invalid') === 'false', 'fixed field still aria-invalid');
    expect(part(el, 'email')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('the live region exists before any message and is the same node once messages appear', async () => {
    const { el } = await renderCheckout({ waitReady: false });
    await el.updateComplete;
    const region = part(el, 'message');
    expect(region, 'live region rendered with the skeleton, before mp-ready').to.exist;
    expect(region!.getAttribute('role')).to.equal('status');
    expect(region!.getAttribute('aria-live')).to.be.oneOf(['polite', 'assertive']);
    expect(region!.textContent.trim(), 'empty before any message').to.equal('');

    await waitUntil(() => el.matches(':state(ready)'), 'never ready', { timeout: 5000 });
    expect(part(el, 'message')).to.equal(region);

    clickPay(el);
    await waitUntil(() => messageText(el) !== '', 'no error message');
    expect(part(el, 'message'), 'same node after the validation message').to.equal(region);
    expect(region!.isConnected).to.equal(true);
    expect(region!.textContent).to.match(/check the highlighted fields/i);

    await fillCard(el, { name: 'OTHE' });
    await pay(el);
    await el.updateComplete;
    expect(part(el, 'message'), 'same node after the rejection message').to.equal(region);
    expect(region!.textContent).to.contain('did not process');
  });

  it('submitting an empty form moves focus to the first invalid field (the card number Secure Field)', async () => {
    const { el } = await renderCheckout();
    const before = document.activeElement;
    clickPay(el);
    await waitUntil(() => messageText(el) !== '', 'no error message');
    await waitUntil(
      () => document.activeElement === secureFrame(el, 'cardNumber'),
      `focus is on ${document.activeElement?.localName} (was ${before?.localName}), not the card number iframe`,
      { timeout: 2000 },
    );
    const frameDoc = secureFrame(el, 'cardNumber').contentDocument!;
    expect(frameDoc.activeElement, 'the input inside the iframe has focus').to.equal(frameDoc.querySelector('input'));
  });

  it('when only an own field is invalid, focus moves to it', async () => {
    const { el } = await renderCheckout();
    await fillCard(el, { name: 'APRO', email: 'not-an-email' });
    clickPay(el);
    await waitUntil(() => messageText(el) !== '', 'no error message');
    await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'email'), 'focus did not move to the e-mail input', { timeout: 2000 });
    expect(messageText(el)).to.match(/valid e-mail/i);
  });
});

describe('<mp-checkout> the fields, for every buyer (#14)', () => {
  const SECURE = ['cardNumber', 'expirationDate', 'securityCode'] as const;
  const FRAME_PART = { cardNumber: 'card-number', expirationDate: 'expiration-date', securityCode: 'security-code' } as const;

  /** Focuses a Secure Field's input as a Tab into the iframe would (the double reports focus). */
  function focusSecure(el: MpCheckoutElement, field: (typeof SECURE)[number]): HTMLInputElement {
    const frame = secureFrame(el, field);
    frame.contentWindow!.focus();
    const input = frame.contentDocument!.querySelector('input')!;
    input.focus();
    return input;
  }

  it('tabbing through the empty card fields marks nothing; a field the buyer typed in and left is marked', async () => {
    const { el } = await renderCheckout();
    for (const field of SECURE) focusSecure(el, field).blur();
    const name = part(el, 'cardholder-name') as HTMLInputElement;
    name.focus();
    name.blur();
    await el.updateComplete;
    for (const field of SECURE) {
      expect(part(el, FRAME_PART[field])!.classList.contains('invalid'), `${field} frame not red`).to.equal(false);
      expect(fieldErrorText(el, FRAME_PART[field]), `${field} has no error`).to.equal('');
    }
    expect(messageText(el), 'nothing said').to.equal('');

    const number = focusSecure(el, 'cardNumber');
    typeInSecureField(secureFrame(el, 'cardNumber'), '4509');
    number.blur();
    await waitUntil(() => part(el, 'card-number')!.classList.contains('invalid'), 'the typed-in field is not marked');
    expect(fieldErrorText(el, 'card-number')).to.equal('The card number is incomplete.');
    expect(part(el, 'expiration-date')!.classList.contains('invalid'), 'the untouched expiry stays calm').to.equal(false);

    // Trying to pay marks every field, and leaving one without typing keeps its mark.
    clickPay(el);
    await waitUntil(() => part(el, 'expiration-date')!.classList.contains('invalid'), 'paying did not mark the expiry');
    focusSecure(el, 'expirationDate').blur();
    await el.updateComplete;
    expect(part(el, 'expiration-date')!.classList.contains('invalid'), 'still marked after a pay attempt').to.equal(true);
  });

  it('a Secure Field left with a mistake is announced in the live region, naming the field, and not shown twice', async () => {
    const { el } = await renderCheckout();
    const region = part(el, 'message')!;
    const input = focusSecure(el, 'securityCode');
    typeInSecureField(secureFrame(el, 'securityCode'), '1');
    await el.updateComplete;
    expect(messageText(el), 'nothing said while the buyer is typing').to.equal('');
    input.blur();
    await waitUntil(() => messageText(el) !== '', 'nothing announced');
    expect(messageText(el)).to.equal('Security code: The security code is incomplete.');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(region.getBoundingClientRect().height, 'spoken, not drawn a second time').to.be.at.most(1);
    expect(fieldErrorText(el, 'security-code'), 'seen under the field').to.equal('The security code is incomplete.');

    typeInSecureField(secureFrame(el, 'securityCode'), '123');
    await waitUntil(() => messageText(el) === '', 'the announcement outlived the mistake');
  });

  it('the Secure Fields draw the same focus ring as the element’s inputs, from the fields’ focus and blur events', async () => {
    const { el } = await renderCheckout();
    const name = part(el, 'cardholder-name') as HTMLInputElement;
    name.focus();
    const own = getComputedStyle(name);
    const ring = { style: own.outlineStyle, width: own.outlineWidth, color: own.outlineColor };
    expect(ring.style, 'the inputs have a ring').not.to.equal('none');
    name.blur();

    const frame = part(el, 'card-number')!;
    const input = focusSecure(el, 'cardNumber');
    await waitUntil(() => frame.classList.contains('focused'), 'the focus event never reached the frame');
    const secure = getComputedStyle(frame);
    expect({ style: secure.outlineStyle, width: secure.outlineWidth, color: secure.outlineColor }).to.deep.equal(ring);
    input.blur();
    await waitUntil(() => getComputedStyle(frame).outlineStyle === 'none', 'the ring outlived the blur');
  });

  it('the card brand shows as its logo (secure_thumbnail), named by the brand', async () => {
    const { el } = await renderCheckout();
    await fillCard(el);
    const sdk = (
      window as unknown as {
        MercadoPago: new (key: string) => { getPaymentMethods(q: { bin: string }): Promise<{ results: Array<{ secure_thumbnail: string }> }> };
      }
    ).MercadoPago;
    const [visa] = (await new sdk('TEST-MLA-sandbox-key').getPaymentMethods({ bin: '45099535' })).results;
    const logo = part(el, 'card-number')!.closest('[part~="field"]')!.querySelector('img')!;
    expect(logo, 'a logo').to.exist;
    expect(logo.getAttribute('src')).to.equal(visa.secure_thumbnail);
    expect(logo.alt, 'its accessible name').to.equal('Visa');
    const labelId = part(el, 'card-number')!.getAttribute('aria-labelledby')!;
    expect(el.shadowRoot!.getElementById(labelId)!.contains(logo), 'the card-number group is named with the brand').to.equal(true);
  });

  it('the document row keeps the rhythm of the other fields, each error under its own control', async () => {
    const { el } = await renderCheckout();
    const fieldOf = (name: string) => part(el, name)!.closest('[part~="field"]')!.getBoundingClientRect();
    expect(fieldOf('identification-number').height, 'as tall as the name field').to.be.closeTo(fieldOf('cardholder-name').height, 1);

    clickPay(el);
    await waitUntil(() => part(el, 'identification-number')!.getAttribute('aria-invalid') === 'true', 'no document error');
    await el.updateComplete;
    const number = part(el, 'identification-number')!;
    const error = el.shadowRoot!.getElementById(number.getAttribute('aria-describedby')!.split(/\s+/).pop()!)!;
    const box = number.getBoundingClientRect();
    const errorBox = error.getBoundingClientRect();
    expect(error.textContent).to.match(/between \d+ and \d+ characters/);
    expect(errorBox.left, 'under the number, not under the type').to.be.closeTo(box.left, 1);
    expect(errorBox.top - box.bottom, 'right under it').to.be.within(0, 8);
  });
});
