/**
 * Which of a payment method's settings entries rules a card: Mercado Pago may list several BIN
 * ranges per method, each with its own number length and code rules.
 */
import { expect } from '@open-wc/testing';
import { settingsForBin } from '../../src/controllers/secure-fields-controller.js';
import type { PaymentMethod, PaymentMethodSettings } from '../../src/mercadopago/sdk-types.js';

const entry = (pattern: string, length: number, exclusion = ''): PaymentMethodSettings => ({
  bin: { pattern, exclusion_pattern: exclusion, installments_pattern: pattern },
  card_number: { length, validation: 'standard' },
  security_code: { mode: 'mandatory', length: 3 },
});
const method = (...settings: PaymentMethodSettings[]) => ({ settings }) as unknown as PaymentMethod;

describe('settingsForBin', () => {
  it('takes the entry whose range covers the BIN, not merely the first', () => {
    const visa = method(entry('^4509', 16), entry('^4', 19));
    expect(settingsForBin(visa, '45099535')?.card_number.length).to.equal(16);
    expect(settingsForBin(visa, '40000000')?.card_number.length).to.equal(19);
  });

  it('skips an entry whose exclusion pattern matches', () => {
    const master = method(entry('^5', 16, '^5287'), entry('^5287', 18));
    expect(settingsForBin(master, '52873383')?.card_number.length).to.equal(18);
  });

  it('falls back to the first entry, and never throws on a pattern the browser cannot parse', () => {
    expect(settingsForBin(method(entry('(', 15), entry('^9', 14)), '45099535')?.card_number.length).to.equal(15);
    expect(settingsForBin(undefined, '45099535')).to.equal(undefined);
    expect(settingsForBin(method(), null)).to.equal(undefined);
  });
});
