/**
 * Pending payments (`in_process`/`pending` with `status-action`): the element polls
 * `GET {status-action}?id=<payment id>` with growing delays and a bound, stops at the final status
 * and when it is removed, and a failing status endpoint never turns a pending payment into an
 * error the buyer could answer by paying again.
 *
 * When each GET left the browser is read from Resource Timing (the merchant log has no clock).
 * Timers are watched through a wrapper around window.setTimeout/setInterval installed before any
 * element exists; the wrapper can also run the poller's own waits faster (like fake timers), so the
 * whole backoff up to its bound fits in a test.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import {
  buttonWithText,
  clickPay,
  collectEvents,
  fillCard,
  merchantRequests,
  messageText,
  newLogId,
  part,
  pay,
  renderCheckout,
  sleep,
} from '../helpers/fixtures.js';
import { callerIn, installTimerSpy } from '../helpers/timer-spy.js';

// ——— timer spy (installed at module load, before any element is created) ———

const fromElement = callerIn([`${location.origin}/src/`]);
const fromPoller = callerIn(['/src/controllers/payment-controller.ts']);

/** Divides the waits of the payment poller (src/controllers/payment-controller.ts) when > 1. */
let pollerSpeedUp = 1;

/** Timers created by the element's own code (src/): `active` still pending, `created` all, in order. */
const timers = installTimerSpy({ track: fromElement, speedUp: (caller) => (fromPoller(caller) ? pollerSpeedUp : 1) });
const activeElementTimers = timers.active;

const pollerTimersSince = (t: number) => timers.created.filter((x) => fromPoller(x.caller) && x.createdAt >= t);
/** How many poller timeouts fired since `t` (each firing sends one status GET). */
const pollerFiringsSince = (t: number) => timers.firings.filter((f) => f.timer.kind === 'timeout' && fromPoller(f.timer.caller) && f.at >= t).length;

// ——— when each request left the browser (Resource Timing) ———

const resources: PerformanceResourceTiming[] = [];
new PerformanceObserver((list) => resources.push(...(list.getEntries() as PerformanceResourceTiming[]))).observe({ type: 'resource', buffered: true });

function timings(logId: string, route: 'process_payment' | 'payment_status'): PerformanceResourceTiming[] {
  return resources.filter((r) => new URL(r.name).pathname === `/sandbox/${logId}/${route}`).sort((a, b) => a.startTime - b.startTime);
}

// ——— helpers ———

async function pendingCheckout(statusQuery = ''): Promise<{ el: MpCheckoutElement; logId: string }> {
  const logId = newLogId();
  return renderCheckout({ logId, attrs: { 'status-action': `/sandbox/${logId}/payment_status${statusQuery}` } });
}

async function gets(logId: string): Promise<number> {
  return (await merchantRequests(logId)).filter((r) => r.method === 'GET').length;
}

/** Every text the message part shows from now on (a live region: each change is announced). */
function recordMessages(el: MpCheckoutElement): string[] {
  const seen: string[] = [messageText(el)];
  new MutationObserver(() => {
    const text = messageText(el);
    if (text !== seen[seen.length - 1]) seen.push(text);
  }).observe(part(el, 'message')!, { childList: true, characterData: true, subtree: true });
  return seen;
}

const PROCESSING = 'We are processing your payment. Within 2 business days we will e-mail you the result.';

afterEach(() => {
  pollerSpeedUp = 1;
});

