/**
 * BIN race: the buyer edits the card number faster than MercadoPago.js answers. Whatever order the
 * answers arrive in, only the newest BIN's method, issuers and installments may be kept.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { CardController, type InstallmentQuery } from '../../src/controllers/card-controller.js';
import type { InstallmentsOption, MercadoPagoInstance, PaymentMethod } from '../../src/mercadopago/sdk-types.js';

// Partial answers, as the lookups only read these fields.
const method = (id: string): PaymentMethod =>
  ({
    id,
    name: id.toUpperCase(),
    payment_type_id: 'credit_card',
    additional_info_needed: [],
    issuer: { id: 1, name: 'Bank', default: true },
    settings: [{ security_code: { mode: 'mandatory', length: 3 }, card_number: { length: 16, validation: 'standard' } }],
  }) as unknown as PaymentMethod;

const installments = (id: string, counts: number[]): InstallmentsOption[] => [
  {
    payment_method_id: id,
    payment_type_id: 'credit_card',
    issuer: { id: 1, name: 'Bank', default: true },
    processing_mode: 'aggregator',
    payer_costs: counts.map((n) => ({
      installments: n,
      installment_rate: 0,
      discount_rate: 0,
      labels: [],
      installment_rate_collector: ['MERCADOPAGO'],
      min_allowed_amount: 1,
      max_allowed_amount: 1e6,
      recommended_message: '',
      installment_amount: 100 / n,
      total_amount: 100,
      payment_method_option_id: `${id}-${n}`,
    })),
  },
];

/** A fake MercadoPago whose answers the test releases in any order. */
function controllableSdk() {
  const pending: Array<{ bin: string; kind: string; release: () => void }> = [];
  const answer = <T>(bin: string, kind: string, value: T) => new Promise<T>((resolve) => pending.push({ bin, kind, release: () => resolve(value) }));
  const brand = (bin: string) => (bin.startsWith('4') ? 'visa' : 'master');
  const mp = {
    getPaymentMethods: ({ bin }: { bin: string }) => answer(bin, 'methods', { results: [method(brand(bin))] }),
    getInstallments: ({ bin }: { bin: string }) => answer(bin, 'installments', installments(brand(bin), brand(bin) === 'visa' ? [1, 3] : [1, 6, 12])),
    getIssuers: () => Promise.resolve([]),
  } as unknown as MercadoPagoInstance;
  const release = async (bin: string, kind: string) => {
    const index = pending.findIndex((p) => p.bin === bin && p.kind === kind);
    if (index < 0) throw new Error(`nothing pending for ${bin} ${kind}`);
    pending.splice(index, 1)[0].release();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { mp, release, pending };
}

/** A controller on a bare host, recording every method it reports. */
function newCard(
  mp: MercadoPagoInstance,
  query: () => InstallmentQuery = () => ({ amount: 100, site: 'MLA' }),
): CardController & { methods: Array<string | undefined> } {
  const methods: Array<string | undefined> = [];
  const host: ReactiveControllerHost = {
    addController() {},
    removeController() {},
    requestUpdate() {},
    updateComplete: Promise.resolve(true),
  };
  const card = new CardController(host, { mp: () => mp, query, methodChanged: (m: PaymentMethod | undefined) => methods.push(m?.id), problem() {} });
  return Object.assign(card, { methods });
}

describe('CardController: BIN race', () => {
  it('an older BIN answering last never wins', async () => {
    const { mp, release } = controllableSdk();
    const card = newCard(mp);
    const older = card.binChanged('45099535');
    const newer = card.binChanged('50317557');
    await release('50317557', 'methods');
    await release('50317557', 'installments');
    await release('45099535', 'methods'); // the stale answer arrives last
    await Promise.all([older, newer]);
    expect(card.method?.id).to.equal('master');
    expect(card.choices.map((c) => c.installments)).to.deep.equal([1, 6, 12]);
    expect(card.bin).to.equal('50317557');
    // The element applies a reported method's field settings: the stale Visa is never reported.
    expect(card.methods).to.deep.equal([undefined, undefined, 'master']);
  });

  it('stale installments for an older BIN are dropped even after its method was accepted', async () => {
    const { mp, release, pending } = controllableSdk();
    const card = newCard(mp);
    const older = card.binChanged('45099535');
    await release('45099535', 'methods');
    const newer = card.binChanged('50317557');
    await release('45099535', 'installments');
    expect(card.choices, 'old installments not applied').to.deep.equal([]);
    await release('50317557', 'methods');
    await release('50317557', 'installments');
    await Promise.all([older, newer]);
    expect(card.method?.id).to.equal('master');
    expect(card.choices.map((c) => c.installments)).to.deep.equal([1, 6, 12]);
    expect(pending).to.have.length(0);
  });

  it('a cleared BIN resets everything, and a late answer for the old one is ignored', async () => {
    const { mp, release } = controllableSdk();
    const card = newCard(mp);
    const lookup = card.binChanged('45099535');
    await card.binChanged(null);
    await release('45099535', 'methods');
    await lookup;
    expect(card.method).to.equal(undefined);
    expect(card.choices).to.deep.equal([]);
    expect(card.bin).to.equal(null);
    expect(card.methods.filter(Boolean), 'the old method is never reported').to.deep.equal([]);
  });

  it('an amount refresh keeps the chosen count when still offered', async () => {
    const { mp, release } = controllableSdk();
    let amount = 100;
    const card = newCard(mp, () => ({ amount, site: 'MLA' }));
    const lookup = card.binChanged('50317557');
    await release('50317557', 'methods');
    await release('50317557', 'installments');
    await lookup;
    card.installments = 6;
    amount = 200;
    const refresh = card.refreshInstallments();
    expect(card.loading, 'quoting').to.equal(true);
    await release('50317557', 'installments');
    await refresh;
    expect(card.installments).to.equal(6);
    expect(card.quoted?.amount).to.equal(200);
    expect(card.loading).to.equal(false);
  });
});
