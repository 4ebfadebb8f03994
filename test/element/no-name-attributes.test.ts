import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import {
  clickPay,
  collectEvents,
  deepQueryAll,
  fillCard,
  MLA_DEBIT_MASTER,
  MLA_VISA,
  messageText,
  part,
  pay,
  renderCheckout,
  typeInto,
} from '../helpers/fixtures.js';

const CONTROLS = 'input, select, textarea';

/** Every form control in the element: shadow root, light DOM, and the Secure Field iframes' documents. */
function allControls(el: MpCheckoutElement): Element[] {
  return deepQueryAll(el, CONTROLS);
}

function describeControl(control: Element): string {
  return `<${control.localName} name="${control.getAttribute('name')}" part="${control.getAttribute('part') ?? ''}">`;
}

/** Asserts the scan actually reached every place a control can live, and none carries a name. */
function expectNoNamedControls(el: MpCheckoutElement, { minShadow, minFrames }: { minShadow: number; minFrames: number }): void {
  const controls = allControls(el);
  const inShadow = controls.filter((c) => c.getRootNode() === el.shadowRoot);
  const inFrames = controls.filter((c) => c.ownerDocument !== document);
  expect(inShadow.length, 'own controls in the shadow root were scanned').to.be.at.least(minShadow);
  expect(inFrames.length, 'Secure Field inputs inside the iframes were scanned').to.be.at.least(minFrames);
  const named = controls.filter((c) => c.hasAttribute('name'));
  expect(named.map(describeControl), 'controls carrying a name attribute').to.deep.equal([]);
}

describe('<mp-checkout> never puts a name attribute on a form control', () => {
  it('idle: no input/select/textarea in shadow DOM, light DOM or Secure Field iframes has a name', async () => {
    const { el } = await renderCheckout();
    // cardholder name, document type, document number, e-mail
    expectNoNamedControls(el, { minShadow: 4, minFrames: 3 });
  });

  it('filled with the Mastercard debit card (issuer + installments selects visible): still no name', async () => {
    const { el } = await renderCheckout();
    await fillCard(el, { number: MLA_DEBIT_MASTER, name: 'APRO' });
    await waitUntil(() => part(el, 'issuer'), 'issuer select never shown');
    const issuer = part(el, 'issuer') as HTMLSelectElement;
    typeInto(issuer, issuer.options[1].value);
    await el.updateComplete;
    expect(part(el, 'installments')).to.exist;
    // … plus issuer and installments
    expectNoNamedControls(el, { minShadow: 6, minFrames: 3 });
  });

  it('client-validation error state (empty form submitted): still no name', async () => {
    const { el } = await renderCheckout();
    clickPay(el);
    await waitUntil(() => messageText(el) !== '', 'no error message');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[aria-invalid="true"]').length).to.be.greaterThan(0);
    expectNoNamedControls(el, { minShadow: 4, minFrames: 3 });
  });

  it('rejected payment state (OTHE): still no name', async () => {
    const { el } = await renderCheckout();
    await fillCard(el, { name: 'OTHE' });
    const event = await pay(el);
    expect(event.detail.status).to.equal('rejected');
    await el.updateComplete;
    expectNoNamedControls(el, { minShadow: 4, minFrames: 3 });
  });

  it('technical error state (server 500): still no name', async () => {
    const { el } = await renderCheckout({ respond: '500' });
    await fillCard(el);
    await pay(el, 'mp-error');
    await el.updateComplete;
    expectNoNamedControls(el, { minShadow: 4, minFrames: 3 });
  });
});

describe('<mp-checkout> never exposes the card number', () => {
  for (const [label, number] of [
    ['MLA Visa', MLA_VISA],
    ['MLA Mastercard debit', MLA_DEBIT_MASTER],
  ] as const) {
    it(`${label}: not in the page HTML, not in the shadow root, not in any event detail`, async () => {
      const events = collectEvents(document, ['mp-change', 'mp-submit', 'mp-payment', 'mp-error', 'mp-ready']);
      const { el } = await renderCheckout();
      await fillCard(el, { number, name: 'APRO' });
      const issuer = part(el, 'issuer') as HTMLSelectElement | null;
      if (issuer) {
        typeInto(issuer, issuer.options[1].value);
        await el.updateComplete;
      }
      const spaced = number.replace(/(\d{4})(?=\d)/g, '$1 ');
      const needles = [number, spaced, number.slice(0, 12), spaced.slice(0, 14)];
      const expectAbsent = (haystack: string, where: string) => {
        for (const needle of needles) expect(haystack.includes(needle), `"${needle}" found in ${where}`).to.equal(false);
      };

      // Sanity: the number really is typed (the scan would be meaningless otherwise).
      const frameInput = el.querySelector<HTMLIFrameElement>('iframe[name="cardNumber"]')!.contentDocument!.querySelector('input')!;
      expect(frameInput.value.replace(/\D/g, '')).to.equal(number);

      expectAbsent(document.documentElement.outerHTML, 'document.documentElement.outerHTML (filled)');
      expectAbsent(el.shadowRoot!.innerHTML, 'the shadow root (filled)');

      const answer = oneEvent(el, 'mp-payment');
      clickPay(el);
      const result = await answer;
      expect(result.detail.status).to.equal('approved');
      await el.updateComplete;

      expectAbsent(document.documentElement.outerHTML, 'document.documentElement.outerHTML (after paying)');
      expectAbsent(el.shadowRoot!.innerHTML, 'the shadow root (after paying)');
      expect(events.some((e) => e.type === 'mp-change')).to.equal(true);
      expect(events.some((e) => e.type === 'mp-submit')).to.equal(true);
      expect(events.some((e) => e.type === 'mp-payment')).to.equal(true);
      for (const event of events) expectAbsent(JSON.stringify(event.detail ?? null), `the ${event.type} detail`);
    });
  }

  it('not in any mp-error detail either (rejected request and server error)', async () => {
    const events = collectEvents(document, ['mp-change', 'mp-submit', 'mp-payment', 'mp-error']);
    const { el } = await renderCheckout({ respond: '400-causes' });
    await fillCard(el);
    await pay(el, 'mp-error');
    el.setAttribute('action', el.getAttribute('action')!.replace('400-causes', '500'));
    await el.updateComplete;
    await pay(el, 'mp-error');
    expect(events.filter((e) => e.type === 'mp-error')).to.have.length(2);
    for (const event of events) {
      const detail = JSON.stringify(event.detail ?? null);
      expect(detail).not.to.contain(MLA_VISA);
      expect(detail).not.to.contain('4509 9535');
    }
    expect(document.documentElement.outerHTML).not.to.contain(MLA_VISA);
    expect(el.shadowRoot!.innerHTML).not.to.contain(MLA_VISA);
  });
});
