import { expect, waitUntil } from '@open-wc/testing';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import { clickPay, fillCard, MLA_DEBIT_MASTER, messageText, part, pay, renderCheckout, secureFrame, typeInto } from '../helpers/fixtures.js';

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
