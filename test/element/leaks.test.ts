/**
 * Lifecycle without leaks: many connect/disconnect cycles, then a removal that leaves nothing
 * running (no Secure Field iframe, no timer, no window listener); `disabled`; `reset()`; and a
 * public key or locale changed after mount, which rebuilds the MercadoPago instance and its fields.
 *
 * Timers and window/document listeners are watched through wrappers installed at module load,
 * before any element exists. Only those created by the element's code path count: its sources
 * (src/), Lit, i18next, the official loader and MercadoPago.js itself (the sandbox double at the
 * official URL).
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import {
  clickPay,
  collectEvents,
  fieldErrorText,
  fillCard,
  merchantRequests,
  messageText,
  part,
  pay,
  renderCheckout,
  sleep,
  typeInto,
  waitForSecureInputs,
} from '../helpers/fixtures.js';
import { typeInSecureField } from '../helpers/type-in-field.js';
import { callerFrame, callerIn, installTimerSpy } from '../helpers/timer-spy.js';

// ——— spies (installed before any element is created) ———

const THIS_FILE = new URL(import.meta.url).pathname;
const fromElementPath = callerIn([
  `${location.origin}/src/`,
  '/node_modules/lit/',
  '/node_modules/lit-html/',
  '/node_modules/lit-element/',
  '/node_modules/@lit/',
  '/node_modules/i18next/',
  '/node_modules/@mercadopago/',
  'https://sdk.mercadopago.com/',
]);

const timers = installTimerSpy({ track: fromElementPath });
const { active: activeTimers, created: timersCreated, firings: timerFirings } = timers;

interface ListenerRecord {
  target: 'window' | 'document';
  type: string;
  capture: boolean;
  listener: EventListenerOrEventListenerObject;
  wrapped: EventListener;
  caller: string;
  calls: number[];
}
/** Listeners added on window or document by the element's code path and not removed yet. */
const activeListeners: ListenerRecord[] = [];
const removedListeners: ListenerRecord[] = [];

function spyOnListeners(target: Window | Document, name: 'window' | 'document'): void {
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  const captureOf = (options?: boolean | AddEventListenerOptions | EventListenerOptions) =>
    typeof options === 'boolean' ? options : Boolean(options?.capture);
  target.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) => {
    const caller = callerFrame(THIS_FILE);
    if (!listener || !fromElementPath(caller)) return add(type, listener as EventListenerOrEventListenerObject, options);
    const capture = captureOf(options);
    if (activeListeners.some((r) => r.target === name && r.type === type && r.listener === listener && r.capture === capture)) return undefined; // the DOM ignores duplicates
    const record: ListenerRecord = {
      target: name,
      type,
      capture,
      listener,
      caller,
      calls: [],
      wrapped(event: Event) {
        record.calls.push(performance.now());
        return typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event);
      },
    };
    activeListeners.push(record);
    return add(type, record.wrapped, options);
  }) as typeof target.addEventListener;
  target.removeEventListener = ((type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) => {
    const capture = captureOf(options);
    const at = activeListeners.findIndex((r) => r.target === name && r.type === type && r.listener === listener && r.capture === capture);
    if (at === -1) return remove(type, listener as EventListenerOrEventListenerObject, options);
    const [record] = activeListeners.splice(at, 1);
    removedListeners.push(record);
    return remove(type, record.wrapped, options);
  }) as typeof target.removeEventListener;
}
spyOnListeners(window, 'window');
spyOnListeners(document, 'document');

const describeListeners = (list: ListenerRecord[]) => JSON.stringify(list.map((l) => `${l.target} ${l.type} ← ${l.caller}`));

// ——— DOM helpers ———

const FIELD_FRAMES = 'iframe[name="cardNumber"], iframe[name="expirationDate"], iframe[name="securityCode"]';
const documentFrames = () => Array.from(document.querySelectorAll<HTMLIFrameElement>(FIELD_FRAMES));

function expectExactlyThreeFramesIn(el: MpCheckoutElement): void {
  const frames = documentFrames();
  expect(frames.map((f) => f.name).sort(), 'exactly three Secure Field iframes in the document').to.deep.equal([
    'cardNumber',
    'expirationDate',
    'securityCode',
  ]);
  for (const frame of frames) expect(el.contains(frame), `${frame.name} is inside the element`).to.equal(true);
}

