import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import { collectEvents, fillCard, merchantRequests, messageText, pay, renderCheckout, sleep, waitForSecureInputs } from '../helpers/fixtures.js';

const FIELD_FRAMES = 'iframe[name="cardNumber"], iframe[name="expirationDate"], iframe[name="securityCode"]';

function documentFrames(): HTMLIFrameElement[] {
  return Array.from(document.querySelectorAll<HTMLIFrameElement>(FIELD_FRAMES));
}

/** The light-DOM mount containers (the slotted children that hold the Secure Field iframes). */
function containers(el: MpCheckoutElement): HTMLElement[] {
  return Array.from(el.children).filter((c): c is HTMLElement => ['card-number', 'expiration-date', 'security-code'].includes((c as HTMLElement).slot));
}

function expectThreeFramesIn(el: MpCheckoutElement): void {
  const frames = documentFrames();
  expect(frames.map((f) => f.name).sort(), 'exactly one iframe per Secure Field in the document').to.deep.equal([
    'cardNumber',
    'expirationDate',
    'securityCode',
  ]);
  for (const frame of frames) expect(el.contains(frame), `${frame.name} is inside the element`).to.equal(true);
  expect(containers(el), 'three mount containers').to.have.length(3);
  for (const c of containers(el)) expect(c.querySelectorAll('iframe'), `#${c.id} holds one iframe`).to.have.length(1);
}

async function otherParent(): Promise<HTMLElement> {
  return fixture<HTMLElement>(html`<section class="elsewhere"></section>`);
}

describe('<mp-checkout> lifecycle', () => {
  it('moving the element keeps exactly three mounted iframes, fires no new mp-ready, and it still pays', async () => {
    const { el, logId } = await renderCheckout();
    const ids = containers(el).map((c) => c.id);
    const readies = collectEvents(el, ['mp-ready']);
    const target = await otherParent();

    target.appendChild(el);
    await el.updateComplete;
    await waitForSecureInputs(el);
    // Long enough for any remount to have fired its mp-ready (the double answers within ~40 ms).
    await sleep(200);
    expect(el.parentElement).to.equal(target);
    expectThreeFramesIn(el);
    expect(
      containers(el).map((c) => c.id),
      'same containers',
    ).to.deep.equal(ids);
    expect(readies, 'a move does not remount (no new mp-ready)').to.have.length(0);
    expect(el.matches(':state(ready)')).to.equal(true);
    expect(messageText(el)).to.equal('');

    // The iframes reloaded with the move: the buyer retypes the card and pays.
    await fillCard(el, { name: 'APRO' });
    const event = await pay(el);
    expect(event.detail.status).to.equal('approved');
    const requests = await merchantRequests(logId);
    expect(requests).to.have.length(1);
    expect(requests[0].body.transaction_amount).to.equal(1500.5);
  });

  it('removing the element unmounts the Secure Fields; re-inserting mounts them again and fires mp-ready', async () => {
    const { el, logId } = await renderCheckout();
    const parent = el.parentElement!;

    el.remove();
    await waitUntil(() => el.querySelectorAll('iframe').length === 0, 'the Secure Field iframes were not unmounted', { timeout: 2000 });
    expect(documentFrames(), 'no Secure Field iframes left in the document').to.have.length(0);
    expect(
      containers(el).every((c) => c.childElementCount === 0),
      'the light-DOM containers are empty',
    ).to.equal(true);

    const ready = oneEvent(el, 'mp-ready');
    parent.append(el);
    await ready;
    expectThreeFramesIn(el);
    await waitForSecureInputs(el);

    await fillCard(el, { name: 'APRO' });
    const event = await pay(el);
    expect(event.detail.status).to.equal('approved');
    expect(await merchantRequests(logId)).to.have.length(1);
  });

  it('removing the element in the middle of a card entry and re-inserting it starts clean', async () => {
    const { el } = await renderCheckout();
    await fillCard(el, { name: 'APRO' });
    const parent = el.parentElement!;
    el.remove();
    await waitUntil(() => el.querySelectorAll('iframe').length === 0, 'not unmounted', { timeout: 2000 });
    const ready = oneEvent(el, 'mp-ready');
    parent.append(el);
    await ready;
    expectThreeFramesIn(el);
    const number = el.querySelector<HTMLIFrameElement>('iframe[name="cardNumber"]')!.contentDocument!.querySelector('input')!;
    expect(number.value, 'the card number field is empty after re-insertion').to.equal('');
  });

  it('50 connect/disconnect cycles leave exactly three iframes and a working form', async () => {
    const { el, logId } = await renderCheckout();
    const parent = el.parentElement!;
    const readies = collectEvents(el, ['mp-ready']);
    const errors = collectEvents(el, ['mp-error']);

    for (let i = 0; i < 50; i++) {
      el.remove();
      await Promise.resolve();
      await el.updateComplete;
      parent.append(el);
      await Promise.resolve();
      await el.updateComplete;
    }
    await waitUntil(() => readies.length >= 1, 'no mp-ready after the last re-insertion', { timeout: 5000 });
    // Let any straggling mount from an earlier cycle show itself.
    await sleep(300);
    expectThreeFramesIn(el);
    expect(readies, 'exactly one mp-ready (for the final insertion)').to.have.length(1);
    expect(
      errors.map((e) => e.detail.code),
      'no technical error',
    ).to.deep.equal([]);

    await fillCard(el, { name: 'APRO' });
    const event = await pay(el);
    expect(event.detail.status).to.equal('approved');
    expect(await merchantRequests(logId)).to.have.length(1);
  });

  it('a move while a payment is in flight does not lose the answer', async () => {
    const { el, logId } = await renderCheckout({ respond: 'sandbox&delay=300' });
    await fillCard(el, { name: 'APRO' });
    const answer = oneEvent(el, 'mp-payment');
    (el.shadowRoot!.querySelector('[part~="submit-button"]') as HTMLButtonElement).click();
    await waitUntil(async () => (await merchantRequests(logId)).length === 1, 'POST never sent');
    const target = await otherParent();
    target.appendChild(el);
    const event = await answer;
    expect(event.detail.status).to.equal('approved');
    await waitUntil(() => messageText(el).includes('approved'));
    expect(await merchantRequests(logId)).to.have.length(1);
  });
});
