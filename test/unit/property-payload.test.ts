// Property tests for the POST body (PRODUCT.md §2): whatever the merchant's attributes, properties
// and the buyer's inputs hold — HTML, prototype-pollution keys, NaN/Infinity, nested junk — the
// builder never throws and hands back plain JSON with only the contract's keys and only values.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { buildPaymentPayload, withoutEmptyValues, type PaymentPayloadInput } from '../../src/merchant/payload.js';

const RUNS = { numRuns: 400 };

/** The top-level keys of the §2 body, and the keys its nested objects may have. */
const CONTRACT_KEYS = [
  'token',
  'payment_method_id',
  'issuer_id',
  'installments',
  'payment_method_option_id',
  'processing_mode',
  'transaction_amount',
  'description',
  'statement_descriptor',
  'external_reference',
  'payer',
  'additional_info',
  'device_id',
];
const PAYER_KEYS = ['email', 'identification', 'first_name', 'last_name'];
const ADDITIONAL_INFO_KEYS = ['items', 'payer', 'shipments'];

const hostileText = fc.constantFrom(
  '<img src=x onerror=alert(1)>',
  '<script>alert("x")</script>',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '__proto__',
  'constructor',
  '',
  ' ',
  '\t\n',
  '\u0000',
  '\u200b',
  'José Ñandú 🇦🇷',
  'x'.repeat(5000),
);
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), hostileText);
const hostileKey = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', ''));

// Junk as a merchant's JavaScript could hand over (JSON from an attribute is the easy case).
const junk = fc.anything({
  key: hostileKey,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withUnicodeString: true,
  maxDepth: 4,
});
/** JSON text parsed: `{"__proto__": …}` becomes an own key, the real prototype-pollution vector. */
const parsedJson = fc.json({ maxDepth: 4 }).map((j) => JSON.parse(j) as unknown);
const withProtoKey = fc
  .tuple(fc.json({ maxDepth: 2 }), fc.json({ maxDepth: 2 }))
  .map(([a, b]) => JSON.parse(`{"__proto__": ${a}, "constructor": ${b}, "title": "x"}`) as unknown);
const nested = fc.oneof(junk, parsedJson, withProtoKey);

const amount = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -0, 1500.5, Number.MAX_VALUE, Number.MIN_VALUE));
const optionalText = fc.option(text, { nil: undefined });

const payer = fc.oneof(
  fc.record(
    {
      email: optionalText,
      first_name: optionalText,
      last_name: optionalText,
      identification: fc.oneof(fc.record({ type: optionalText, number: optionalText }, { requiredKeys: [] }), nested),
      phone: fc.oneof(fc.record({ area_code: optionalText, number: optionalText }, { requiredKeys: [] }), nested),
      address: nested,
    },
    { requiredKeys: [] },
  ),
  withProtoKey,
  fc.dictionary(hostileKey, nested, { maxKeys: 5 }),
);

const input: fc.Arbitrary<PaymentPayloadInput> = fc.record({
  token: text,
  paymentMethodId: text,
  issuerId: optionalText,
  installments: amount,
  paymentMethodOptionId: optionalText,
  processingMode: optionalText,
  amount,
  description: optionalText,
  statementDescriptor: optionalText,
  externalReference: optionalText,
  payer: payer as fc.Arbitrary<PaymentPayloadInput['payer']>,
  items: fc.option(
    fc.oneof(
      fc.array(nested, { maxLength: 4 }),
      fc.array(fc.record({ id: text, title: text, quantity: amount, unit_price: amount, extra: nested }, { requiredKeys: [] }), { maxLength: 4 }),
    ),
    { nil: undefined },
  ),
  deviceId: optionalText,
});

/** Every value inside: no undefined, null, blank string, non-finite number or empty container. */
function emptyValues(value: unknown, path = '$', found: string[] = [], depth = 0): string[] {
  if (depth > 50) return found;
  if (value === undefined || value === null) found.push(`${path} is ${String(value)}`);
  else if (typeof value === 'string' && value.trim() === '') found.push(`${path} is a blank string`);
  else if (typeof value === 'number' && !Number.isFinite(value)) found.push(`${path} is ${value}`);
  else if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) found.push(`${path} is empty`);
    for (const [k, v] of entries) emptyValues(v, `${path}.${k}`, found, depth + 1);
  }
  return found;
}

/** Values JSON cannot carry as they are (dropped, turned into null or {}, or a throw). */
function nonJsonValues(value: unknown, path = '$', found: string[] = [], depth = 0): string[] {
  if (depth > 50) return found;
  const type = typeof value;
  if (type === 'string' || type === 'boolean') return found;
  if (type === 'number') {
    if (!Number.isFinite(value)) found.push(`${path} is ${String(value)}`);
    return found;
  }
  if (type !== 'object' || value === null) {
    found.push(`${path} is ${value === null ? 'null' : type}`);
    return found;
  }
  const proto = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    if (proto !== Array.prototype) found.push(`${path} is an exotic array`);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) found.push(`${path}[${i}] is a hole`);
      else nonJsonValues(value[i], `${path}[${i}]`, found, depth + 1);
    }
  } else {
    if (proto !== Object.prototype && proto !== null) found.push(`${path} is a ${String(proto?.constructor?.name)}`);
    for (const [k, v] of Object.entries(value as object)) nonJsonValues(v, `${path}.${k}`, found, depth + 1);
  }
  return found;
}

