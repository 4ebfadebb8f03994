// Property tests: the services that read server or merchant data must never throw and never hand
// back NaN/Infinity, whatever arrives.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseFinancingLabels, toInstallmentChoices } from '../../src/mercadopago/financing.js';
import { apiCauses, resultKind, resultMessageKeys, tokenErrors } from '../../src/mercadopago/messages.js';
import { parsePaymentResponse } from '../../src/merchant/payment-response.js';
import { amountHasValidDecimals, formatMoney, siteFromLocale, type SiteId } from '../../src/mercadopago/sites.js';

const RUNS = { numRuns: 300 };

/** Every number reachable in a JSON-like result is finite. */
function allNumbersFinite(x: unknown, depth = 0): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (depth > 10 || typeof x !== 'object' || x === null) return true;
  return Object.values(x).every((v) => allNumbersFinite(v, depth + 1));
}

// Anything, including prototype-pollution keys, sparse arrays, typed arrays, boxed values, -0 and NaN.
const anything = fc.anything({
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withUnicodeString: true,
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'cause', 'code', 'labels', 'status')),
});

// Strings shaped like the real thing, so the parsers' interesting branches are hit often.
const labelPart = fc
  .tuple(
    fc.constantFrom('CFT', 'TEA', 'TNA', 'cft', 'tea', 'XYZ', '__proto__', ''),
    fc.constantFrom('_', ':', ' ', '=', ''),
    fc.stringMatching(/^[0-9.,%\s-]{0,12}$/),
  )
  .map(([k, sep, v]) => `${k}${sep}${v}`);
const label = fc.array(labelPart, { maxLength: 5 }).map((parts) => parts.join('|'));
const labels = fc.oneof(fc.array(fc.oneof(label, fc.string(), anything), { maxLength: 4 }), label, anything);

const numberish = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 48 }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -0, 1e308, Number.MAX_SAFE_INTEGER),
  fc.string(),
  fc.constant(null),
);
const payerCost = fc.record(
  {
    installments: numberish,
    installment_rate: numberish,
    installment_amount: numberish,
    total_amount: numberish,
    labels,
    installment_rate_collector: fc.oneof(fc.array(fc.constantFrom('THIRD_PARTY', 'MERCADOPAGO', '')), anything),
    payment_method_option_id: fc.oneof(fc.string(), anything),
    recommended_message: fc.oneof(fc.string(), anything),
  },
  { requiredKeys: [] },
);
const siteId = fc.oneof(fc.constantFrom<SiteId>('MLA', 'MLB', 'MLM', 'MLC', 'MCO', 'MPE', 'MLU'), fc.string() as fc.Arbitrary<SiteId>);

