import { expect } from '@open-wc/testing';
import { attemptUnresolved, AttemptTracker, createIdempotencyKey, orderScope, paymentExists, type PaymentAttempt } from '../../src/merchant/idempotency.js';
import { ATTEMPT_TTL_MS, sessionAttemptStore } from '../../src/merchant/attempt-store.js';
import type { ClientOutcome } from '../../src/merchant/payment-client.js';

describe('createIdempotencyKey', () => {
  it('makes RFC 4122 version-4 UUIDs, all different', () => {
    const keys = Array.from({ length: 500 }, createIdempotencyKey);
    for (const key of keys) expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).to.equal(500);
  });
});

describe('attemptUnresolved', () => {
  const cases: Array<[string, ClientOutcome, boolean]> = [
    ['approved', { type: 'result', status: 'approved' }, false],
    ['rejected', { type: 'result', status: 'rejected' }, false],
    ['in_process (a payment exists)', { type: 'result', status: 'in_process' }, false],
    ['cancelled', { type: 'result', status: 'cancelled' }, false],
    ['{"status":"success"}: not a Mercado Pago status', { type: 'result', status: 'success' }, true],
    ['{"status":"OK"}', { type: 'result', status: 'OK' }, true],
    ['4xx with causes', { type: 'rejected-request', httpStatus: 400, causes: [] }, false],
    ['plain 400', { type: 'error', code: 'server', httpStatus: 400 }, false],
    ['403 (CSRF refused)', { type: 'error', code: 'server', httpStatus: 403 }, false],
    ['409 (same key still being processed)', { type: 'error', code: 'server', httpStatus: 409 }, true],
    ['500', { type: 'error', code: 'server', httpStatus: 500 }, true],
    ['unreadable 2xx', { type: 'error', code: 'bad_response', httpStatus: 200 }, true],
    ['network', { type: 'error', code: 'network', httpStatus: 0 }, true],
    ['timeout', { type: 'error', code: 'timeout', httpStatus: 0 }, true],
  ];
  for (const [name, outcome, unresolved] of cases) {
    it(`${name} → ${unresolved ? 'repeat the attempt' : 'a definite answer'}`, () => {
      expect(attemptUnresolved(outcome)).to.equal(unresolved);
    });
  }
});

describe('paymentExists', () => {
  it('approved and pending payments exist; rejections, refusals and unknown answers do not say so', () => {
    for (const status of ['approved', 'authorized', 'in_process', 'pending']) expect(paymentExists({ type: 'result', status }), status).to.equal(true);
    for (const status of ['rejected', 'cancelled', 'success']) expect(paymentExists({ type: 'result', status }), status).to.equal(false);
    expect(paymentExists({ type: 'error', code: 'server', httpStatus: 502 })).to.equal(false);
  });
});

describe('orderScope', () => {
  const base = 'https://shop.example/checkout?cart=1';
  it('names the endpoint, the order reference and the amount', () => {
    const a = orderScope({ action: '/pay', externalReference: 'order-42', amount: 1500 }, base);
    expect(a).to.equal(JSON.stringify(['https://shop.example/pay', 'ref:order-42', 1500]));
    expect(orderScope({ action: '/pay', externalReference: 'order-42', amount: 100 }, base), 'another amount').not.to.equal(a);
    expect(orderScope({ action: '/pay', externalReference: 'order-43', amount: 1500 }, base), 'another order').not.to.equal(a);
    expect(orderScope({ action: '/other', externalReference: 'order-42', amount: 1500 }, base), 'another endpoint').not.to.equal(a);
  });

  it('falls back to the page address without a reference, and gives nothing for an unusable amount or action', () => {
    expect(orderScope({ action: '/pay', externalReference: '', amount: 1500 }, base)).to.equal(
      JSON.stringify(['https://shop.example/pay', 'page:https://shop.example/checkout', 1500]),
    );
    expect(orderScope({ action: '/pay', externalReference: 'x', amount: undefined }, base)).to.equal(undefined);
    expect(orderScope({ action: '/pay', externalReference: 'x', amount: NaN }, base)).to.equal(undefined);
    expect(orderScope({ action: '', externalReference: 'x', amount: 10 }, base)).to.equal(undefined);
  });
});

