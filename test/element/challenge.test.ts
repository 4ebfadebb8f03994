/**
 * The 3-D Secure challenge frame: the issuer's page runs sandboxed, and a challenge the element
 * cannot open is said (mp-error `invalid_challenge`, a message, "Try again") instead of leaving the
 * buyer in front of a silent pending payment.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { buttonWithText, collectEvents, fillCard, merchantRequests, messageText, pay, part, renderCheckout } from '../helpers/fixtures.js';

describe('<mp-checkout> 3-D Secure challenge', () => {
  it("opens the issuer's page in a sandboxed frame: forms, scripts, its origin, top navigation only on a click", async () => {
    const { el } = await renderCheckout();
    // The sandbox counts from the frame's next navigation: it must be on the frame when the request is posted into it.
    let sandboxAtPost: string[] | undefined;
    el.shadowRoot!.addEventListener(
      'submit',
      (e) => {
        if ((e.target as Element).matches('form.challenge-form'))
          sandboxAtPost = [...el.shadowRoot!.querySelector<HTMLIFrameElement>('iframe.challenge')!.sandbox].sort();
      },
      { capture: true },
    );
    // …and from the moment the frame is in the page, before anything else can run and navigate it.
    let sandboxAtRender: string[] | undefined;
    const observer = new MutationObserver(() => {
      const rendered = el.shadowRoot!.querySelector<HTMLIFrameElement>('iframe.challenge');
      if (rendered && !sandboxAtRender) sandboxAtRender = [...rendered.sandbox].sort();
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    await fillCard(el, { name: 'CHAL' });
    const event = await pay(el);
    expect(event.detail).to.include({ status: 'pending', statusDetail: 'pending_challenge' });
    await el.updateComplete;
    observer.disconnect();
    const frame = el.shadowRoot!.querySelector<HTMLIFrameElement>('iframe.challenge');
    expect(frame, 'the challenge frame').to.exist;
    const sandbox = ['allow-forms', 'allow-same-origin', 'allow-scripts', 'allow-top-navigation-by-user-activation'];
    expect([...frame!.sandbox].sort()).to.deep.equal(sandbox);
    await waitUntil(() => sandboxAtPost, 'the challenge request was never posted', { timeout: 2000 });
    expect(sandboxAtPost, 'sandboxed before the request is posted').to.deep.equal(sandbox);
    expect(sandboxAtRender, 'sandboxed in the update that renders it').to.deep.equal(sandbox);
  });

  for (const [mode, url, reference] of [
    ['challenge-javascript', 'javascript:alert(1)', ''],
    ['challenge-http', 'http://acs.bank.example/challenge', ''],
    // A named order keeps a pending payment on record; one whose challenge cannot be opened must not be repeated.
    ['challenge-http', 'http://acs.bank.example/challenge', 'order-3ds-unusable'],
  ]) {
    it(`an unusable external_resource_url (${url}${reference && `, external-reference ${reference}`}) is an error with a way out, not a silent pending payment`, async () => {
      const { el, logId } = await renderCheckout({ respond: mode, attrs: reference ? { 'external-reference': reference } : {} });
      const events = collectEvents(el, ['mp-error']);
      await fillCard(el, { name: 'APRO' });
      const payment = await pay(el);
      expect(payment.detail).to.include({ status: 'pending', statusDetail: 'pending_challenge' });
      await waitUntil(() => events.length > 0, 'no mp-error', { timeout: 2000 });
      expect(events.map((e) => (e.detail as { code: string }).code)).to.deep.equal(['invalid_challenge']);
      await el.updateComplete;
      expect(el.matches(':state(error)')).to.equal(true);
      expect(el.shadowRoot!.querySelector('iframe.challenge, form.challenge-form'), 'nothing is posted to that URL').to.equal(null);
      expect(messageText(el)).to.match(/^Your bank's security check could not be opened/);

      const retry = buttonWithText(el, 'Try again');
      expect(retry, '"Try again" offered').to.exist;
      retry!.click();
      await waitUntil(() => el.matches(':state(ready)'), 'the form never came back', { timeout: 8000 });
      expect(part(el, 'form')!.hidden).to.equal(false);
      await fillCard(el, { name: 'APRO' });
      await pay(el);
      const posts = (await merchantRequests(logId)).filter((r) => r.method === 'POST');
      expect(posts).to.have.length(2);
      expect(posts[1].headers['x-idempotency-key'], 'paying again is a new attempt').not.to.equal(posts[0].headers['x-idempotency-key']);
    });
  }
});