describe('property: services never throw on hostile input', () => {
  it('parseFinancingLabels', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          labels,
          anything,
          fc.json().map((j) => JSON.parse(j) as unknown),
        ),
        (input) => {
          const result = parseFinancingLabels(input);
          expect(Object.keys(result).every((k) => ['cft', 'tea', 'tna'].includes(k))).to.equal(true);
          expect(allNumbersFinite(result)).to.equal(true);
        },
      ),
      RUNS,
    );
  });

  it('toInstallmentChoices', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.oneof(payerCost, anything), { maxLength: 8 }),
          anything,
          fc.json().map((j) => JSON.parse(j) as unknown),
        ),
        fc.record({ amount: numberish, site: siteId, min: numberish, max: numberish }, { requiredKeys: [] }),
        (costs, options) => {
          // e.g. [{installments: 2186730659646351, installment_rate: 0, total_amount: 5e-324}] once derived a 0 installment
          const choices = toInstallmentChoices(costs, options as never);
          expect(Array.isArray(choices)).to.equal(true);
          expect(allNumbersFinite(choices)).to.equal(true);
          for (let i = 1; i < choices.length; i += 1) {
            expect((choices[i] as { installments: number }).installments).to.be.greaterThan((choices[i - 1] as { installments: number }).installments);
          }
          for (const c of choices) {
            expect(Number.isInteger(c.installments) && c.installments >= 1).to.equal(true);
            expect(c.installmentAmount > 0 && c.totalAmount > 0 && c.rate >= 0).to.equal(true);
            if (c.interestFree) expect(c.installments > 1 && c.rate === 0 && !c.bankMayChargeInterest).to.equal(true);
          }
        },
      ),
      RUNS,
    );
  });

  it('tokenErrors', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anything,
          fc.string(),
          fc.json().map((j) => JSON.parse(j) as unknown),
        ),
        (rejection) => {
          const errors = tokenErrors(rejection);
          expect(errors.length).to.be.greaterThan(0);
          expect(new Set(errors.map((e) => e.code)).size).to.equal(errors.length);
          for (const e of errors) {
            expect(e.code).to.be.a('string');
            expect(e.key).to.match(/^tokenError\.(?:_default|E?\d{3})$/);
          }
        },
      ),
      RUNS,
    );
  });

  it('apiCauses', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anything,
          fc.json().map((j) => JSON.parse(j) as unknown),
          fc.record({ cause: fc.array(fc.record({ code: fc.oneof(fc.integer(), fc.string(), anything) }, { requiredKeys: [] })) }),
        ),
        (body) => {
          const causes = apiCauses(body);
          expect(Array.isArray(causes)).to.equal(true);
          for (const c of causes) expect(c.key).to.match(/^(?:apiCause\.(?:_default|\d{3})|tokenError\.E?\d{3})$/);
        },
      ),
      RUNS,
    );
  });

  it('parsePaymentResponse', () => {
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      anything.map((x) => {
        try {
          return JSON.stringify(x) ?? '';
        } catch {
          return '';
        }
      }),
      fc
        .record(
          {
            status: fc.oneof(fc.string(), anything),
            status_detail: fc.oneof(fc.string(), anything),
            detail: fc.oneof(fc.string(), anything),
            id: fc.oneof(fc.string(), fc.double(), anything),
            three_ds_info: fc.record({ external_resource_url: fc.oneof(fc.webUrl(), fc.string()), creq: fc.string() }, { requiredKeys: [] }),
            cause: fc.array(fc.record({ code: fc.oneof(fc.integer(), fc.string()) })),
          },
          { requiredKeys: [] },
        )
        .map((o) => {
          try {
            return JSON.stringify(o);
          } catch {
            return '';
          }
        }),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 999 }), fc.double(), fc.constantFrom(200, 201, 400, 422, 500, 502)),
        fc.oneof(fc.string(), fc.constant(null)),
        bodies,
        (status, type, body) => {
          const outcome = parsePaymentResponse(status, type, body);
          expect(['result', 'rejected-request', 'error']).to.include(outcome.type);
          expect(allNumbersFinite(outcome)).to.equal(true);
          if (outcome.type === 'result') {
            expect(outcome.status.trim()).to.not.equal('');
            const url = outcome.threeDsInfo?.externalResourceUrl;
            if (url !== undefined) expect(/^https:/i.test(url) || /^\/(?![/\\])/.test(url), url).to.equal(true);
          }
        },
      ),
      RUNS,
    );
  });

  it('messages and sites helpers', () => {
    fc.assert(
      fc.property(anything, anything, fc.oneof(fc.string(), anything), (a, b, c) => {
        const keys = resultMessageKeys(a as string, b as string, { hasStatementDescriptor: c === true });
        expect(keys[keys.length - 1]).to.equal('result._generic');
        for (const key of keys) expect(key).to.match(/^result\.(?:_generic|[a-z_]+\.(?:[a-z][a-z0-9_]*|_default|accreditedNoDescriptor))$/);
        expect(['approved', 'pending', 'rejected', 'unknown']).to.include(resultKind(a as string));
        expect(formatMoney(a as number, b as SiteId, c as string)).to.be.a('string');
        expect(amountHasValidDecimals(a as number, b as SiteId)).to.be.a('boolean');
        const site = siteFromLocale(c as string);
        expect(site === undefined || typeof site === 'string').to.equal(true);
      }),
      RUNS,
    );
  });
});