/** The element's own controls: inputs, selects and the pay button in its shadow root. */
function ownControls(el: MpCheckoutElement): Array<HTMLInputElement | HTMLSelectElement | HTMLButtonElement> {
  return Array.from(el.shadowRoot!.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button[part~="submit-button"]'));
}

const secureValue = (el: MpCheckoutElement, name: string) =>
  el.querySelector<HTMLIFrameElement>(`iframe[name="${name}"]`)?.contentDocument?.querySelector('input')?.value;

async function waitUsable(el: MpCheckoutElement): Promise<void> {
  await waitForSecureInputs(el);
  await waitUntil(() => el.matches(':state(ready)'), 'the form never became ready again', { timeout: 5000 });
  await el.updateComplete;
}

describe('<mp-checkout> leaves nothing behind', () => {
  it('50 connect/disconnect cycles: three iframes and one window listener while connected; after removal no iframe, timer or listener is left or fires', async () => {
    const { el } = await renderCheckout();
    const parent = el.parentElement!;
    const errors = collectEvents(el, ['mp-error']);

    for (let i = 0; i < 50; i++) {
      el.remove();
      await el.updateComplete;
      await Promise.resolve();
      parent.append(el);
      await el.updateComplete;
      await Promise.resolve();
    }
    await waitUsable(el);
    await sleep(300); // any straggling mount from an earlier cycle shows itself
    expectExactlyThreeFramesIn(el);
    expect(
      errors.map((e) => e.detail.code),
      'no technical error',
    ).to.deep.equal([]);
    expect(
      timersCreated.some((t) => t.caller.includes('/src/')),
      "the spy sees the element's own timers",
    ).to.equal(true);
    const messageListeners = activeListeners.filter((l) => l.target === 'window' && l.type === 'message');
    expect(messageListeners, `one message listener on window while connected, not one per cycle: ${describeListeners(messageListeners)}`).to.have.length(1);

    // The final removal.
    el.remove();
    await el.updateComplete;
    await Promise.resolve();
    await waitUntil(() => documentFrames().length === 0, 'Secure Field iframes left in the document after the removal', { timeout: 2000 });
    const removedAt = performance.now();
    expect(documentFrames(), 'no Secure Field iframe in the document').to.have.length(0);
    expect(el.querySelectorAll('iframe'), 'no iframe left in the element').to.have.length(0);

    // The element's message listener on window went away through removeEventListener.
    expect(activeListeners, `window/document listeners still attached: ${describeListeners(activeListeners)}`).to.deep.equal([]);
    expect(
      removedListeners.some((l) => l.type === 'message' && l.caller.includes('/src/')),
      'the message listener was removed',
    ).to.equal(true);

    // Nothing pending, nothing scheduled or firing for 2 s.
    expect([...activeTimers.values()], `timers still pending after the removal: ${timers.describe(activeTimers.values())}`).to.deep.equal([]);
    window.postMessage({ status: 'COMPLETE' }, '*');
    await sleep(2000);
    const scheduledAfter = timersCreated.filter((t) => t.createdAt >= removedAt);
    const firedAfter = timerFirings.filter((f) => f.at >= removedAt);
    const listenerCallsAfter = removedListeners.filter((l) => l.calls.some((t) => t >= removedAt));
    expect(scheduledAfter, `timers scheduled after the removal: ${timers.describe(scheduledAfter)}`).to.deep.equal([]);
    expect(
      firedAfter.map((f) => f.timer),
      `timers fired after the removal: ${timers.describe(firedAfter.map((f) => f.timer))}`,
    ).to.deep.equal([]);
    expect(listenerCallsAfter, `listeners called after the removal: ${describeListeners(listenerCallsAfter)}`).to.deep.equal([]);
  });

  it('removing the element while it is still loading leaves no timer and no iframe behind', async () => {
    const { el } = await renderCheckout({ waitReady: false });
    await waitUntil(() => documentFrames().length > 0, 'the fields never started mounting', { timeout: 5000 });
    el.remove();
    await Promise.resolve();
    await waitUntil(() => documentFrames().length === 0, 'iframes left behind', { timeout: 2000 });
    const removedAt = performance.now();
    await sleep(500);
    expect([...activeTimers.values()], `timers still pending: ${timers.describe(activeTimers.values())}`).to.deep.equal([]);
    expect(
      timersCreated.filter((t) => t.createdAt >= removedAt),
      'timers scheduled after the removal',
    ).to.deep.equal([]);
    expect(activeListeners, `listeners still attached: ${describeListeners(activeListeners)}`).to.deep.equal([]);
  });
});

describe('<mp-checkout> disabled', () => {
  it('locks every control and the pay button; removing the attribute unlocks them and the form pays', async () => {
    const { el, logId } = await renderCheckout();
    await fillCard(el, { name: 'APRO' });
    const submits = collectEvents(el, ['mp-submit']);

    el.setAttribute('disabled', '');
    await el.updateComplete;
    const controls = ownControls(el);
    expect(
      controls.map((c) => c.getAttribute('part')),
      'name, document type and number, e-mail, installments and pay',
    ).to.include.members(['cardholder-name', 'identification-type', 'identification-number', 'email', 'installments', 'submit-button']);
    for (const control of controls) expect(control.disabled, `${control.getAttribute('part')} is disabled`).to.equal(true);
    expect(el.disabled, 'the property follows the attribute').to.equal(true);

    // No way around the lock: a click, Enter in the form (requestSubmit) or submit() sends nothing.
    clickPay(el);
    (part(el, 'form') as HTMLFormElement).requestSubmit();
    await el.submit();
    await sleep(200);
    expect(submits, 'no mp-submit while disabled').to.have.length(0);
    expect(await merchantRequests(logId), 'no POST while disabled').to.have.length(0);

    el.removeAttribute('disabled');
    await el.updateComplete;
    for (const control of ownControls(el)) expect(control.disabled, `${control.getAttribute('part')} is enabled again`).to.equal(false);
    expect(el.matches(':state(ready)')).to.equal(true);
    const event = await pay(el);
    expect(event.detail.status).to.equal('approved');
    expect(await merchantRequests(logId)).to.have.length(1);
  });

  it('the disabled property reflects to the attribute, and an element created disabled is locked once ready', async () => {
    const { el } = await renderCheckout({ attrs: { disabled: '' } });
    await el.updateComplete;
    const controls = ownControls(el);
    expect(controls.length).to.be.greaterThan(2);
    for (const control of controls) expect(control.disabled, `${control.getAttribute('part')} is disabled`).to.equal(true);

    el.disabled = false;
    await el.updateComplete;
    expect(el.hasAttribute('disabled'), 'attribute removed').to.equal(false);
    for (const control of ownControls(el)) expect(control.disabled, `${control.getAttribute('part')} is enabled`).to.equal(false);
    el.disabled = true;
    await el.updateComplete;
    expect(el.hasAttribute('disabled'), 'attribute reflected').to.equal(true);
  });
});

describe('<mp-checkout> reset()', () => {
  it('after an approval: clears the typed values and the message, shows the form again, and the next payment is a new attempt', async () => {
    const { el, logId } = await renderCheckout();
    await fillCard(el, { name: 'APRO', email: 'first@example.com', idNumber: '30111222' });
    await pay(el);
    await el.updateComplete;
    expect(messageText(el)).to.match(/^Payment approved!/);

    const ready = oneEvent(el, 'mp-ready');
    el.reset();
    await el.updateComplete;
    expect(messageText(el), 'the message is cleared').to.equal('');
    expect(part(el, 'form')!.hidden, 'the form is shown again').to.equal(false);
    expect((part(el, 'cardholder-name') as HTMLInputElement).value, 'cardholder name cleared').to.equal('');
    expect((part(el, 'identification-number') as HTMLInputElement).value, 'document number cleared').to.equal('');
    expect((part(el, 'email') as HTMLInputElement).value, 'e-mail cleared').to.equal('');
    await ready;
    await waitUsable(el);
    for (const name of ['cardNumber', 'expirationDate', 'securityCode']) expect(secureValue(el, name), `${name} cleared`).to.equal('');
    expectExactlyThreeFramesIn(el);
    expect(part(el, 'installments'), "the old card's installments are gone").to.equal(null);

    await fillCard(el, { name: 'APRO', email: 'second@example.com' });
    const event = await pay(el);
    expect(event.detail.status).to.equal('approved');
    const posts = await merchantRequests(logId);
    expect(posts).to.have.length(2);
    expect(posts[1].headers['x-idempotency-key'], 'a new idempotency key').to.not.equal(posts[0].headers['x-idempotency-key']);
    expect(posts[1].body.token, 'a new token').to.not.equal(posts[0].body.token);
    expect(posts[1].body.payer.email).to.equal('second@example.com');
  });

  it('with validation errors showing: clears the errors, the message and the values, and the form still pays', async () => {
    const { el, logId } = await renderCheckout();
    typeInSecureField(el.querySelector<HTMLIFrameElement>('iframe[name="cardNumber"]')!, '4509');
    typeInto(part(el, 'cardholder-name') as HTMLInputElement, 'APRO');
    clickPay(el);
    await waitUntil(() => messageText(el) !== '', 'no validation message');
    expect(fieldErrorText(el, 'email')).to.not.equal('');

    el.reset();
    await el.updateComplete;
    expect(messageText(el), 'message cleared').to.equal('');
    for (const p of ['card-number', 'cardholder-name', 'email', 'identification-number']) expect(fieldErrorText(el, p), `no error under ${p}`).to.equal('');
    expect((part(el, 'cardholder-name') as HTMLInputElement).value).to.equal('');
    expect(Array.from(el.shadowRoot!.querySelectorAll('[aria-invalid="true"]')), 'nothing marked invalid').to.have.length(0);
    await waitUsable(el);
    expect(secureValue(el, 'cardNumber'), 'card number cleared').to.equal('');

    await fillCard(el, { name: 'APRO' });
    expect((await pay(el)).detail.status).to.equal('approved');
    expect(await merchantRequests(logId)).to.have.length(1);
  });
});

describe('<mp-checkout> rebuilds MercadoPago.js when the key or the locale changes', () => {
  it('public-key change after mount: new Secure Fields replace the old ones (exactly three), and it pays', async () => {
    const { el, logId } = await renderCheckout();
    const old = documentFrames();
    expect(old).to.have.length(3);

    el.setAttribute('public-key', 'TEST-MLA-another-sandbox-key');
    await waitUntil(() => old.every((f) => !f.isConnected) && documentFrames().length === 3, 'the old Secure Fields were not replaced', { timeout: 5000 });
    await waitUsable(el);
    await sleep(200); // a late second mount would show up here
    expectExactlyThreeFramesIn(el);
    for (const frame of documentFrames()) expect(old.includes(frame), `${frame.name} is a new iframe`).to.equal(false);
    expect(
      activeListeners.filter((l) => l.type === 'message'),
      'still one message listener',
    ).to.have.length(1);

    await fillCard(el, { name: 'APRO' });
    const event = await pay(el);
    expect(event.detail.status).to.equal('approved');
    expect(await merchantRequests(logId)).to.have.length(1);
    el.remove();
  });

  it('locale change after mount: the fields are rebuilt in the new language (exactly three), and it pays', async () => {
    const { el, logId } = await renderCheckout();
    const old = documentFrames();
    expect(el.querySelector<HTMLIFrameElement>('iframe[name="cardNumber"]')!.title).to.equal('Card number');

    el.setAttribute('locale', 'es-AR');
    await waitUntil(() => old.every((f) => !f.isConnected) && documentFrames().length === 3, 'the old Secure Fields were not replaced', { timeout: 5000 });
    await waitUsable(el);
    await sleep(200);
    expectExactlyThreeFramesIn(el);
    // The Secure Fields take their accessible name at creation: it must be the new language's.
    const number = el.querySelector<HTMLIFrameElement>('iframe[name="cardNumber"]')!;
    expect(number.title, 'the new card-number iframe is titled in Spanish').to.equal('Número de tarjeta');
    expect(number.contentDocument!.querySelector('input')!.getAttribute('aria-label'), 'its input is labelled in Spanish').to.equal('Número de tarjeta');
    expect(part(el, 'field-label')!.textContent.trim()).to.match(/^Número de tarjeta/);

    await fillCard(el, { name: 'APRO' });
    const event = await pay(el);
    expect(event.detail.status).to.equal('approved');
    await el.updateComplete;
    expect(messageText(el)).to.match(/^¡Listo! Se acreditó tu pago/);
    expect(await merchantRequests(logId)).to.have.length(1);
    el.remove();
  });
});
