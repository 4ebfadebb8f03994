import { expect } from '@open-wc/testing';
import { AttemptTracker, createIdempotencyKey } from '../../src/merchant/idempotency.js';

describe('createIdempotencyKey', () => {
  it('makes RFC 4122 version-4 UUIDs, all different', () => {
    const keys = Array.from({ length: 500 }, createIdempotencyKey);
    for (const key of keys) expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).to.equal(500);
  });
});

describe('AttemptTracker', () => {
  let tokens = 0;
  const tokenize = async () => `token-${++tokens}`;

  it('gives every fresh attempt a new token and key', async () => {
    const tracker = new AttemptTracker();
    const a = await tracker.next(tokenize);
    const b = await tracker.next(tokenize);
    expect(a.token).not.to.equal(b.token);
    expect(a.idempotencyKey).not.to.equal(b.idempotencyKey);
  });

  it('repeats a kept attempt exactly (key, token and body) without tokenizing again', async () => {
    const tracker = new AttemptTracker();
    const first = await tracker.next(tokenize);
    tracker.keep({ ...first, body: { installments: 3 } });
    let called = false;
    const again = await tracker.next(async () => {
      called = true;
      return 'never';
    });
    expect(called).to.equal(false);
    expect(again).to.deep.equal({ ...first, body: { installments: 3 } });
    expect(tracker.pending).to.equal(true);
  });

  it('starts afresh after settle()', async () => {
    const tracker = new AttemptTracker();
    const first = await tracker.next(tokenize);
    tracker.keep(first);
    tracker.settle();
    const next = await tracker.next(tokenize);
    expect(next.idempotencyKey).not.to.equal(first.idempotencyKey);
    expect(next.token).not.to.equal(first.token);
    expect(tracker.pending).to.equal(false);
  });

  it('lets a tokenize failure through and keeps nothing', async () => {
    const tracker = new AttemptTracker();
    let error: unknown;
    try {
      await tracker.next(() => Promise.reject(new Error('E301')));
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).to.equal('E301');
    expect(tracker.pending).to.equal(false);
  });
});
