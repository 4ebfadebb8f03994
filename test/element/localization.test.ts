// Localization as the buyer sees it: runtime language switches (the `locale` attribute, `lang`
// ancestors, <html lang>) re-render in place and keep what was typed; `messages` overrides; errors
// that point at a field mark it, describe it and focus it in the buyer's language; merchant strings
// with HTML stay text; regional wording (es-AR voseo, es-MX "meses").
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import {
  clickPay,
  collectEvents,
  deepQueryAll,
  fillCard,
  MLA_VISA,
  merchantRequests,
  messageText,
  newLogId,
  part,
  pay,
  renderCheckout,
  secureFrame,
  sleep,
  typeInto,
  waitForSecureInputs,
} from '../helpers/fixtures.js';
import { typeInSecureField } from '../helpers/type-in-field.js';

type SecureName = 'cardNumber' | 'expirationDate' | 'securityCode';
const SECURE: SecureName[] = ['cardNumber', 'expirationDate', 'securityCode'];
const SECURE_PART: Record<SecureName, string> = { cardNumber: 'card-number', expirationDate: 'expiration-date', securityCode: 'security-code' };
const HOSTILE = '<img src=x onerror=alert(1)>';
const MLM_VISA = '4075595716483764';

const norm = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The visible label of one of the element's own controls (by its part name). */
function labelOf(el: MpCheckoutElement, controlPart: string): string {
  const control = part(el, controlPart);
  if (!control?.id) return '';
  return norm(el.shadowRoot!.querySelector(`label[for="${CSS.escape(control.id)}"]`)?.textContent);
}

/** The visible label of a Secure Field (the text its frame's aria-labelledby points at). */
function secureLabelOf(el: MpCheckoutElement, field: SecureName): string {
  const id = part(el, SECURE_PART[field])?.getAttribute('aria-labelledby') ?? '';
  return norm(el.shadowRoot!.getElementById(id)?.textContent);
}

function payButtonText(el: MpCheckoutElement): string {
  return norm(part(el, 'submit-button')?.textContent);
}

function inputValue(el: MpCheckoutElement, controlPart: string): string {
  return (part(el, controlPart) as HTMLInputElement | null)?.value ?? '<no input>';
}

function secureInput(el: MpCheckoutElement, field: SecureName): HTMLInputElement {
  const input = secureFrame(el, field).contentDocument?.querySelector('input');
  if (!input) throw new Error(`no input in the ${field} Secure Field`);
  return input;
}

/** The error element a control's aria-describedby points at, checked to be a `field-error` part. */
function describedError(el: MpCheckoutElement, control: Element): HTMLElement | null {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  for (const id of ids) {
    const target = el.shadowRoot!.getElementById(id);
    if (target?.matches('[part~="field-error"]') && norm(target.textContent) !== '') return target;
  }
  return null;
}

function describedErrorText(el: MpCheckoutElement, control: Element | null): string {
  return control ? norm(describedError(el, control)?.textContent) : '<no control>';
}

/** A checkout with no `locale` attribute, appended inside `parent` (the language comes from the DOM). */
async function renderWithoutLocale(parent: HTMLElement, attrs: Record<string, string> = {}): Promise<MpCheckoutElement> {
  const logId = newLogId();
  const el = document.createElement('mp-checkout');
  const all: Record<string, string> = {
    'public-key': 'TEST-MLA-sandbox-key',
    amount: '1500.5',
    action: `/sandbox/${logId}/process_payment`,
    site: 'MLA',
    ...attrs,
  };
  for (const [name, value] of Object.entries(all)) el.setAttribute(name, value);
  const ready = oneEvent(el, 'mp-ready');
  parent.append(el);
  await ready;
  await el.updateComplete;
  return el;
}

