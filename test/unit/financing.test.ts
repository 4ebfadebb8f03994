import { expect } from '@open-wc/testing';
import { parseFinancingLabels, toInstallmentChoices } from '../../src/mercadopago/financing.js';

describe('parseFinancingLabels', () => {
  const table: Array<[string, unknown, { cft?: number; tea?: number; tna?: number }]> = [
    ['MLA shape', ['CFT_70,21%|TEA_89,43%'], { cft: 70.21, tea: 89.43 }],
    ['with TNA, any order', ['TNA_65,50%|TEA_89,43%|CFT_70,21%'], { cft: 70.21, tea: 89.43, tna: 65.5 }],
    ['recommended_installment first', ['recommended_installment', 'CFT_0,00%|TEA_0,00%'], { cft: 0, tea: 0 }],
    ['dot decimals', ['CFT_70.21%|TEA_89.43%'], { cft: 70.21, tea: 89.43 }],
    ['es thousands', ['CFT_1.234,56%|TEA_2.000,00%'], { cft: 1234.56, tea: 2000 }],
    ['en thousands', ['CFT_1,234.56%|TEA_2,000.5%'], { cft: 1234.56, tea: 2000.5 }],
    ['repeated thousands', ['CFT_1.234.567%'], { cft: 1234567 }],
    ['lowercase keys', ['cft_12,5%|tea_13%|tna_11,1%'], { cft: 12.5, tea: 13, tna: 11.1 }],
    ['missing %', ['CFT_70,21|TEA_89,43'], { cft: 70.21, tea: 89.43 }],
    ['spaces and other separators', [' CFT 70,21 % | TEA: 89,43% | TNA=1,5% '], { cft: 70.21, tea: 89.43, tna: 1.5 }],
    ['separate labels', ['TEA_89,43%', 'CFT_70,21%'], { cft: 70.21, tea: 89.43 }],
    ['extra parts', ['CFT_70,21%|TEA_89,43%|PROMO_ABC|installments_with_fee|'], { cft: 70.21, tea: 89.43 }],
    ['first value wins', ['CFT_1%|CFT_2%'], { cft: 1 }],
    ['garbage value skipped, later one read', ['CFT_abc%|CFT_3%'], { cft: 3 }],
    ['a bare string', 'CFT_70,21%|TEA_89,43%', { cft: 70.21, tea: 89.43 }],
    ['CFTEA is not CFT', ['CFTEA_99,99%'], {}],
    ['negative is not a rate', ['CFT_-5%'], {}],
    ['malformed groups', ['CFT_12.34,5%|TEA_1,2,3%|TNA_1.2.3,4%'], {}],
    ['dangling separator', ['CFT_70,%|TEA_,5%'], {}],
    ['too many digits for a number', [`CFT_${'9'.repeat(400)}%`], {}],
    ['empty value', ['CFT_%|TEA_'], {}],
    ['empty array', [], {}],
    ['null', null, {}],
    ['undefined', undefined, {}],
    ['number', 70.21, {}],
    ['object', { CFT: 70.21 }, {}],
    ['non-string items', [null, 1, {}, ['CFT_1%'], true], {}],
    ['__proto__ parts', ['__proto___1%|constructor_2%|CFT_3%'], { cft: 3 }],
  ];
  for (const [name, input, expected] of table) {
    it(name, () => {
      const result = parseFinancingLabels(input);
      expect(result).to.deep.equal(expected);
      for (const value of Object.values(result)) expect(Number.isFinite(value)).to.equal(true);
    });
  }
});

function payerCost(installments: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    installments,
    installment_rate: 0,
    discount_rate: 0,
    labels: [],
    installment_rate_collector: ['MERCADOPAGO'],
    min_allowed_amount: 1,
    max_allowed_amount: 1_000_000,
    recommended_message: `${installments} cuotas`,
    installment_amount: Math.round((1000 / installments) * 100) / 100,
    total_amount: 1000,
    payment_method_option_id: `opt-${installments}`,
    ...extra,
  };
}

