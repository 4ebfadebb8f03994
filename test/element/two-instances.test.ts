import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import { fillCard, merchantRequests, messageText, part, renderCheckout } from '../helpers/fixtures.js';

const FIELDS = ['cardNumber', 'expirationDate', 'securityCode'] as const;

function ownFrames(el: MpCheckoutElement): HTMLIFrameElement[] {
  return Array.from(el.querySelectorAll('iframe'));
}

describe('<mp-checkout> two instances on one page', () => {
  it('each mounts its own three Secure Fields in containers with unique ids', async () => {
    const [a, b] = await Promise.all([renderCheckout({ attrs: { amount: '1500.5' } }), renderCheckout({ attrs: { amount: '999.99' } })]);
    expect(a.logId).not.to.equal(b.logId);

    const allFrames = Array.from(document.querySelectorAll('iframe'));
    expect(allFrames, 'six iframes in the document').to.have.length(6);
    for (const { el } of [a, b]) {
      const frames = ownFrames(el);
      expect(frames.map((f) => f.name).sort(), 'one of each field per element').to.deep.equal([...FIELDS].sort());
      for (const frame of frames) {
        expect(frame.parentElement!.parentElement, 'the iframe sits in a container that is a light-DOM child of its element').to.equal(el);
        expect(frame.contentDocument?.querySelector('input'), `${frame.name} has its input`).to.exist;
      }
    }

    const containerIds = allFrames.map((f) => f.parentElement!.id);
    expect(
      containerIds.every((id) => id !== ''),
      'every container has an id',
    ).to.equal(true);
    expect(new Set(containerIds).size, 'container ids are unique').to.equal(6);
    for (const id of containerIds) expect(document.querySelectorAll(`#${CSS.escape(id)}`), `#${id} is unique in the document`).to.have.length(1);

    // Element ids in the shadow roots (labels ↔ inputs, error ids) do not collide either.
    const shadowIds = [a.el, b.el].flatMap((el) => Array.from(el.shadowRoot!.querySelectorAll('[id]'), (n) => n.id));
    expect(new Set(shadowIds).size, 'shadow ids are per-instance').to.equal(shadowIds.length);
  });

  it('both pay independently; each merchant log gets exactly its own amount', async () => {
    const [a, b] = await Promise.all([renderCheckout({ attrs: { amount: '1500.5' } }), renderCheckout({ attrs: { amount: '999.99' } })]);
    // Fill both before paying either: typing into one must not leak into the other.
    await fillCard(a.el, { name: 'APRO', idNumber: '11111111', email: 'a@example.com' });
    await fillCard(b.el, { name: 'APRO', idNumber: '22222222', email: 'b@example.com' });

    const answers = [oneEvent(a.el, 'mp-payment'), oneEvent(b.el, 'mp-payment')];
    (part(a.el, 'submit-button') as HTMLButtonElement).click();
    (part(b.el, 'submit-button') as HTMLButtonElement).click();
    const [resultA, resultB] = await Promise.all(answers);
    expect(resultA.detail.status).to.equal('approved');
    expect(resultB.detail.status).to.equal('approved');
    expect(resultA.detail.id).not.to.equal(resultB.detail.id);
    await waitUntil(() => messageText(a.el).includes('approved') && messageText(b.el).includes('approved'));

    const logA = await merchantRequests(a.logId);
    const logB = await merchantRequests(b.logId);
    expect(logA, 'first element: one request').to.have.length(1);
    expect(logB, 'second element: one request').to.have.length(1);
    expect(logA[0].body.transaction_amount).to.equal(1500.5);
    expect(logB[0].body.transaction_amount).to.equal(999.99);
    expect(logA[0].body.payer).to.deep.include({ email: 'a@example.com' });
    expect(logB[0].body.payer).to.deep.include({ email: 'b@example.com' });
    expect(logA[0].body.payer.identification.number).to.equal('11111111');
    expect(logB[0].body.payer.identification.number).to.equal('22222222');
    expect(logA[0].body.token).not.to.equal(logB[0].body.token);
    expect(logA[0].headers['x-idempotency-key']).not.to.equal(logB[0].headers['x-idempotency-key']);
  });

  it('a rejection in one leaves the other untouched and payable', async () => {
    const [a, b] = await Promise.all([renderCheckout({ attrs: { amount: '1500.5' } }), renderCheckout({ attrs: { amount: '250' } })]);
    await fillCard(a.el, { name: 'OTHE' });
    await fillCard(b.el, { name: 'APRO' });
    const rejected = oneEvent(a.el, 'mp-payment');
    (part(a.el, 'submit-button') as HTMLButtonElement).click();
    expect((await rejected).detail.status).to.equal('rejected');
    await a.el.updateComplete;
    expect(messageText(a.el)).to.contain('did not process');
    expect(messageText(b.el), 'the other element shows nothing').to.equal('');
    const bFrame = b.el.querySelector<HTMLIFrameElement>('iframe[name="cardNumber"]')!;
    expect(bFrame.contentDocument!.querySelector('input')!.value.replace(/\D/g, ''), 'the other card is still typed').to.have.length(16);

    const approved = oneEvent(b.el, 'mp-payment');
    (part(b.el, 'submit-button') as HTMLButtonElement).click();
    expect((await approved).detail.status).to.equal('approved');
    expect((await merchantRequests(b.logId)).map((r) => r.body.transaction_amount)).to.deep.equal([250]);
    expect((await merchantRequests(a.logId)).map((r) => r.body.transaction_amount)).to.deep.equal([1500.5]);
  });
});