describe('AttemptTracker', () => {
  let tokens = 0;
  const summary = { amount: 1500, paymentMethodId: 'visa', paymentMethodName: 'Visa', installments: 3 };
  const create = async () => ({ body: { token: `token-${++tokens}`, transaction_amount: 1500 }, summary });

  it('gives every fresh attempt a new token and key', async () => {
    const tracker = new AttemptTracker();
    const a = await tracker.next(undefined, create);
    tracker.settle(a);
    const b = await tracker.next(undefined, create);
    expect(b.body).not.to.deep.equal(a.body);
    expect(a.idempotencyKey).not.to.equal(b.idempotencyKey);
  });

  it('repeats an unresolved attempt exactly (key, token and body) without tokenizing again', async () => {
    const tracker = new AttemptTracker();
    const first = await tracker.next(undefined, create);
    let called = false;
    const again = await tracker.next(undefined, async () => {
      called = true;
      return create();
    });
    expect(called).to.equal(false);
    expect(again).to.equal(first);
    expect(tracker.current?.summary).to.deep.equal(summary);
  });

  it('uses the merchant key for a fresh attempt', async () => {
    const tracker = new AttemptTracker();
    expect((await tracker.next(undefined, create, 'order-42:try-1')).idempotencyKey).to.equal('order-42:try-1');
  });

  it('lets a tokenize failure through and keeps nothing', async () => {
    const tracker = new AttemptTracker();
    let error: unknown;
    try {
      await tracker.next(undefined, () => Promise.reject(new Error('E301')));
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).to.equal('E301');
    expect(tracker.current).to.equal(undefined);
  });

  it('records the attempt before it is sent: a new tracker for the same order repeats it; settle() ends it', async () => {
    const storage = new MemoryStorage();
    const store = sessionAttemptStore(() => storage);
    const scope = orderScope({ action: '/pay', externalReference: 'order-42', amount: 1500 }, 'https://shop.example/')!;
    const first = await new AttemptTracker(store).next(scope, create);
    const reloaded = new AttemptTracker(store);
    expect(reloaded.restore(scope)).to.deep.equal(first);
    const other = new AttemptTracker(store);
    expect(other.restore(orderScope({ action: '/pay', externalReference: 'order-43', amount: 1500 }, 'https://shop.example/'))).to.equal(undefined);
    reloaded.settle();
    expect(new AttemptTracker(store).restore(scope), 'gone after a definite answer').to.equal(undefined);
  });

  it('settle(attempt, true) keeps the record for a reloaded page until forgetRecord()', async () => {
    const storage = new MemoryStorage();
    const store = sessionAttemptStore(() => storage);
    const tracker = new AttemptTracker(store);
    const attempt = await tracker.next('order', create);
    tracker.settle(attempt, true);
    expect(tracker.current, 'this element is done with it').to.equal(undefined);
    expect(new AttemptTracker(store).restore('order')?.idempotencyKey, 'a reloaded page repeats it').to.equal(attempt.idempotencyKey);
    tracker.forgetRecord();
    expect(new AttemptTracker(store).restore('order'), 'the payment failed after all: a new attempt may follow').to.equal(undefined);
  });

  it('an attempt recorded by another element while the token was made wins over the new one', async () => {
    const storage = new MemoryStorage();
    const store = sessionAttemptStore(() => storage);
    const scope = 'order';
    const a = new AttemptTracker(store);
    const b = new AttemptTracker(store);
    let release!: () => void;
    const slowCreate = () => new Promise<Pick<PaymentAttempt, 'body' | 'summary'>>((resolve) => (release = () => void create().then(resolve)));
    const pendingB = b.next(scope, slowCreate);
    const first = await a.next(scope, create);
    release();
    expect(await pendingB).to.deep.equal(first);
  });
});

describe('sessionAttemptStore', () => {
  const attempt: PaymentAttempt = {
    idempotencyKey: createIdempotencyKey(),
    body: { token: 'ff8080814c11e237014c1ff593b57b4d', transaction_amount: 1500, installments: 3, payment_method_id: 'visa' },
    summary: { amount: 1500, paymentMethodId: 'visa', paymentMethodName: 'Visa', installments: 3 },
    scope: 'order-42',
  };

  it('keeps the key, the body and the summary, nothing else', () => {
    const storage = new MemoryStorage();
    sessionAttemptStore(
      () => storage,
      () => 1000,
    ).save(attempt);
    expect(storage.length).to.equal(1);
    const stored = JSON.parse(storage.getItem(storage.key(0)!)!) as Record<string, unknown>;
    expect(Object.keys(stored).sort()).to.deep.equal(['body', 'idempotencyKey', 'savedAt', 'summary']);
  });

  it('gives a reloaded page the summary as recorded, the financed total and installment amount included', () => {
    const storage = new MemoryStorage();
    const store = sessionAttemptStore(() => storage);
    const financed: PaymentAttempt = { ...attempt, summary: { ...attempt.summary, total: 1746.3, installmentAmount: 582.1 } };
    store.save(financed);
    expect(store.load('order-42')?.summary).to.deep.equal(financed.summary);
    storage.setItem('mp-checkout:attempt:order-42', storage.getItem('mp-checkout:attempt:order-42')!.replace('1746.3', '"1746.3"'));
    expect(store.load('order-42'), 'a total that is not a number').to.equal(undefined);
  });

  it('expires after ATTEMPT_TTL_MS, and throws away what it cannot read', () => {
    const storage = new MemoryStorage();
    let now = 1_000_000;
    const store = sessionAttemptStore(
      () => storage,
      () => now,
    );
    store.save(attempt);
    now += ATTEMPT_TTL_MS - 1;
    expect(store.load('order-42')?.idempotencyKey).to.equal(attempt.idempotencyKey);
    now += 1;
    expect(store.load('order-42')).to.equal(undefined);
    expect(storage.length, 'the expired entry is removed').to.equal(0);
    for (const junk of ['{', 'null', '[]', '{"idempotencyKey":"a b","body":{"token":"t"},"summary":{"amount":1,"installments":1},"savedAt":1}']) {
      storage.setItem('mp-checkout:attempt:order-42', junk);
      expect(store.load('order-42'), junk).to.equal(undefined);
    }
  });

  it('never throws when storage is missing, refused or full', () => {
    const refusing = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    for (const store of [sessionAttemptStore(() => undefined), sessionAttemptStore(refusing), sessionAttemptStore(() => full)]) {
      expect(() => store.save(attempt)).not.to.throw();
      expect(store.load('order-42')).to.equal(undefined);
      expect(() => store.remove(attempt)).not.to.throw();
    }
  });

  it('remove() leaves a newer attempt of the same order alone', () => {
    const storage = new MemoryStorage();
    const store = sessionAttemptStore(() => storage);
    store.save(attempt);
    const newer = { ...attempt, idempotencyKey: createIdempotencyKey() };
    store.save(newer);
    store.remove(attempt);
    expect(store.load('order-42')?.idempotencyKey).to.equal(newer.idempotencyKey);
  });
});

/** A Storage without the browser's: the tests must not share the page's sessionStorage. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  [name: string]: unknown;
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}