describe('<mp-checkout> pending payments: polling status-action', () => {
  it('CONT: the status GETs come after growing waits, and polling stops at the final status', async () => {
    const { el, logId } = await pendingCheckout();
    await fillCard(el, { name: 'CONT' });
    const payments = collectEvents(el, ['mp-payment']);
    const first = await pay(el);
    expect(first.detail.status).to.equal('in_process');

    await waitUntil(() => payments.length === 2, 'the pending payment never settled', { timeout: 8000, interval: 50 });
    expect(payments.map((e) => e.detail.status)).to.deep.equal(['in_process', 'approved']);
    const settledAt = performance.now();

    await waitUntil(() => timings(logId, 'payment_status').length === 2, 'no Resource Timing for the two status GETs', { timeout: 2000 });
    const [post] = timings(logId, 'process_payment');
    const [get1, get2] = timings(logId, 'payment_status');
    const wait1 = get1.startTime - post.responseEnd;
    const wait2 = get2.startTime - get1.responseEnd;
    // The first poll waits about a second; each next wait is clearly longer (exponential backoff).
    expect(wait1, `first wait ${wait1.toFixed(0)} ms`).to.be.within(800, 2500);
    expect(wait2, `second wait ${wait2.toFixed(0)} ms after a first of ${wait1.toFixed(0)} ms`).to.be.greaterThan(wait1 * 1.5);

    // Final status: nothing is scheduled any more, and no further GET reaches the merchant.
    await el.updateComplete;
    expect(messageText(el)).to.match(/^Payment approved!/);
    expect(activeElementTimers.size, `timers still pending after the approval: ${timers.describe()}`).to.equal(0);
    expect(pollerTimersSince(settledAt), 'no poll scheduled after the final status').to.have.length(0);
    await sleep(300);
    expect(await gets(logId)).to.equal(2);
  });

  it('removing the element while the first poll is scheduled: no GET is ever sent', async () => {
    const { el, logId } = await pendingCheckout();
    await fillCard(el, { name: 'CONT' });
    const payments = collectEvents(el, ['mp-payment']);
    await pay(el);
    expect(messageText(el), 'the buyer was told the payment is processing').to.not.equal('');
    el.remove();

    // The first GET would have left after ~1 s, the second ~2 s later: watch past both.
    await sleep(3200);
    const log = await merchantRequests(logId);
    expect(
      log.map((r) => r.method),
      'only the payment POST; no status GET after the removal',
    ).to.deep.equal(['POST']);
    expect(
      payments.map((e) => e.detail.status),
      'no mp-payment after the removal',
    ).to.deep.equal(['in_process']);
    expect(activeElementTimers.size, `timers still pending after the removal: ${timers.describe()}`).to.equal(0);
  });

  it('removing the element while a status GET is in flight: no further GET, no event', async () => {
    // The status endpoint takes 800 ms to answer, so the removal lands while the GET is open.
    const { el, logId } = await pendingCheckout('?delay=800');
    await fillCard(el, { name: 'CONT' });
    const payments = collectEvents(el, ['mp-payment']);
    await pay(el);
    await waitUntil(async () => (await gets(logId)) === 1, 'the first status GET never reached the merchant', { timeout: 3000, interval: 50 });
    el.remove();

    await sleep(3500);
    expect(await gets(logId), 'exactly the one GET that was in flight').to.equal(1);
    expect(
      payments.map((e) => e.detail.status),
      'no mp-payment from a removed element',
    ).to.deep.equal(['in_process']);
    expect(activeElementTimers.size, `timers still pending after the removal: ${timers.describe()}`).to.equal(0);
  });

  it('reset() while a status GET is in flight stops polling: no further GET, and the old result never lands on the fresh form', async () => {
    const { el, logId } = await pendingCheckout('?delay=800');
    await fillCard(el, { name: 'CONT' });
    const payments = collectEvents(el, ['mp-payment']);
    await pay(el);
    await waitUntil(async () => (await gets(logId)) === 1, 'the first status GET never reached the merchant', { timeout: 3000, interval: 50 });
    el.reset();
    await el.updateComplete;
    expect(messageText(el), 'reset cleared the message').to.equal('');

    // The in-flight GET answers "in_process"; the next would leave ~2 s later and approve.
    await sleep(3500);
    expect(await gets(logId), 'no GET after reset()').to.equal(1);
    expect(
      payments.map((e) => e.detail.status),
      'no mp-payment after reset()',
    ).to.deep.equal(['in_process']);
    await el.updateComplete;
    expect(messageText(el), 'the fresh form shows no old result').to.equal('');
    expect(part(el, 'form')!.hidden, 'the fresh form stays visible').to.equal(false);
    expect(activeElementTimers.size, `timers still pending after reset(): ${timers.describe()}`).to.equal(0);
  });

  for (const mode of ['500', '200-html']) {
    it(`a status endpoint answering respond=${mode}: the buyer keeps the "processing" message, polling backs off and stops at a bound`, async () => {
      const { el, logId } = await pendingCheckout(`?respond=${mode}`);
      await fillCard(el, { name: 'CONT' });
      const errors = collectEvents(el, ['mp-error']);
      const payments = collectEvents(el, ['mp-payment']);
      // Run the poller's waits 100× faster: the full backoff fits in seconds.
      pollerSpeedUp = 100;
      const startedAt = performance.now();
      await pay(el);
      await el.updateComplete;
      expect(messageText(el)).to.equal(PROCESSING);
      const messages = recordMessages(el);

      // Polling ends by itself: no poll scheduled, and every poll that fired has had its answer.
      const idle = () =>
        pollerTimersSince(startedAt).length > 0 &&
        ![...activeElementTimers.values()].some((t) => fromPoller(t.caller)) &&
        timings(logId, 'payment_status').length === pollerFiringsSince(startedAt);
      await waitUntil(async () => idle() && (await sleep(150), idle()), `polling never stopped: ${timers.describe()}`, { timeout: 15_000, interval: 50 });
      const count = await gets(logId);
      await sleep(1000);
      expect(await gets(logId), 'no GET after polling stopped').to.equal(count);
      expect(count, 'it retried the failing endpoint').to.be.at.least(3);
      expect(count, 'the number of polls is bounded').to.be.at.most(12);

      // Each wait the poller asked for is longer than the one before (real milliseconds requested).
      const waits = pollerTimersSince(startedAt).map((t) => t.delay);
      expect(waits.length, 'one wait before each GET').to.equal(count);
      for (let i = 1; i < waits.length; i++) expect(waits[i], `wait ${i + 1} of ${JSON.stringify(waits)}`).to.be.greaterThan(waits[i - 1] * 1.5);
      // Every GET asked for this payment.
      const log = await merchantRequests(logId);
      for (const get of log.filter((r) => r.method === 'GET')) expect(get.path).to.match(new RegExp(`\\?respond=${mode}&id=${payments[0].detail.id}$`));

      // What the buyer sees never changed, and offers no way to pay again.
      await el.updateComplete;
      expect(messages, 'the message never changed while polling failed').to.deep.equal([PROCESSING]);
      expect(
        errors.map((e) => e.detail.code),
        'no mp-error for a failed status poll',
      ).to.deep.equal([]);
      expect(payments.map((e) => e.detail.status)).to.deep.equal(['in_process']);
      expect(buttonWithText(el, 'Try again'), 'no "Try again"').to.equal(null);
      expect(buttonWithText(el, 'Use another card'), 'no "Use another card"').to.equal(null);
      expect(el.matches(':state(error)')).to.equal(false);
      const button = part(el, 'submit-button') as HTMLButtonElement;
      expect(part(el, 'form')!.hidden || button.disabled, 'the pay button cannot be pressed').to.equal(true);

      // Even a determined buyer or script cannot start a second payment.
      clickPay(el);
      await el.submit();
      await sleep(200);
      expect(
        log.filter((r) => r.method === 'POST'),
        'one POST before',
      ).to.have.length(1);
      expect(
        (await merchantRequests(logId)).filter((r) => r.method === 'POST'),
        'still one POST',
      ).to.have.length(1);
    });
  }
});