describe('toInstallmentChoices', () => {
  const realMLA = [
    payerCost(1, { labels: ['CFT_0,00%|TEA_0,00%'] }),
    payerCost(3, {
      installment_rate: 12.77,
      installment_amount: 375.9,
      total_amount: 1127.7,
      labels: ['recommended_installment', 'CFT_152,91%|TEA_120,15%'],
    }),
    payerCost(6, {
      installment_rate: 0,
      installment_amount: 166.67,
      total_amount: 1000,
      labels: ['CFT_0,00%|TEA_0,00%'],
    }),
    payerCost(12, {
      installment_rate: 55.25,
      installment_amount: 129.38,
      total_amount: 1552.5,
      labels: ['TNA_98,00%|TEA_155,30%|CFT_190,20%'],
    }),
  ];

  it('reads a real payer_costs list, sorted ascending', () => {
    const choices = toInstallmentChoices([...realMLA].reverse(), { amount: 1000, site: 'MLA' });
    expect(choices.map((c) => c.installments)).to.deep.equal([1, 3, 6, 12]);
    const three = choices[1];
    expect(three).to.deep.equal({
      installments: 3,
      installmentAmount: 375.9,
      totalAmount: 1127.7,
      rate: 12.77,
      interestFree: false,
      bankMayChargeInterest: false,
      cft: 152.91,
      tea: 120.15,
      paymentMethodOptionId: 'opt-3',
      recommendedMessage: '3 cuotas',
    });
    expect(choices[3]).to.include({ cft: 190.2, tea: 155.3, tna: 98 });
  });

  it('calls only a zero-rate, no-cost, multi-installment option interest-free', () => {
    const choices = toInstallmentChoices(realMLA, { amount: 1000, site: 'MLA' });
    expect(choices.map((c) => [c.installments, c.interestFree])).to.deep.equal([
      [1, false], // a single payment is not "interest-free" financing
      [3, false],
      [6, true],
      [12, false],
    ]);
  });

  it('is not interest-free when a zero rate hides a cost in the total', () => {
    const [choice] = toInstallmentChoices([payerCost(6, { total_amount: 1060, installment_amount: 176.67 })], {
      amount: 1000,
      site: 'MLA',
    });
    expect(choice?.interestFree).to.equal(false);
  });

  it('allows a 0.01 rounding epsilon, no more', () => {
    const within = toInstallmentChoices([payerCost(3, { installment_amount: 333.34, total_amount: 1000.01 })], { amount: 1000, site: 'MLA' });
    const beyond = toInstallmentChoices([payerCost(3, { installment_amount: 333.35, total_amount: 1000.05 })], { amount: 1000, site: 'MLA' });
    expect(within[0]?.interestFree).to.equal(true);
    expect(beyond[0]?.interestFree).to.equal(false);
  });

  it('is never interest-free when the cash amount is unknown', () => {
    for (const amount of [Number.NaN, 0, -1, Infinity]) {
      const [choice] = toInstallmentChoices([payerCost(3)], { amount, site: 'MLA' });
      expect(choice?.interestFree, String(amount)).to.equal(false);
    }
  });

  it('flags THIRD_PARTY rate collectors (MLC, MCO, MPE) and never calls them interest-free', () => {
    const costs = [
      payerCost(1, { installment_rate_collector: ['THIRD_PARTY'], total_amount: 10000, installment_amount: 10000 }),
      payerCost(3, { installment_rate_collector: ['THIRD_PARTY'], total_amount: 10000, installment_amount: 3333.33 }),
      payerCost(6, { installment_rate_collector: ['MERCADOPAGO'], total_amount: 10000, installment_amount: 1666.67 }),
      payerCost(9, { installment_rate_collector: 'THIRD_PARTY', total_amount: 10000, installment_amount: 1111.11 }),
      payerCost(12, { installment_rate_collector: null, total_amount: 10000, installment_amount: 833.33 }),
    ];
    const choices = toInstallmentChoices(costs, { amount: 10000, site: 'MLC' });
    expect(choices.map((c) => [c.installments, c.bankMayChargeInterest, c.interestFree])).to.deep.equal([
      [1, true, false],
      [3, true, false],
      [6, false, true],
      [9, true, false],
      [12, false, true],
    ]);
  });

  it('respects min and max, ignoring non-finite bounds', () => {
    const counts = (min?: number, max?: number): number[] =>
      toInstallmentChoices(realMLA, { amount: 1000, site: 'MLA', min, max } as never).map((c) => c.installments);
    expect(counts()).to.deep.equal([1, 3, 6, 12]);
    expect(counts(3)).to.deep.equal([3, 6, 12]);
    expect(counts(undefined, 6)).to.deep.equal([1, 3, 6]);
    expect(counts(2, 6)).to.deep.equal([3, 6]);
    expect(counts(6, 6)).to.deep.equal([6]);
    expect(counts(7, 2)).to.deep.equal([]);
    expect(counts(Number.NaN, Infinity)).to.deep.equal([1, 3, 6, 12]);
    expect(counts(-Infinity, Number.NaN)).to.deep.equal([1, 3, 6, 12]);
  });

  it('drops malformed entries and keeps the good ones', () => {
    const costs: unknown[] = [
      null,
      42,
      'x',
      [],
      {},
      payerCost(0),
      payerCost(-3),
      payerCost(2.5),
      payerCost(Number.NaN),
      payerCost(4, { installment_rate: -1 }),
      payerCost(5, { installment_rate: 'abc' }),
      payerCost(7, { installment_amount: null, total_amount: null }),
      payerCost(8, { installment_amount: 0, total_amount: -5 }),
      payerCost(9, { installment_amount: Infinity, total_amount: Infinity }),
      payerCost(11, { installment_amount: undefined, total_amount: 5e-324 }),
      payerCost(13, { installment_amount: 1e308, total_amount: undefined }),
      JSON.parse('{"__proto__": {"installments": 10, "installment_rate": 0, "installment_amount": 1, "total_amount": 10}}'),
      payerCost(3),
    ];
    const choices = toInstallmentChoices(costs, { amount: 1000, site: 'MLA' });
    expect(choices.map((c) => c.installments)).to.deep.equal([3]);
  });

  it('derives a missing amount from the other and accepts numeric strings', () => {
    const choices = toInstallmentChoices(
      [
        payerCost(4, { installment_amount: undefined, total_amount: 1000 }),
        payerCost(2, { installment_amount: 500, total_amount: undefined }),
        payerCost(5, { installments: '5', installment_rate: '0', installment_amount: '200', total_amount: '1000' }),
      ],
      { amount: 1000, site: 'MLA' },
    );
    expect(choices.map((c) => [c.installments, c.installmentAmount, c.totalAmount])).to.deep.equal([
      [2, 500, 1000],
      [4, 250, 1000],
      [5, 200, 1000],
    ]);
  });

  it('keeps the first of duplicate installment counts', () => {
    const choices = toInstallmentChoices([payerCost(3, { payment_method_option_id: 'a' }), payerCost(3, { payment_method_option_id: 'b' })], {
      amount: 1000,
      site: 'MLA',
    });
    expect(choices.map((c) => c.paymentMethodOptionId)).to.deep.equal(['a']);
  });

  it('omits optional fields that are absent or blank', () => {
    const [choice] = toInstallmentChoices([payerCost(3, { payment_method_option_id: '', recommended_message: '  ', labels: 'junk' })], {
      amount: 1000,
      site: 'MLA',
    });
    expect(choice).to.not.have.any.keys('paymentMethodOptionId', 'recommendedMessage', 'cft', 'tea', 'tna');
  });

  it('returns [] for non-arrays and tolerates odd options', () => {
    for (const input of [null, undefined, 1, 'payer_costs', {}, { payer_costs: [payerCost(1)] }]) {
      expect(toInstallmentChoices(input, { amount: 1000, site: 'MLA' })).to.deep.equal([]);
    }
    expect(toInstallmentChoices([payerCost(1)], null as never)).to.have.length(1);
    expect(toInstallmentChoices([payerCost(1)], { amount: 'x', site: '__proto__' } as never)).to.have.length(1);
  });
});