describe('property: buildPaymentPayload', () => {
  it('never throws, returns JSON that survives a round trip, and holds only values', () => {
    fc.assert(
      fc.property(input, (given) => {
        const body = buildPaymentPayload(given);
        expect(JSON.stringify(body), 'serializable').to.be.a('string');
        expect(nonJsonValues(body), 'only JSON values: nothing is dropped or changed on the wire').to.deep.equal([]);
        expect(emptyValues(body)).to.deep.equal([]);
      }),
      RUNS,
    );
  });

  it('has no key outside the §2 contract at the top level, in payer or in additional_info', () => {
    fc.assert(
      fc.property(input, (given) => {
        const body = buildPaymentPayload(given) as unknown as Record<string, unknown>;
        for (const key of Object.keys(body)) expect(CONTRACT_KEYS, `top-level key ${JSON.stringify(key)}`).to.include(key);
        if (body.payer) for (const key of Object.keys(body.payer)) expect(PAYER_KEYS, `payer key ${JSON.stringify(key)}`).to.include(key);
        if (body.additional_info)
          for (const key of Object.keys(body.additional_info)) expect(ADDITIONAL_INFO_KEYS, `additional_info key ${JSON.stringify(key)}`).to.include(key);
        expect(Object.getPrototypeOf(body), 'a plain object').to.equal(Object.prototype);
      }),
      RUNS,
    );
  });

  it('forwards text verbatim (HTML is data here, never escaped or executed) and keeps what has a value', () => {
    fc.assert(
      fc.property(input, (given) => {
        const body = buildPaymentPayload(given);
        const kept = (v: string | undefined) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
        expect(body.token).to.equal(kept(given.token));
        expect(body.payment_method_id).to.equal(kept(given.paymentMethodId));
        expect(body.description).to.equal(kept(given.description));
        expect(body.statement_descriptor).to.equal(kept(given.statementDescriptor));
        expect(body.external_reference).to.equal(kept(given.externalReference));
        expect(body.transaction_amount).to.equal(Number.isFinite(given.amount) ? given.amount : undefined);
        expect(body.payer?.email).to.equal(kept(given.payer.email));
      }),
      RUNS,
    );
  });

  it('never pollutes Object.prototype, whatever keys arrive', () => {
    fc.assert(
      fc.property(input, (given) => {
        buildPaymentPayload(given);
        const probe = {} as Record<string, unknown>;
        for (const key of ['polluted', 'title', 'x', 'isAdmin']) expect(probe[key], key).to.equal(undefined);
        expect(Object.keys(Object.prototype)).to.deep.equal([]);
      }),
      RUNS,
    );
  });

  it('a "__proto__" key in items stays an own key of that item, it does not become its prototype', () => {
    const item = JSON.parse('{"__proto__": {"isAdmin": true}, "title": "Kit"}') as Record<string, unknown>;
    const body = buildPaymentPayload({ token: 't', paymentMethodId: 'visa', installments: 1, amount: 10, payer: { email: 'a@b.co' }, items: [item] });
    const [sent] = body.additional_info!.items as Array<Record<string, unknown>>;
    expect(Object.getPrototypeOf(sent)).to.equal(Object.prototype);
    expect((sent as { isAdmin?: unknown }).isAdmin, 'not inherited').to.equal(undefined);
    expect(JSON.stringify(body.additional_info!.items)).to.equal('[{"__proto__":{"isAdmin":true},"title":"Kit"}]');
  });

  // A merchant's script can set `el.items` to anything; JSON from the attribute cannot hold these.
  const cyclic: Record<string, unknown> = { id: 'kit-1', title: 'Kit' };
  cyclic.self = cyclic;
  const scriptOnly: Array<[string, unknown[]]> = [
    ['a BigInt', [{ id: 'a', quantity: 10n }]],
    ['functions', [{ id: 'b', onClick: () => 1 }, () => 2]],
    ['symbols', [{ id: 'c', tag: Symbol('x') }, Symbol('y')]],
    ['a cycle', [cyclic]],
  ];
  for (const [what, items] of scriptOnly) {
    it(`items holding ${what}: no throw, and the body is plain JSON with no null`, () => {
      let body: unknown;
      expect(() => {
        body = buildPaymentPayload({ token: 't', paymentMethodId: 'visa', installments: 1, amount: 10, payer: { email: 'a@b.co' }, items });
      }, 'buildPaymentPayload must not throw').to.not.throw();
      let json = '';
      expect(() => (json = JSON.stringify(body)), 'the body is serializable').to.not.throw();
      expect(nonJsonValues(body), 'only JSON values (a function or symbol in an array is sent as null)').to.deep.equal([]);
      expect(JSON.parse(json)).to.include({ token: 't', transaction_amount: 10 });
    });
  }
});

describe('property: withoutEmptyValues', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(nested, input as fc.Arbitrary<unknown>), (value) => {
        const once = withoutEmptyValues(value);
        expect(withoutEmptyValues(once)).to.deep.equal(once);
      }),
      RUNS,
    );
  });

  it('leaves no undefined, null, blank string, non-finite number or empty container behind', () => {
    fc.assert(
      fc.property(fc.oneof(parsedJson, withProtoKey, fc.dictionary(hostileKey, nested, { maxKeys: 5 })), (value) => {
        const cleaned = withoutEmptyValues(value);
        if (cleaned !== undefined) expect(emptyValues(cleaned)).to.deep.equal([]);
      }),
      RUNS,
    );
  });
});
