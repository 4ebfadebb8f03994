import { expect, waitUntil } from '@open-wc/testing';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import {
  buttonWithText,
  collectEvents,
  fieldErrorText,
  fillCard,
  merchantRequests,
  messageText,
  part,
  pay,
  renderCheckout,
  typeInto,
  type LoggedRequest,
} from '../helpers/fixtures.js';

interface Case {
  mode: string;
  code: 'server' | 'bad_response' | 'bad_request';
  text: RegExp;
  httpStatus?: number;
  causes?: string[];
}

const CASES: Case[] = [
  { mode: '500', code: 'server', httpStatus: 500, text: /could not process the payment right now.*not be charged twice/ },
  { mode: '502-html', code: 'server', httpStatus: 502, text: /could not process the payment right now/ },
  { mode: '200-html', code: 'bad_response', text: /answer we could not read/ },
  { mode: '200-empty', code: 'bad_response', text: /answer we could not read/ },
  { mode: '200-badjson', code: 'bad_response', text: /answer we could not read/ },
  { mode: '400-causes', code: 'bad_request', httpStatus: 400, causes: ['109'], text: /^Visa does not process payments in a single installment\.$/ },
  // A refusal ends the attempt (the next one has a new key), so the message promises nothing about charges.
  { mode: '400-plain', code: 'server', httpStatus: 400, text: /^The store did not accept the payment\.(?!.*charged)/ },
];

/** Points the element at another scripted server behaviour, keeping the same merchant log. */
async function respondWith(el: MpCheckoutElement, mode: string): Promise<void> {
  el.setAttribute('action', el.getAttribute('action')!.replace(/respond=[^&]*/, `respond=${mode}`));
  await el.updateComplete;
}

function posts(log: LoggedRequest[]): LoggedRequest[] {
  return log.filter((r) => r.method === 'POST');
}

async function expectUsable(el: MpCheckoutElement): Promise<void> {
  await el.updateComplete;
  const button = part(el, 'submit-button') as HTMLButtonElement;
  expect(button.disabled, 'pay button enabled again').to.equal(false);
  expect(el.matches(':state(submitting)'), 'not submitting').to.equal(false);
  expect(el.matches(':state(ready)'), ':state(ready)').to.equal(true);
  expect(part(el, 'form')!.hidden, 'form visible').to.equal(false);
  expect((part(el, 'cardholder-name') as HTMLInputElement).disabled, 'inputs enabled').to.equal(false);
}

