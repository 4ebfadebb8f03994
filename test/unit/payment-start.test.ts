/**
 * When a payment starts (PaymentController.submit): at once, in the task of the click, when nothing
 * is pending (a second click in the same task then finds the form locked); after the document types
 * when the form was ready before them, and after the newest ones when a rebuild asked again meanwhile.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { PaymentController } from '../../src/controllers/payment-controller.js';

function setUp(pending: Array<Promise<void> | undefined>) {
  const started: string[] = [];
  const host = { addController: () => undefined } as unknown as ReactiveControllerHost;
  const payment = new PaymentController(host, {
    pendingForm: () => pending.shift(),
    begin: () => void started.push('begin'),
    tokenize: () => Promise.reject(new Error('not reached')),
    tokenFailed: () => undefined,
    answered: () => undefined,
    settled: () => undefined,
    ended: () => undefined,
  });
  return { payment, started };
}

function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('PaymentController: when a payment starts', () => {
  it('at once, in the same task, when nothing is pending', () => {
    const { payment, started } = setUp([undefined]);
    void payment.submit();
    expect(started).to.deep.equal(['begin']);
  });

  it('after the document types, and after the newest ones when the form was rebuilt meanwhile', async () => {
    const first = gate();
    const second = gate();
    const { payment, started } = setUp([first.promise, second.promise, undefined]);
    const submitted = payment.submit();
    await Promise.resolve();
    expect(started, 'waits for the types').to.deep.equal([]);
    first.open(); // replaced by a rebuild: released, but new types are coming
    await new Promise((resolve) => setTimeout(resolve));
    expect(started, 'waits for the new form’s types').to.deep.equal([]);
    second.open();
    await submitted;
    expect(started).to.deep.equal(['begin']);
  });
});