describe('<mp-checkout> localization', () => {
  const htmlLang = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  describe('switching the `locale` attribute at runtime (en → es-AR → pt-BR)', () => {
    it('re-renders labels and the pay button in place, keeps what the buyer typed, and keeps the Secure Fields mounted', async () => {
      const { el } = await renderCheckout({ attrs: { locale: 'en' } });
      const readies = collectEvents(el, ['mp-ready']);
      const frames = SECURE.map((field) => secureFrame(el, field));
      const innerInputs = SECURE.map((field) => secureInput(el, field));
      typeInSecureField(frames[0], MLA_VISA);
      typeInSecureField(frames[1], '11/30');
      typeInSecureField(frames[2], '123');
      await el.updateComplete;
      typeInto(part(el, 'cardholder-name') as HTMLInputElement, 'Ana Gómez');
      typeInto(part(el, 'identification-number') as HTMLInputElement, '30111222');
      typeInto(part(el, 'email') as HTMLInputElement, 'ana@example.com');
      await waitUntil(() => part(el, 'installments'), 'installments never offered', { timeout: 5000 });
      await el.updateComplete;
      const nameInput = part(el, 'cardholder-name');
      const emailInput = part(el, 'email');
      const idInput = part(el, 'identification-number');

      expect(labelOf(el, 'cardholder-name')).to.equal('Cardholder name');
      expect(secureLabelOf(el, 'cardNumber')).to.match(/^Card number/);
      expect(payButtonText(el)).to.equal('Pay ARS 1,500.50');

      const steps = [
        {
          locale: 'es-AR',
          name: 'Nombre del titular',
          card: /^Número de tarjeta/,
          email: 'Correo electrónico',
          doc: 'Número de documento',
          installments: 'Cuotas',
          pay: 'Pagar $ 1.500,50',
          expiryPlaceholder: 'MM/AA',
        },
        {
          locale: 'pt-BR',
          name: 'Nome do titular',
          card: /^Número do cartão/,
          email: 'E-mail',
          doc: 'Número do documento',
          installments: 'Parcelas',
          pay: 'Pagar ARS 1.500,50',
          expiryPlaceholder: 'MM/AA',
        },
      ];
      for (const step of steps) {
        el.setAttribute('locale', step.locale);
        await waitUntil(
          () => labelOf(el, 'cardholder-name') === step.name && payButtonText(el) === step.pay,
          `${step.locale}: the cardholder label says "${labelOf(el, 'cardholder-name')}", the pay button "${payButtonText(el)}"`,
          { timeout: 3000 },
        );
        await el.updateComplete;
        expect(secureLabelOf(el, 'cardNumber'), `${step.locale} card number label`).to.match(step.card);
        expect(labelOf(el, 'email'), `${step.locale} e-mail label`).to.equal(step.email);
        expect(labelOf(el, 'identification-number'), `${step.locale} document label`).to.equal(step.doc);
        expect(payButtonText(el), `${step.locale} pay button`).to.equal(step.pay);

        // In place: the same controls, still holding what the buyer typed.
        expect(part(el, 'cardholder-name'), 'the cardholder input was replaced').to.equal(nameInput);
        expect(part(el, 'email'), 'the e-mail input was replaced').to.equal(emailInput);
        expect(part(el, 'identification-number'), 'the document input was replaced').to.equal(idInput);
        expect(inputValue(el, 'cardholder-name'), `${step.locale}: cardholder name kept`).to.equal('Ana Gómez');
        expect(inputValue(el, 'email'), `${step.locale}: e-mail kept`).to.equal('ana@example.com');
        expect(inputValue(el, 'identification-number'), `${step.locale}: document number kept`).to.equal('30111222');
      }

      // Give a rebuilt SDK instance time to remount the fields (mount + ready take ~50 ms in the double).
      await sleep(400);
      await el.updateComplete;
      // What the buyer typed in the Secure Fields is still there…
      expect(el.querySelector<HTMLIFrameElement>('iframe[name="cardNumber"]')?.contentDocument?.querySelector('input')?.value, 'card number lost').to.equal(
        '4509 9535 6623 3704',
      );
      expect(el.querySelector<HTMLIFrameElement>('iframe[name="expirationDate"]')?.contentDocument?.querySelector('input')?.value, 'expiry lost').to.equal(
        '11/30',
      );
      expect(el.querySelector<HTMLIFrameElement>('iframe[name="securityCode"]')?.contentDocument?.querySelector('input')?.value, 'security code lost').to.equal(
        '123',
      );
      // …because they are the very same fields: not rebuilt, no second mp-ready.
      SECURE.forEach((field, i) => {
        const frame = el.querySelector<HTMLIFrameElement>(`iframe[name="${field}"]`);
        expect(frame === frames[i] && frames[i].isConnected, `${field}: not the same iframe after the switch`).to.equal(true);
        expect(frame?.contentDocument?.querySelector('input') === innerInputs[i], `${field}: its input was rebuilt`).to.equal(true);
      });
      expect(readies.length, 'mp-ready fired again: the Secure Fields were rebuilt by the language switch').to.equal(0);
      expect(secureInput(el, 'expirationDate').placeholder, 'the Secure Field placeholder follows the language').to.equal('MM/AA');
      expect(part(el, 'installments'), 'the installments are still offered').to.exist;
      expect(labelOf(el, 'installments')).to.equal('Parcelas');
    });

    it('a switch before the buyer types gives the Secure Fields screen-reader labels in the new language', async () => {
      // Spanish and Portuguese on Brazil's site: MercadoPago.js speaks Portuguese for both, so only the
      // element can relabel the fields, and a label is fixed when a field is created.
      const { el } = await renderCheckout({ attrs: { locale: 'es', site: 'MLB' } });
      const ariaLabel = () => {
        try {
          return secureInput(el, 'cardNumber').getAttribute('aria-label');
        } catch {
          return null; // between the old fields and the new
        }
      };
      expect(ariaLabel()).to.equal('Número de tarjeta');
      el.setAttribute('locale', 'pt-BR');
      await waitUntil(() => ariaLabel() === 'Número do cartão', `still "${ariaLabel()}"`, { timeout: 5000 });
      await waitUntil(() => el.matches(':state(ready)'), 'not ready again after the new fields', { timeout: 5000 });
      expect(payButtonText(el)).to.match(/^Pagar R\$/);
    });

    it('after a switch, a payment still goes through and its result is in the new language', async () => {
      const { el } = await renderCheckout({ attrs: { locale: 'en' } });
      el.setAttribute('locale', 'es-AR');
      await waitUntil(() => labelOf(el, 'cardholder-name') === 'Nombre del titular', 'never switched to es-AR', { timeout: 3000 });
      // Whether or not the switch rebuilds the Secure Fields (the test above says it must not), type
      // only once that has settled, into the fields that are there now.
      await sleep(300);
      await waitForSecureInputs(el);
      await fillCard(el, { name: 'OTHE' });
      const event = await pay(el);
      expect(event.detail.statusDetail).to.equal('cc_rejected_other_reason');
      await el.updateComplete;
      expect(messageText(el)).to.equal('Visa no procesó el pago.');
    });

    it('a result already shown is re-rendered in the new language', async () => {
      const { el } = await renderCheckout({ attrs: { locale: 'en' } });
      await fillCard(el, { name: 'FUND' });
      await pay(el);
      await el.updateComplete;
      expect(messageText(el)).to.equal('Your Visa has insufficient funds.');
      el.setAttribute('locale', 'pt-BR');
      await waitUntil(() => messageText(el) !== 'Your Visa has insufficient funds.', 'the message stayed in English', { timeout: 3000 });
      expect(messageText(el)).to.not.match(/[{}]|cc_rejected/);
      expect(messageText(el)).to.contain('Visa');
      expect(messageText(el)).to.match(/saldo|limite|fundos/i);
    });
  });

  describe('no `locale` attribute: the nearest `lang` decides', () => {
    it('follows the nearest lang ancestor, then <html lang>, re-rendering in place on every change', async () => {
      document.documentElement.setAttribute('lang', 'pt-BR');
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="es-AR"></div>`);
      const el = await renderWithoutLocale(wrapper);
      const readies = collectEvents(el, ['mp-ready']);
      const frames = SECURE.map((field) => secureFrame(el, field));

      expect(labelOf(el, 'cardholder-name'), 'the nearest lang (es-AR) wins over <html lang>').to.equal('Nombre del titular');
      expect((part(el, 'identification-number') as HTMLInputElement).placeholder, 'es-AR override').to.equal('Número, sin puntos');
      expect(payButtonText(el)).to.equal('Pagar $ 1.500,50');
      typeInSecureField(frames[0], MLA_VISA);
      typeInto(part(el, 'cardholder-name') as HTMLInputElement, 'Ana Gómez');
      typeInto(part(el, 'email') as HTMLInputElement, 'ana@example.com');
      typeInto(part(el, 'identification-number') as HTMLInputElement, '30111222');
      await el.updateComplete;

      const expectKept = (when: string) => {
        expect(inputValue(el, 'cardholder-name'), `${when}: cardholder name`).to.equal('Ana Gómez');
        expect(inputValue(el, 'email'), `${when}: e-mail`).to.equal('ana@example.com');
        expect(inputValue(el, 'identification-number'), `${when}: document number`).to.equal('30111222');
      };

      wrapper.setAttribute('lang', 'en');
      await waitUntil(() => labelOf(el, 'cardholder-name') === 'Cardholder name', `lang="en" on the ancestor: label is "${labelOf(el, 'cardholder-name')}"`, {
        timeout: 3000,
      });
      expect(payButtonText(el)).to.equal('Pay ARS 1,500.50');
      expectKept('ancestor lang → en');

      wrapper.removeAttribute('lang');
      await waitUntil(
        () => labelOf(el, 'cardholder-name') === 'Nome do titular',
        `no ancestor lang: <html lang="pt-BR"> not followed ("${labelOf(el, 'cardholder-name')}")`,
        { timeout: 3000 },
      );
      expectKept('<html lang> pt-BR');

      document.documentElement.setAttribute('lang', 'es-AR');
      await waitUntil(
        () => labelOf(el, 'cardholder-name') === 'Nombre del titular',
        `<html lang> changed to es-AR: label is "${labelOf(el, 'cardholder-name')}"`,
        { timeout: 3000 },
      );
      expect(payButtonText(el)).to.equal('Pagar $ 1.500,50');
      expectKept('<html lang> es-AR');

      await sleep(300);
      SECURE.forEach((field, i) => {
        expect(secureFrame(el, field) === frames[i], `${field} iframe replaced by a lang change`).to.equal(true);
      });
      expect(secureInput(el, 'cardNumber').value, 'card number lost on a lang change').to.equal('4509 9535 6623 3704');
      expect(readies.length, 'a lang change rebuilt the Secure Fields (mp-ready again)').to.equal(0);
    });

    it('an explicit `locale` wins over the lang ancestor; removing it hands back to the ancestor', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="pt-BR"></div>`);
      const el = await renderWithoutLocale(wrapper, { locale: 'es-AR' });
      expect(labelOf(el, 'cardholder-name')).to.equal('Nombre del titular');
      typeInto(part(el, 'cardholder-name') as HTMLInputElement, 'Ana Gómez');
      el.removeAttribute('locale');
      await waitUntil(() => labelOf(el, 'cardholder-name') === 'Nome do titular', `locale removed: label is "${labelOf(el, 'cardholder-name')}"`, {
        timeout: 3000,
      });
      expect(inputValue(el, 'cardholder-name')).to.equal('Ana Gómez');
    });
  });

  describe('`messages` overrides', () => {
    it('as a JSON attribute, changes that string only', async () => {
      const { el } = await renderCheckout({ attrs: { locale: 'es-AR', messages: '{"ui.pay":"Comprar ya"}' } });
      expect(payButtonText(el)).to.equal('Comprar ya');
      expect(labelOf(el, 'cardholder-name')).to.equal('Nombre del titular');
      expect(secureLabelOf(el, 'cardNumber')).to.match(/^Número de tarjeta/);
      expect(labelOf(el, 'email')).to.equal('Correo electrónico');
    });

    it('set as an attribute at runtime, and as a property (with interpolation); kept across a language switch', async () => {
      const { el } = await renderCheckout({ attrs: { locale: 'es-AR' } });
      expect(payButtonText(el)).to.equal('Pagar $ 1.500,50');

      el.setAttribute('messages', '{"ui.pay":"Comprar ya"}');
      await waitUntil(() => payButtonText(el) === 'Comprar ya', `attribute set at runtime: "${payButtonText(el)}"`, { timeout: 2000 });
      expect(labelOf(el, 'cardholder-name')).to.equal('Nombre del titular');

      el.messages = { 'ui.pay': 'Comprar {{amount}} ya', 'field.cardholderName': 'Titular' };
      await waitUntil(() => payButtonText(el) === 'Comprar $ 1.500,50 ya', `property: "${payButtonText(el)}"`, { timeout: 2000 });
      expect(labelOf(el, 'cardholder-name')).to.equal('Titular');
      expect(labelOf(el, 'email'), 'a key not overridden keeps its text').to.equal('Correo electrónico');

      el.setAttribute('locale', 'en');
      await waitUntil(() => labelOf(el, 'email') === 'E-mail', 'never switched to English', { timeout: 3000 });
      expect(payButtonText(el), 'the override survives the switch').to.equal('Comprar ARS 1,500.50 ya');
      expect(labelOf(el, 'cardholder-name')).to.equal('Titular');

      el.messages = {};
      await waitUntil(() => payButtonText(el) === 'Pay ARS 1,500.50', `overrides cleared: "${payButtonText(el)}"`, { timeout: 2000 });
      expect(labelOf(el, 'cardholder-name')).to.equal('Cardholder name');
    });

    it('a Secure Field placeholder set at runtime reaches the field', async () => {
      const { el } = await renderCheckout({ attrs: { locale: 'en' } });
      el.messages = { 'placeholder.cardNumber': '0000 0000 0000 0000' };
      await waitUntil(() => secureInput(el, 'cardNumber').placeholder === '0000 0000 0000 0000', 'the placeholder was not updated', { timeout: 2000 });
      expect(secureInput(el, 'expirationDate').placeholder, 'the others keep theirs').to.equal('MM/YY');
    });

    it('cannot nest other keys ($t(…)): a hostile attribute renders as written, without fanning out', async () => {
      // Each key names the next five times: with i18next's nesting on, "ui.pay" would expand into
      // 5^5 lookups here (a 447-byte version of this froze the page for 13 s).
      const bomb: Record<string, string> = { 'ui.pay': '$t(b1)$t(b1)$t(b1)$t(b1)$t(b1)' };
      for (let level = 1; level < 5; level++) bomb[`b${level}`] = `$t(b${level + 1})`.repeat(5);
      bomb['b5'] = 'x';
      const { el } = await renderCheckout({ attrs: { locale: 'en', messages: JSON.stringify(bomb) } });
      expect(payButtonText(el)).to.equal(bomb['ui.pay']);

      el.messages = { 'ui.pay': 'Pay $t(field.cardholderName)' };
      await waitUntil(() => payButtonText(el).startsWith('Pay $t'), `a plain nesting resolved: "${payButtonText(el)}"`, { timeout: 2000 });
      expect(payButtonText(el)).to.equal('Pay $t(field.cardholderName)');
    });

    it('overrides a result message too, with its placeholders filled', async () => {
      const { el } = await renderCheckout({ attrs: { locale: 'es-AR' } });
      el.messages = { 'result.rejected.cc_rejected_other_reason': 'Tu {{paymentMethod}} dijo que no.' };
      await fillCard(el, { name: 'OTHE' });
      await pay(el);
      await el.updateComplete;
      expect(messageText(el)).to.equal('Tu Visa dijo que no.');
    });
  });

  describe('errors that point at a field', () => {
    const cases = [
      { name: 'SECU', detail: 'cc_rejected_bad_filled_security_code', field: 'securityCode', text: 'Revisá el código de seguridad de la tarjeta.' },
      { name: 'EXPI', detail: 'cc_rejected_bad_filled_date', field: 'expirationDate', text: 'Revisá la fecha de vencimiento.' },
      { name: 'CARD', detail: 'cc_rejected_bad_filled_card_number', field: 'cardNumber', text: 'Revisá el número de tarjeta.' },
    ] as const;

    for (const c of cases) {
      it(`${c.name} (es-AR, voseo): ${c.field} gets the error under it, aria-invalid, the focus, and the message announces it`, async () => {
        const { el } = await renderCheckout({ attrs: { locale: 'es-AR' } });
        await fillCard(el, { name: c.name });
        const event = await pay(el);
        expect(event.detail).to.include({ status: 'rejected', statusDetail: c.detail });
        await el.updateComplete;

        const control = part(el, SECURE_PART[c.field])!;
        expect(describedErrorText(el, control), 'error text linked by aria-describedby').to.equal(c.text);
        for (const other of SECURE.filter((f) => f !== c.field)) {
          expect(describedErrorText(el, part(el, SECURE_PART[other])), `no error under ${other}`).to.equal('');
          expect(secureInput(el, other).getAttribute('aria-invalid'), `${other} not marked invalid`).to.not.equal('true');
        }
        expect(secureInput(el, c.field).getAttribute('aria-invalid'), 'marked invalid inside the iframe').to.equal('true');
        const frame = secureFrame(el, c.field);
        await waitUntil(
          () => document.activeElement === frame,
          `focus is on ${document.activeElement?.localName}[name=${(document.activeElement as HTMLIFrameElement | null)?.name}], not ${c.field}`,
          { timeout: 2000 },
        );
        expect(frame.contentDocument!.activeElement, 'the input inside the iframe has the focus').to.equal(secureInput(el, c.field));

        const message = part(el, 'message')!;
        expect(message.getAttribute('role')).to.equal('status');
        expect(message.getAttribute('aria-live')).to.equal('polite');
        expect(messageText(el), 'the live region announces it').to.equal(c.text);
      });
    }

    it('token error 224 (security code left empty): the security code is marked, described, focused; nothing is sent', async () => {
      const { el, logId } = await renderCheckout({ attrs: { locale: 'en' } });
      await fillCard(el, { name: 'APRO', cvv: '' });
      clickPay(el);
      await waitUntil(
        () => describedErrorText(el, part(el, 'security-code')) !== '',
        `no error under the security code; the message says "${messageText(el)}"`,
        { timeout: 5000 },
      );
      expect(describedErrorText(el, part(el, 'security-code'))).to.equal('Enter the security code.');
      expect(secureInput(el, 'securityCode').getAttribute('aria-invalid')).to.equal('true');
      const frame = secureFrame(el, 'securityCode');
      await waitUntil(() => document.activeElement === frame, `focus is on ${document.activeElement?.localName}, not the security code`, { timeout: 2000 });
      expect(messageText(el)).to.equal('Enter the security code.');
      expect(await merchantRequests(logId), 'no payment was sent').to.have.length(0);
    });

    it('token error 316 (invalid cardholder name, es-AR): the name input is marked, described, focused', async () => {
      const { el, logId } = await renderCheckout({ attrs: { locale: 'es-AR' } });
      await fillCard(el, { name: 'Ana 3' });
      clickPay(el);
      const input = part(el, 'cardholder-name') as HTMLInputElement;
      await waitUntil(() => input.getAttribute('aria-invalid') === 'true', `the name is not marked; the message says "${messageText(el)}"`, { timeout: 5000 });
      await el.updateComplete;
      expect(describedErrorText(el, input)).to.equal('Ingresá un nombre válido.');
      await waitUntil(
        () => el.shadowRoot!.activeElement === input,
        `focus is on ${el.shadowRoot!.activeElement?.localName ?? document.activeElement?.localName}, not the cardholder name`,
        { timeout: 2000 },
      );
      expect(document.activeElement).to.equal(el);
      expect(messageText(el)).to.equal('Ingresá un nombre válido.');
      for (const field of SECURE) expect(secureInput(el, field).getAttribute('aria-invalid'), field).to.not.equal('true');
      expect(await merchantRequests(logId)).to.have.length(0);
    });
  });

  describe('merchant strings with HTML', () => {
    it('an HTML statement descriptor shows as literal text in the approval message; no element is created', async () => {
      const alerts: unknown[] = [];
      // eslint-disable-next-line @typescript-eslint/unbound-method -- kept only to be put back on window, never called
      const originalAlert = window.alert;
      window.alert = (message?: unknown) => void alerts.push(message);
      try {
        const { el, logId } = await renderCheckout({ attrs: { locale: 'en', 'statement-descriptor': HOSTILE } });
        await fillCard(el, { name: 'APRO' });
        const event = await pay(el);
        expect(event.detail.status).to.equal('approved');
        await el.updateComplete;
        const message = part(el, 'message')!;
        expect(norm(message.textContent)).to.equal(`Payment approved! Your statement will show a charge of ARS 1,500.50 as ${HOSTILE}.`);
        expect(message.children.length, 'the message holds text only').to.equal(0);
        // The card brand's logo (from MercadoPago.js's answer) is the only image the element draws.
        expect(el.shadowRoot!.querySelectorAll('img:not(.brand-logo)').length, 'an <img> was created in the shadow root').to.equal(0);
        expect(deepQueryAll(document, 'img[onerror]').length, 'an <img onerror> exists somewhere').to.equal(0);
        await sleep(50);
        expect(alerts, 'onerror ran').to.deep.equal([]);
        const [request] = await merchantRequests(logId);
        expect(request.body.statement_descriptor, 'forwarded to the merchant as sent').to.equal(HOSTILE);
      } finally {
        window.alert = originalAlert;
      }
    });
  });

  describe('regional wording', () => {
    it('es-MX says "meses" for installments, in the select, its label, and an installments rejection', async () => {
      const { el } = await renderCheckout({ attrs: { locale: 'es-MX', site: 'MLM', 'public-key': 'TEST-MLM-sandbox-key' } });
      expect(payButtonText(el)).to.equal('Pagar $1,500.50');
      await fillCard(el, { number: MLM_VISA, name: 'INST' });
      const select = part(el, 'installments') as HTMLSelectElement;
      expect(labelOf(el, 'installments')).to.equal('Mensualidades');
      const options = Array.from(select.options).map((o) => norm(o.textContent));
      const multi = options.filter((text) => !text.startsWith('1 '));
      expect(multi.length, `options: ${options.join(' | ')}`).to.be.greaterThan(0);
      for (const text of multi) expect(text).to.match(/^\d+ meses de \$[\d,.]+ \(total: \$[\d,.]+\)/);
      expect(
        options.some((text) => text.includes('sin intereses')),
        `no "sin intereses" among ${options.join(' | ')}`,
      ).to.equal(true);

      typeInto(select, '3');
      await el.updateComplete;
      const event = await pay(el);
      expect(event.detail.statusDetail).to.equal('cc_rejected_invalid_installments');
      await el.updateComplete;
      expect(messageText(el)).to.equal('Visa no procesa pagos a 3 meses.');
    });

    it('es-AR speaks voseo in client-side validation too', async () => {
      const { el } = await renderCheckout({ attrs: { locale: 'es-AR' } });
      clickPay(el);
      await waitUntil(() => messageText(el) !== '', 'no validation message', { timeout: 3000 });
      expect(messageText(el)).to.equal('Revisá los campos marcados.');
    });
  });
});