describe('<mp-checkout> merchant endpoint failures', () => {
  for (const c of CASES) {
    it(`respond=${c.mode}: a localized message, mp-error "${c.code}", and the form usable again`, async () => {
      const { el, logId } = await renderCheckout({ respond: c.mode });
      await fillCard(el);
      const payments = collectEvents(el, ['mp-payment']);
      const event = await pay(el, 'mp-error');
      expect(event.detail.code).to.equal(c.code);
      if (c.httpStatus !== undefined) expect(event.detail.httpStatus).to.equal(c.httpStatus);
      if (c.causes) expect(event.detail.causes).to.deep.equal(c.causes);
      else expect(event.detail.causes).to.equal(undefined);
      expect(event.detail.message, 'mp-error carries the same readable text').to.equal(messageText(el));

      const text = messageText(el);
      expect(text).to.match(c.text);
      expect(text, 'no raw HTTP code or server text').not.to.match(
        /\b(200|400|500|502|109)\b|<|internal_error|bad request|Bad Gateway|\{\{|undefined|error\./i,
      );
      expect(part(el, 'message')!.className).to.contain('tone-error');
      expect(payments, 'no payment result for a technical error').to.have.length(0);
      expect(posts(await merchantRequests(logId))).to.have.length(1);
      await expectUsable(el);
    });
  }

  it('400-causes (109): the installments field shows the cause and gets the focus', async () => {
    const { el } = await renderCheckout({ respond: '400-causes' });
    await fillCard(el);
    await pay(el, 'mp-error');
    await el.updateComplete;
    expect(fieldErrorText(el, 'installments')).to.match(/^Visa does not process payments in a single installment\.$/);
    expect(part(el, 'installments')!.getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'installments'), 'focus not on installments', { timeout: 2000 });
  });
});

describe('<mp-checkout> retries reuse the attempt only when the outcome is unknown', () => {
  async function expectSameAttemptRetried(el: MpCheckoutElement, logId: string, press: () => void): Promise<void> {
    await respondWith(el, 'sandbox');
    const answer = new Promise<CustomEvent>((resolve) => el.addEventListener('mp-payment', (e) => resolve(e as CustomEvent), { once: true }));
    press();
    const event = await answer;
    expect(event.detail.status, 'the retried attempt is approved').to.equal('approved');
    const [first, second] = posts(await merchantRequests(logId));
    expect(second, 'a second POST was sent').to.exist;
    expect(second.headers['x-idempotency-key'], 'same X-Idempotency-Key').to.equal(first.headers['x-idempotency-key']);
    expect(second.body.token, 'same card token').to.equal(first.body.token);
    expect(second.body).to.deep.equal(first.body);
    expect(posts(await merchantRequests(logId))).to.have.length(2);
  }

  const pressPay = (el: MpCheckoutElement) => () => (part(el, 'submit-button') as HTMLButtonElement).click();

  for (const mode of ['500', '200-badjson'] as const) {
    it(`after respond=${mode}, pressing pay again repeats the POST with the same key and token`, async () => {
      const { el, logId } = await renderCheckout({ respond: mode });
      await fillCard(el);
      await pay(el, 'mp-error');
      await expectUsable(el);
      await expectSameAttemptRetried(el, logId, pressPay(el));
    });
  }

  it('after a timeout (request-timeout=300, server hangs), pressing pay again repeats the same attempt', async () => {
    const { el, logId } = await renderCheckout({ respond: 'hang', attrs: { 'request-timeout': '300' } });
    await fillCard(el);
    const started = performance.now();
    const event = await pay(el, 'mp-error');
    expect(event.detail.code).to.equal('timeout');
    expect(performance.now() - started, 'gave up after about request-timeout').to.be.below(3000);
    expect(messageText(el)).to.equal('The store took too long to answer. Try again; you will not be charged twice.');
    await expectUsable(el);
    await expectSameAttemptRetried(el, logId, pressPay(el));
  });

  it('after respond=500, the "Try again" button repeats the same attempt too', async () => {
    const { el, logId } = await renderCheckout({ respond: '500' });
    await fillCard(el);
    await pay(el, 'mp-error');
    await el.updateComplete;
    const retry = buttonWithText(el, 'Try again');
    expect(retry, '"Try again" offered').to.exist;
    await expectSameAttemptRetried(el, logId, () => retry!.click());
  });

  it('after a definite rejection (OTHE) the next attempt uses a new key and a new token', async () => {
    const { el, logId } = await renderCheckout();
    await fillCard(el, { name: 'OTHE' });
    const rejected = await pay(el);
    expect(rejected.detail.status).to.equal('rejected');
    await expectUsable(el);
    typeInto(part(el, 'cardholder-name') as HTMLInputElement, 'APRO');
    const approved = await pay(el);
    expect(approved.detail.status).to.equal('approved');
    const [first, second] = posts(await merchantRequests(logId));
    expect(second, 'a second POST was sent').to.exist;
    expect(second.headers['x-idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
    expect(second.headers['x-idempotency-key'], 'new key').not.to.equal(first.headers['x-idempotency-key']);
    expect(second.body.token, 'new token').not.to.equal(first.body.token);
  });

  it('after a definite rejection (400-causes) the next attempt uses a new key and a new token', async () => {
    const { el, logId } = await renderCheckout({ respond: '400-causes' });
    await fillCard(el);
    const error = await pay(el, 'mp-error');
    expect(error.detail.code).to.equal('bad_request');
    await expectUsable(el);
    await respondWith(el, 'sandbox');
    const approved = await pay(el);
    expect(approved.detail.status).to.equal('approved');
    const [first, second] = posts(await merchantRequests(logId));
    expect(second, 'a second POST was sent').to.exist;
    expect(second.headers['x-idempotency-key'], 'new key').not.to.equal(first.headers['x-idempotency-key']);
    expect(second.body.token, 'new token').not.to.equal(first.body.token);
  });

  it('after respond=500, a retry repeats the first body even if the buyer changed the installments', async () => {
    const { el, logId } = await renderCheckout({ respond: '500' });
    await fillCard(el);
    await pay(el, 'mp-error');
    const select = part(el, 'installments') as HTMLSelectElement;
    const other = Array.from(select.options).find((o) => !o.selected)!;
    typeInto(select, other.value);
    await expectSameAttemptRetried(el, logId, pressPay(el));
    const [first] = posts(await merchantRequests(logId));
    expect(first.body.installments, 'the body first sent, not the edited form').to.equal(1);
  });

  it('after respond=500, retyping the card (same or another) still repeats the unresolved attempt', async () => {
    // The first POST may have charged the card: a new key would let the server charge again.
    const { el, logId } = await renderCheckout({ respond: '500' });
    await fillCard(el);
    await pay(el, 'mp-error');
    await respondWith(el, 'sandbox');
    await fillCard(el, { number: '5031755734530604' });
    const approved = await pay(el);
    expect(approved.detail.status).to.equal('approved');
    const [first, second] = posts(await merchantRequests(logId));
    expect(second.headers['x-idempotency-key'], 'same key').to.equal(first.headers['x-idempotency-key']);
    expect(second.body).to.deep.equal(first.body);
  });

  it('after a plain 400 (a definite refusal) the next attempt uses a new key and a new token', async () => {
    const { el, logId } = await renderCheckout({ respond: '400-plain' });
    await fillCard(el);
    await pay(el, 'mp-error');
    await respondWith(el, 'sandbox');
    const approved = await pay(el);
    expect(approved.detail.status).to.equal('approved');
    const [first, second] = posts(await merchantRequests(logId));
    expect(second.headers['x-idempotency-key'], 'new key').not.to.equal(first.headers['x-idempotency-key']);
    expect(second.body.token, 'new token').not.to.equal(first.body.token);
  });
});
