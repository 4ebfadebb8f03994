import { expect } from '@open-wc/testing';
import { buildPaymentPayload, itemsWithinLimits, payerWithinLimits, withinJsonBounds } from '../../src/merchant/payload.js';

describe('buildPaymentPayload', () => {
  it('builds the documented body (PRODUCT.md §2) from a complete input', () => {
    const body = buildPaymentPayload({
      token: 'tok',
      paymentMethodId: 'visa',
      issuerId: '310',
      installments: 3,
      paymentMethodOptionId: 'opt-3',
      processingMode: 'aggregator',
      amount: 1500.5,
      description: 'Order 42',
      statementDescriptor: 'MYSHOP',
      externalReference: 'order-42',
      payer: {
        email: 'ana@example.com',
        first_name: 'Ana',
        last_name: 'García',
        identification: { type: 'DNI', number: '12345678' },
        phone: { area_code: '11', number: '5555-5555' },
      },
      items: [{ id: 'sku-1', title: 'Mate', quantity: 1, unit_price: 1500.5 }],
      deviceId: 'device-1',
    });
    expect(body).to.deep.equal({
      token: 'tok',
      payment_method_id: 'visa',
      issuer_id: '310',
      installments: 3,
      payment_method_option_id: 'opt-3',
      processing_mode: 'aggregator',
      transaction_amount: 1500.5,
      description: 'Order 42',
      statement_descriptor: 'MYSHOP',
      external_reference: 'order-42',
      payer: { email: 'ana@example.com', identification: { type: 'DNI', number: '12345678' }, first_name: 'Ana', last_name: 'García' },
      additional_info: {
        items: [{ id: 'sku-1', title: 'Mate', quantity: 1, unit_price: 1500.5 }],
        payer: { first_name: 'Ana', last_name: 'García', phone: { area_code: '11', number: '5555-5555' } },
      },
      device_id: 'device-1',
    });
  });

  it('sends only fields with a value', () => {
    const body = buildPaymentPayload({
      token: 'tok',
      paymentMethodId: 'master',
      installments: 1,
      amount: 10,
      description: '  ',
      payer: { email: 'a@b.co', identification: { type: '', number: '' } },
      items: [],
    });
    expect(body).to.deep.equal({ token: 'tok', payment_method_id: 'master', installments: 1, transaction_amount: 10, payer: { email: 'a@b.co' } });
  });
});

describe("bounds on the merchant's items and payer", () => {
  const nested = (levels: number): unknown => {
    let value: unknown = 'leaf';
    for (let i = 0; i < levels; i++) value = [value];
    return value;
  };

  it('counts levels of arrays and objects: 8 pass, 9 do not, 100 000 do not throw', () => {
    expect(withinJsonBounds(nested(8), 8, 1000)).to.equal(true);
    expect(withinJsonBounds(nested(9), 8, 1000)).to.equal(false);
    expect(withinJsonBounds(nested(100_000), 8, 1000)).to.equal(false);
    expect(withinJsonBounds({ a: { b: { c: 1 } } }, 3, 1000)).to.equal(true);
    expect(withinJsonBounds({ a: { b: { c: {} } } }, 3, 1000)).to.equal(false);
  });

  it('measures the serialized size, and stops early on a huge array', () => {
    const text = 'x'.repeat(98);
    expect(withinJsonBounds([text], 8, JSON.stringify([text]).length)).to.equal(true);
    expect(withinJsonBounds([text, text], 8, JSON.stringify([text]).length)).to.equal(false);
    const sparse: unknown[] = [];
    sparse.length = 2 ** 31;
    expect(withinJsonBounds(sparse, 8, 64_000)).to.equal(false);
  });

  it('a cycle, a throwing getter or a toJSON that returns itself is out of bounds, never a throw', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    const throwing = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    const selfish = {
      toJSON(): unknown {
        return selfish;
      },
    };
    for (const value of [cycle, throwing, selfish]) expect(withinJsonBounds(value, 8, 64_000)).to.equal(false);
    expect(withinJsonBounds({ when: new Date(0) }, 8, 64_000)).to.equal(true);
  });

  it('items: at most 100; payer: at most 8 000 characters', () => {
    const item = { id: 'a', title: 'Mate', quantity: 1, unit_price: 1 };
    expect(itemsWithinLimits(Array.from({ length: 100 }, () => item))).to.equal(true);
    expect(itemsWithinLimits(Array.from({ length: 101 }, () => item))).to.equal(false);
    expect(payerWithinLimits({ email: 'a@b.co', address: { street_name: 'x'.repeat(7_000) } })).to.equal(true);
    expect(payerWithinLimits({ email: 'a@b.co', address: { street_name: 'x'.repeat(8_000) } })).to.equal(false);
  });
});
