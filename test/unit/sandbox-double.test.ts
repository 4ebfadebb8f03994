import { expect, waitUntil } from '@open-wc/testing';
import { MercadoPagoDouble, luhn, siteForKey } from '../../sandbox/mercadopago-double.js';
import { decodeSandboxToken } from '../../sandbox/token.js';
import type { SiteId } from '../../sandbox/catalog.js';
import type { FieldEventMap, SecureField, SecureFieldOptions, SecureFields, SecureFieldType } from '../../src/mercadopago/sdk-types.js';
import { secureFieldInput, typeInSecureField } from '../helpers/type-in-field.js';

const FUTURE = `12/${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`;
const VISA_MLA = '4509953566233704';

type CardTokenData = Parameters<SecureFields['createCardToken']>[0];

/** Test cards of mercadopago.md §4 (plus the MLA debit ones) → the brand each must resolve to. */
const TEST_CARDS: Array<[SiteId, string, string]> = [
  ['MLA', '5031755734530604', 'master'],
  ['MLA', VISA_MLA, 'visa'],
  ['MLA', '371180303257522', 'amex'],
  ['MLA', '5287338310253304', 'debmaster'],
  ['MLA', '4002768694395619', 'debvisa'],
  ['MLB', '5031433215406351', 'master'],
  ['MLB', '4235647728025682', 'visa'],
  ['MLM', '5474925432670366', 'master'],
  ['MLM', '4075595716483764', 'visa'],
  ['MLC', '5416752602582580', 'master'],
  ['MLC', '4168818844447115', 'visa'],
  ['MCO', '5254133674403564', 'master'],
  ['MCO', '4013540682746260', 'visa'],
  ['MPE', '4009175332806176', 'visa'],
  ['MLU', '4509953566233704', 'visa'],
];

const SITES: SiteId[] = ['MLA', 'MLB', 'MLM', 'MLC', 'MCO', 'MPE', 'MLU'];
const key = (site: SiteId): string => `TEST-${site}-0000-sandbox`;

/** Runs `action` with console.warn captured; returns what was warned. */
function captureWarnings(action: () => void): string[] {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    action();
  } finally {
    console.warn = original;
  }
  return warnings;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('MercadoPagoDouble: instance', () => {
  it('picks the site from the key, then the locale, else MLA', () => {
    expect(siteForKey('TEST-MLB-123')).to.equal('MLB');
    expect(siteForKey('TEST-abc', 'es-MX')).to.equal('MLM');
    expect(siteForKey('TEST-MCO-1', 'es-MX')).to.equal('MCO');
    expect(siteForKey('TEST-abc')).to.equal('MLA');
    expect(new MercadoPagoDouble('TEST-x', { locale: 'pt-BR' }).site).to.equal('MLB');
    expect(new MercadoPagoDouble('TEST-x', { locale: 'en-US' }).site).to.equal('MLA');
  });

  it('throws on an empty key, a key with whitespace and an unsupported locale, like MercadoPago.js 2.0.0', () => {
    expect(() => new MercadoPagoDouble('')).to.throw(/public key/);
    expect(() => new MercadoPagoDouble('  ')).to.throw(/whitespace/);
    expect(() => new MercadoPagoDouble('TEST-key ')).to.throw(/whitespace/);
    const warnings = captureWarnings(() => {
      expect(() => new MercadoPagoDouble('TEST-key', { locale: 'es' as never })).to.throw(/could not be loaded/);
    });
    expect(warnings.join(' ')).to.contain('locale es: not supported');
    expect(() => new MercadoPagoDouble('TEST-key', { locale: 'es-VE' })).not.to.throw();
  });

  it('answers identification types per site (none in MLM)', async () => {
    const ids = async (site: SiteId) => (await new MercadoPagoDouble(key(site)).getIdentificationTypes()).map((t) => t.id);
    expect(await ids('MLA')).to.deep.equal(['DNI', 'CI', 'LC', 'LE', 'Otro']);
    expect(await ids('MLB')).to.deep.equal(['CPF', 'CNPJ']);
    expect(await ids('MLM')).to.deep.equal([]);
    expect(await ids('MLC')).to.deep.equal(['RUT', 'Otro']);
    expect(await ids('MCO')).to.deep.equal(['CC', 'CE', 'NIT', 'Otro']);
    expect(await ids('MPE')).to.deep.equal(['DNI', 'C.E', 'RUC', 'Otro']);
    expect(await ids('MLU')).to.deep.equal(['CI', 'Otro']);
  });
});

describe('MercadoPagoDouble: payment methods, issuers, installments', () => {
  it('resolves every test card of mercadopago.md §4 to its brand', async () => {
    for (const [site, number, brand] of TEST_CARDS) {
      expect(luhn(number), number).to.equal(true);
      const answer = await new MercadoPagoDouble(key(site)).getPaymentMethods({ bin: number.slice(0, 8) });
      expect(
        answer.results.map((m) => m.id),
        `${site} ${number}`,
      ).to.deep.equal([brand]);
      expect(answer.paging?.total).to.equal(1);
    }
  });

  it('answers real-looking settings (Amex 15 digits, CVV 4 in front)', async () => {
    const mp = new MercadoPagoDouble(key('MLA'));
    const [amex] = (await mp.getPaymentMethods({ bin: '37118030' })).results;
    expect(amex.settings[0].card_number).to.deep.equal({ length: 15, validation: 'standard' });
    expect(amex.settings[0].security_code).to.deep.equal({ mode: 'mandatory', length: 4, card_location: 'front' });
    const [visa] = (await mp.getPaymentMethods({ bin: '45099535' })).results;
    expect(visa.settings[0].card_number.length).to.equal(16);
    expect(visa.settings[0].security_code.length).to.equal(3);
    expect(visa.payment_type_id).to.equal('credit_card');
    expect(visa.secure_thumbnail).to.match(/^https:\/\/http2\.mlstatic\.com\//);
    expect(visa.issuer).to.have.keys('id', 'name', 'default');
    expect(visa.issuer.id).to.be.a('number');
  });

  it("names the account's site on every payment method (site_id), whatever the page says", async () => {
    for (const site of SITES) {
      const [method] = (await new MercadoPagoDouble(key(site), { locale: 'es-AR' }).getPaymentMethods({ bin: '45099535' })).results;
      expect(method.site_id, site).to.equal(site);
    }
  });

  it('lists an MLA card whose security code is optional', async () => {
    const [method] = (await new MercadoPagoDouble(key('MLA')).getPaymentMethods({ bin: '60349300' })).results;
    expect(method.id).to.equal('cencosud');
    expect(method.settings[0].security_code).to.include({ mode: 'optional', length: 3 });
    expect(luhn('6034930000000005')).to.equal(true);
  });

  it('returns no method for unknown BINs, at every site', async () => {
    for (const site of SITES) {
      const answer = await new MercadoPagoDouble(key(site)).getPaymentMethods({ bin: '60110000' });
      expect(answer.results, site).to.deep.equal([]);
    }
  });

  it('asks for the issuer on MLA Mastercard Débito 5287 3383 1025 3304 and lists banks', async () => {
    const mp = new MercadoPagoDouble(key('MLA'));
    const [debit] = (await mp.getPaymentMethods({ bin: '52873383' })).results;
    expect(debit.id).to.equal('debmaster');
    expect(debit.payment_type_id).to.equal('debit_card');
    expect(debit.additional_info_needed).to.include('issuer_id');
    const issuers = await mp.getIssuers({ paymentMethodId: 'debmaster', bin: '52873383' });
    expect(issuers.length).to.be.greaterThan(1);
    for (const issuer of issuers) expect(issuer).to.include.keys('id', 'name', 'secure_thumbnail');
    const [credit] = (await mp.getPaymentMethods({ bin: '50317557' })).results;
    expect(credit.additional_info_needed).not.to.include('issuer_id');
    expect(await mp.getIssuers({ paymentMethodId: 'master', bin: '50317557' })).to.have.length(1);
  });

  it('rejects bad requests after a delay', async () => {
    const mp = new MercadoPagoDouble(key('MLA'));
    const anyMp = mp as unknown as Record<string, (arg?: unknown) => Promise<unknown>>;
    expect(await rejection(anyMp['getPaymentMethods']({}))).to.be.instanceOf(Error);
    expect(await rejection(anyMp['getPaymentMethods']({ bin: '45' }))).to.be.instanceOf(Error);
    expect(await rejection(anyMp['getInstallments']({ bin: '45099535' }))).to.be.instanceOf(Error);
    expect(await rejection(anyMp['getInstallments']({ amount: '100' }))).to.be.instanceOf(Error);
    expect(await rejection(anyMp['getInstallments']({ amount: 'abc', bin: '45099535' }))).to.be.instanceOf(Error);
    expect(await rejection(anyMp['getIssuers']({ bin: '45099535' }))).to.be.instanceOf(Error);
  });

  it('answers MLA installments 1/3/6/9/12 with CFT/TEA labels and one interest-free promotion', async () => {
    const mp = new MercadoPagoDouble(key('MLA'));
    const [option] = await mp.getInstallments({ amount: '1000', bin: '45099535', paymentTypeId: 'credit_card' });
    expect(option).to.include({ payment_method_id: 'visa', payment_type_id: 'credit_card', processing_mode: 'aggregator' });
    const costs = option.payer_costs;
    expect(costs.map((c) => c.installments)).to.deep.equal([1, 3, 6, 9, 12]);
    for (const c of costs) {
      expect(c.labels![0], String(c.installments)).to.match(/^CFT_\d+,\d{2}%\|TEA_\d+,\d{2}%(\|TNA_\d+,\d{2}%)?$/);
      expect(c.installment_rate_collector).to.deep.equal(['MERCADOPAGO']);
      expect(c.total_amount).to.be.closeTo(c.installment_amount! * c.installments, 0.01 * c.installments);
      expect(c.payment_method_option_id).to.be.a('string');
      expect(c.recommended_message).to.contain(String(c.installments));
      expect(c.min_allowed_amount).to.be.at.most(1000);
      expect(c.max_allowed_amount).to.be.at.least(1000);
    }
    expect(costs[0].labels![0]).to.equal('CFT_0,00%|TEA_0,00%');
    const free = costs.filter((c) => c.installments > 1 && c.installment_rate === 0);
    expect(free).to.have.length(1);
    expect(free[0].labels![0]).to.equal('CFT_0,00%|TEA_0,00%');
    expect(free[0].total_amount).to.equal(1000);
    const financed = costs.filter((c) => c.installment_rate > 0);
    expect(financed.length).to.be.greaterThan(0);
    for (const c of financed) expect(c.total_amount).to.be.greaterThan(1000);
    expect(financed.some((c) => c.labels![0].includes('|TNA_'))).to.equal(true);
  });

  it('answers the site-specific plans (MLB ≤12, MLM MSI, MLC/MCO/MPE third-party, CLP/COP integers)', async () => {
    const costs = async (site: SiteId, bin: string, amount = '20000') =>
      (await new MercadoPagoDouble(key(site)).getInstallments({ amount, bin }))[0].payer_costs;
    const mlb = await costs('MLB', '42356477');
    expect(mlb.map((c) => c.installments)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const mlm = await costs('MLM', '40755957');
    expect(mlm.map((c) => [c.installments, c.installment_rate === 0])).to.deep.equal([
      [1, true],
      [3, true],
      [6, true],
      [12, false],
    ]);
    for (const site of ['MLC', 'MCO', 'MPE'] as const) {
      const list = await costs(site, '41688188');
      expect(
        list.slice(1).every((c) => c.installment_rate_collector?.includes('THIRD_PARTY')),
        site,
      ).to.equal(true);
    }
    for (const site of ['MLC', 'MCO'] as const) {
      for (const c of await costs(site, '41688188', '99999')) {
        expect(Number.isInteger(c.installment_amount) && Number.isInteger(c.total_amount), site).to.equal(true);
      }
    }
  });

  it('answers only one installment for debit cards and nothing for a mismatched payment type', async () => {
    const mp = new MercadoPagoDouble(key('MLA'));
    const [debit] = await mp.getInstallments({ amount: '500', bin: '40027686', paymentTypeId: 'debit_card' });
    expect(debit.payer_costs.map((c) => c.installments)).to.deep.equal([1]);
    expect(await mp.getInstallments({ amount: '500', bin: '45099535', paymentTypeId: 'debit_card' })).to.deep.equal([]);
    expect(await mp.getInstallments({ amount: '500', bin: '60110000' })).to.deep.equal([]);
  });
});

describe('MercadoPagoDouble: Secure Fields', () => {
  let mp: MercadoPagoDouble;
  let group: string;
  let mounted: SecureField[];
  let containers: HTMLElement[];

  function container(id = `mp-test-${Math.random().toString(36).slice(2)}`, tag = 'div'): HTMLElement {
    const element = document.createElement(tag);
    element.id = id;
    document.body.append(element);
    containers.push(element);
    return element;
  }

  function mount(type: SecureFieldType, options: SecureFieldOptions = {}, on = mp): { field: SecureField; iframe: HTMLIFrameElement; host: HTMLElement } {
    const host = container();
    const field = on.fields.create(type, { group, ...options });
    field.mount(host.id);
    mounted.push(field);
    return { field, iframe: host.querySelector('iframe')!, host };
  }

  function unmount(field: SecureField): void {
    field.unmount();
    mounted = mounted.filter((f) => f !== field);
  }

  function record<K extends keyof FieldEventMap>(field: SecureField, event: K): Array<FieldEventMap[K]> {
    const seen: Array<FieldEventMap[K]> = [];
    field.on(event, (data) => seen.push(data));
    return seen;
  }

  function blurInput(iframe: HTMLIFrameElement): void {
    const win = iframe.contentWindow as Window & typeof globalThis;
    secureFieldInput(iframe).dispatchEvent(new win.FocusEvent('blur'));
  }

  function mountAll(site: SiteId = 'MLA') {
    mp = new MercadoPagoDouble(key(site));
    return { card: mount('cardNumber'), exp: mount('expirationDate'), cvv: mount('securityCode') };
  }

  const token = (request: CardTokenData) => mp.fields.createCardToken(request, { group });

  async function tokenErrorCodes(request: CardTokenData): Promise<string[]> {
    const error = await rejection(token(request));
    expect(error).to.be.an('array');
    return (error as Array<{ code: string; message: string }>).map((e) => {
      expect(e.message).to.be.a('string');
      return e.code;
    });
  }

  beforeEach(() => {
    mp = new MercadoPagoDouble(key('MLA'));
    // The double keeps fields page-wide per group, like the SDK: every test has a group of its own.
    group = `test-${Math.random().toString(36).slice(2)}`;
    mounted = [];
    containers = [];
  });

  afterEach(() => {
    for (const field of mounted) field.unmount();
    for (const element of containers) element.remove();
  });

  it('mounts a real iframe named after the field, by container id', async () => {
    const { field, iframe } = mount('cardNumber', { placeholder: 'Número', srLabel: 'Número de tarjeta' });
    const ready = record(field, 'ready');
    expect(iframe).to.be.instanceOf(HTMLIFrameElement);
    expect(iframe.name).to.equal('cardNumber');
    expect(iframe.title).to.equal('Número de tarjeta');
    expect(iframe.getAttribute('frameborder')).to.equal('0');
    expect(iframe.style.width).to.equal('100%');
    expect(iframe.style.height).to.equal('40px');
    const input = secureFieldInput(iframe);
    expect(input.hasAttribute('name')).to.equal(false);
    expect(input.getAttribute('inputmode')).to.equal('numeric');
    expect(input.getAttribute('autocomplete')).to.equal('cc-number');
    expect(input.getAttribute('aria-label')).to.equal('Número de tarjeta');
    expect(input.getAttribute('aria-required')).to.equal('true');
    expect(input.placeholder).to.equal('Número');
    await waitUntil(() => ready.length === 1, 'ready fires after mount');
    expect(ready[0]).to.deep.equal({ field: 'cardNumber' });
  });

  it('gives each field its autocomplete token and applies the style option', () => {
    const exp = mount('expirationDate', { style: { height: '48px', color: 'rgb(1, 2, 3)', 'font-size': '18px' } });
    const cvv = mount('securityCode');
    expect(secureFieldInput(exp.iframe).getAttribute('autocomplete')).to.equal('cc-exp');
    expect(secureFieldInput(cvv.iframe).getAttribute('autocomplete')).to.equal('cc-csc');
    expect(exp.iframe.name).to.equal('expirationDate');
    expect(cvv.iframe.name).to.equal('securityCode');
    expect(exp.iframe.style.height).to.equal('48px');
    expect(secureFieldInput(exp.iframe).style.color).to.equal('rgb(1, 2, 3)');
    expect(secureFieldInput(exp.iframe).style.fontSize).to.equal('18px');
  });

  it('strict: a missing container only warns, and the field never becomes ready', async () => {
    const field = mp.fields.create('cardNumber', { group });
    const ready = record(field, 'ready');
    const warnings = captureWarnings(() => expect(() => field.mount('no-such-container')).not.to.throw());
    expect(warnings.join(' ')).to.match(/Error when mounting field no-such-container: Container not found/);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(ready).to.deep.equal([]);
    expect(() => field.unmount(), 'it was never mounted').to.throw(/already unmounted/);
  });

  it('strict: a container that is not a DIV only warns, and nothing is mounted into it', () => {
    const span = container(undefined, 'span');
    const field = mp.fields.create('cardNumber', { group });
    const warnings = captureWarnings(() => field.mount(span.id));
    expect(warnings.join(' ')).to.match(/The container must be a div/);
    expect(span.querySelector('iframe')).to.equal(null);
  });

  it('strict: mounting a mounted field throws', () => {
    const { field, host } = mount('cardNumber');
    expect(() => field.mount(host.id)).to.throw(/already mounted/);
  });

  it('strict: unmounting a field that is not mounted throws', () => {
    const { field } = mount('cardNumber');
    unmount(field);
    expect(() => field.unmount()).to.throw(/already unmounted/);
  });

  it('strict: a second field of a mounted type in the same group throws; another group is fine', () => {
    const { field } = mount('cardNumber');
    expect(() => mp.fields.create('cardNumber', { group })).to.throw(/has already been created/);
    expect(() => new MercadoPagoDouble(key('MLA')).fields.create('cardNumber', { group }), 'page-wide, across instances').to.throw(/already been created/);
    expect(() => mp.fields.create('cardNumber', { group: `${group}-other` })).not.to.throw();
    unmount(field);
    expect(() => mp.fields.create('cardNumber', { group }), 'free again after unmount').not.to.throw();
  });

  it('strict: events go page-wide to the first listener of their group and field type, whichever instance registered it', () => {
    // Instance A listens on a card-number field whose mount failed: never mounted, never unmounted.
    const stale = mp.fields.create('cardNumber', { group });
    const staleChanges = record(stale, 'change');
    captureWarnings(() => stale.mount('no-such-container'));
    // Instance B mounts its own card-number field in the same group and listens too.
    const other = new MercadoPagoDouble(key('MLA'));
    const b = mount('cardNumber', {}, other);
    const bChanges = record(b.field, 'change');
    typeInSecureField(b.iframe, '4');
    expect(staleChanges, "B's typing reaches A's earlier listener").to.deep.equal([{ field: 'cardNumber' }]);
    expect(bChanges, 'and never its own').to.deep.equal([]);
  });

  it('strict: fields in different groups keep their events apart', () => {
    const mine = mount('cardNumber');
    const theirs = mount('cardNumber', { group: `${group}-b` });
    const mineChanges = record(mine.field, 'change');
    const theirChanges = record(theirs.field, 'change');
    typeInSecureField(theirs.iframe, '5');
    expect(theirChanges).to.have.length(1);
    expect(mineChanges).to.deep.equal([]);
  });

  it('strict: unmounting drops the listeners of its group and type, whoever registered them', () => {
    const { field } = mount('cardNumber');
    const changes = record(field, 'change');
    unmount(field);
    const again = mount('cardNumber');
    typeInSecureField(again.iframe, '4');
    expect(changes).to.deep.equal([]);
  });

  it('strict: on() with an event the field does not have, or no function, only warns', () => {
    const { field } = mount('securityCode');
    const warnings = captureWarnings(() => {
      field.on('binChange', () => undefined);
      field.on('change', 'nope' as never);
    });
    expect(warnings.join(' ')).to.contain('binChange event is not valid for securityCode');
    expect(warnings.join(' ')).to.contain('You must pass a function arg');
  });

  it('formats as typed and never puts the card number in the parent DOM or in events', () => {
    const { field, iframe } = mount('cardNumber');
    const payloads: unknown[] = [];
    for (const name of ['change', 'validityChange', 'binChange', 'focus', 'blur'] as const) field.on(name, (d) => payloads.push(d));
    typeInSecureField(iframe, VISA_MLA);
    expect(secureFieldInput(iframe).value).to.equal('4509 9535 6623 3704');
    const html = document.documentElement.outerHTML;
    expect(html).not.to.contain(VISA_MLA);
    expect(html).not.to.contain('4509 9535 6623 3704');
    expect(JSON.stringify(payloads)).not.to.contain('66233704');
    typeInSecureField(iframe, '371180303257522');
    expect(secureFieldInput(iframe).value).to.equal('3711 803032 57522');
  });

  it('formats the expiry as MM/YY and keeps the CVV to its default 3 digits', () => {
    const exp = mount('expirationDate');
    typeInSecureField(exp.iframe, '1230');
    expect(secureFieldInput(exp.iframe).value).to.equal('12/30');
    typeInSecureField(exp.iframe, '11/2031');
    expect(secureFieldInput(exp.iframe).value).to.equal('11/31');
    const cvv = mount('securityCode');
    typeInSecureField(cvv.iframe, '12345');
    expect(secureFieldInput(cvv.iframe).value).to.equal('123');
  });

  it('reports validity causes: invalid_length, invalid_value, invalid_type, and empty only after blur', () => {
    const { field, iframe } = mount('cardNumber');
    const validity = record(field, 'validityChange');
    const causes = () => validity.at(-1)!.errorMessages.map((e) => e.cause);
    blurInput(iframe);
    expect(causes()).to.deep.equal(['invalid_length']);
    typeInSecureField(iframe, '4509');
    expect(validity.at(-1)!.field).to.equal('cardNumber');
    expect(causes()).to.deep.equal(['invalid_length']);
    typeInSecureField(iframe, '4509953566233705');
    expect(causes()).to.deep.equal(['invalid_value']);
    typeInSecureField(iframe, '4509x');
    expect(causes()).to.deep.equal(['invalid_type']);
    typeInSecureField(iframe, VISA_MLA);
    expect(causes()).to.deep.equal([]);
    const count = validity.length;
    typeInSecureField(iframe, VISA_MLA);
    expect(validity.length, 'no event without a validity change').to.equal(count);
  });

  it('does not report an untouched empty field', () => {
    const { field, iframe } = mount('securityCode');
    const validity = record(field, 'validityChange');
    typeInSecureField(iframe, '12');
    expect(validity.at(-1)!.errorMessages.map((e) => e.cause)).to.deep.equal(['invalid_length']);
    typeInSecureField(iframe, '');
    expect(validity.at(-1)!.errorMessages).to.deep.equal([]);
    typeInSecureField(iframe, '123');
    expect(validity.at(-1)!.errorMessages).to.deep.equal([]);
  });

  it('validates the expiry month and year', () => {
    const { field, iframe } = mount('expirationDate');
    const validity = record(field, 'validityChange');
    const causes = () => validity.at(-1)!.errorMessages.map((e) => e.cause);
    typeInSecureField(iframe, '13/30');
    expect(causes()).to.deep.equal(['invalid_value']);
    typeInSecureField(iframe, '12/20');
    expect(causes()).to.deep.equal(['invalid_value']);
    typeInSecureField(iframe, '12/3');
    expect(causes()).to.deep.equal(['invalid_length']);
    typeInSecureField(iframe, FUTURE);
    expect(causes()).to.deep.equal([]);
  });

  it('follows per-field settings: Amex length and code 4, validation none, optional code', () => {
    const card = mount('cardNumber');
    const cvv = mount('securityCode');
    card.field.update({ settings: { length: 15, validation: 'standard' } });
    cvv.field.update({ settings: { mode: 'mandatory', length: 4 } });
    const cardValidity = record(card.field, 'validityChange');
    const cvvValidity = record(cvv.field, 'validityChange');
    typeInSecureField(card.iframe, '3711803032575221');
    expect(secureFieldInput(card.iframe).value, 'cut to 15 digits').to.equal('3711 803032 57522');
    typeInSecureField(cvv.iframe, '123');
    expect(cvvValidity.at(-1)!.errorMessages.map((e) => e.cause)).to.deep.equal(['invalid_length']);
    typeInSecureField(cvv.iframe, '1234');
    expect(cvvValidity.at(-1)!.errorMessages).to.deep.equal([]);
    card.field.update({ settings: { length: 15, validation: 'none' } });
    typeInSecureField(card.iframe, '371180303257523');
    expect(cardValidity.at(-1)?.errorMessages ?? []).to.deep.equal([]);
    cvv.field.update({ settings: { mode: 'optional', length: 4 } });
    typeInSecureField(cvv.iframe, '');
    blurInput(cvv.iframe);
    expect(cvvValidity.at(-1)!.errorMessages).to.deep.equal([]);
  });

  it('strict: settings in another shape are ignored with a warning; the code stays at 3 digits', () => {
    const card = mount('cardNumber');
    const cvv = mount('securityCode');
    // The whole `settings[0]` of getPaymentMethods, as the element once sent it.
    const whole = { card_number: { length: 15, validation: 'standard' }, security_code: { mode: 'mandatory', length: 4 } };
    const warnings = captureWarnings(() => {
      card.field.update({ settings: whole as never });
      cvv.field.update({ settings: whole as never });
      cvv.field.update({ settings: { mode: 'mandatory', length: 5 } });
      cvv.field.update({ settings: { length: 15, validation: 'standard' } });
    });
    expect(warnings).to.have.length(4);
    for (const warning of warnings) expect(warning).to.match(/Ignoring settings for (cardNumber|securityCode)/);
    typeInSecureField(cvv.iframe, '1234');
    expect(secureFieldInput(cvv.iframe).value).to.equal('123');
    typeInSecureField(card.iframe, '4509953566233704');
    expect(secureFieldInput(card.iframe).value, 'the number keeps its default rules').to.equal('4509 9535 6623 3704');
  });

  it('emits binChange again with the same BIN while the number is edited, and null once when it drops', () => {
    const { field, iframe } = mount('cardNumber');
    const bins = record(field, 'binChange');
    typeInSecureField(iframe, '4509953');
    expect(bins).to.deep.equal([]);
    typeInSecureField(iframe, '45099535');
    typeInSecureField(iframe, '450995356');
    typeInSecureField(iframe, VISA_MLA);
    expect(bins, 'repeats, as the real SDK may').to.deep.equal(Array(3).fill({ field: 'cardNumber', bin: '45099535' }));
    typeInSecureField(iframe, '5031755734530604');
    expect(bins.at(-1)).to.deep.equal({ field: 'cardNumber', bin: '50317557' });
    typeInSecureField(iframe, '5031');
    typeInSecureField(iframe, '');
    expect(bins.map((b) => b.bin)).to.deep.equal(['45099535', '45099535', '45099535', '50317557', null]);
  });

  it('emits change on input and paste on paste', () => {
    const { field, iframe } = mount('cardNumber');
    const changes = record(field, 'change');
    const pastes = record(field, 'paste');
    typeInSecureField(iframe, '4');
    typeInSecureField(iframe, '45');
    expect(changes).to.deep.equal([{ field: 'cardNumber' }, { field: 'cardNumber' }]);
    const win = iframe.contentWindow as Window & typeof globalThis;
    secureFieldInput(iframe).dispatchEvent(new win.Event('paste'));
    expect(pastes).to.deep.equal([{ field: 'cardNumber' }]);
  });

  it('marks the field invalid with update({invalid}) and updates the placeholder', () => {
    const { field, iframe } = mount('cardNumber');
    const input = secureFieldInput(iframe);
    field.update({ invalid: true, placeholder: 'Card' });
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.style.borderColor).not.to.equal('transparent');
    expect(input.placeholder).to.equal('Card');
    field.update({ invalid: false });
    expect(input.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('focus() moves focus into the field and emits focus/blur', async () => {
    const { field, iframe } = mount('cardNumber');
    const focus = record(field, 'focus');
    field.focus();
    expect(iframe.contentDocument!.activeElement).to.equal(secureFieldInput(iframe));
    // Headless Chromium may not deliver focus events to an unfocused window; the state is what matters.
    if (focus.length > 0) expect(focus[0]).to.deep.equal({ field: 'cardNumber' });
    field.blur();
    expect(iframe.contentDocument!.activeElement).not.to.equal(secureFieldInput(iframe));
  });

  it('keeps working after its container moves in the DOM (the iframe reloads blank)', async () => {
    const { field, iframe, host } = mount('cardNumber');
    const bins = record(field, 'binChange');
    const changes = record(field, 'change');
    typeInSecureField(iframe, VISA_MLA);
    const before = secureFieldInput(iframe);
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    containers.push(elsewhere);
    elsewhere.append(host);
    await waitUntil(() => {
      const input = iframe.contentDocument?.querySelector('input');
      return input && input !== before;
    }, 'the field re-renders after the move');
    expect(secureFieldInput(iframe).value).to.equal('');
    expect(bins.at(-1)).to.deep.equal({ field: 'cardNumber', bin: null });
    expect(changes.length).to.equal(2);
    typeInSecureField(iframe, '5031755734530604');
    expect(secureFieldInput(iframe).value).to.equal('5031 7557 3453 0604');
    expect(bins.at(-1)).to.deep.equal({ field: 'cardNumber', bin: '50317557' });
  });

  it('unmount removes the iframe and listeners; it can mount again', () => {
    const { field, iframe, host } = mount('cardNumber');
    const changes = record(field, 'change');
    unmount(field);
    expect(iframe.isConnected).to.equal(false);
    expect(host.querySelector('iframe')).to.equal(null);
    field.mount(host.id);
    mounted.push(field);
    typeInSecureField(host.querySelector('iframe')!, '4');
    expect(changes).to.deep.equal([]);
  });

  it('creates a card token that carries no card number nor CVV', async () => {
    const { card, exp, cvv } = mountAll('MLA');
    typeInSecureField(card.iframe, VISA_MLA);
    typeInSecureField(exp.iframe, FUTURE);
    typeInSecureField(cvv.iframe, '123');
    const made = (await token({ cardholderName: 'APRO', identificationType: 'DNI', identificationNumber: '12345678' }))!;
    expect(made).to.include({
      first_six_digits: '450995',
      last_four_digits: '3704',
      expiration_month: 12,
      status: 'active',
      luhn_validation: true,
      live_mode: false,
      security_code_length: 3,
      public_key: key('MLA'),
    });
    expect(made.expiration_year).to.equal(2000 + Number(FUTURE.slice(3)));
    expect(made.cardholder).to.deep.equal({ name: 'APRO', identification: { type: 'DNI', number: '12345678' } });
    expect(made.date_due).to.be.a('string');
    expect(JSON.stringify(made)).not.to.contain(VISA_MLA);
    const data = decodeSandboxToken(made.id);
    expect(data).to.deep.include({ cardholderName: 'APRO', paymentMethodId: 'visa', firstSixDigits: '450995', lastFourDigits: '3704' });
    expect(JSON.stringify(data)).not.to.contain(VISA_MLA);
    const again = (await token({ cardholderName: 'APRO', identificationType: 'DNI', identificationNumber: '12345678' }))!;
    expect(again.id, 'every token is unique').not.to.equal(made.id);
  });

  it('tokenizes a 4-digit American Express code only after the code field was told its length', async () => {
    const { card, exp, cvv } = mountAll('MLA');
    typeInSecureField(card.iframe, '371180303257522');
    typeInSecureField(exp.iframe, FUTURE);
    typeInSecureField(cvv.iframe, '1234');
    const good = { cardholderName: 'APRO', identificationType: 'DNI', identificationNumber: '12345678' };
    expect(await tokenErrorCodes(good), 'no settings: the code was cut to 3 digits').to.deep.equal(['E302']);
    card.field.update({ settings: { length: 15, validation: 'standard' } });
    cvv.field.update({ settings: { mode: 'mandatory', length: 4 } });
    typeInSecureField(cvv.iframe, '1234');
    expect((await token(good))!.security_code_length).to.equal(4);
  });

  it('tokenizes a card whose code is optional with the code left empty', async () => {
    const { card, exp } = mountAll('MLA');
    typeInSecureField(card.iframe, '6034930000000005');
    typeInSecureField(exp.iframe, FUTURE);
    const good = { cardholderName: 'APRO', identificationType: 'DNI', identificationNumber: '12345678' };
    expect((await token(good))!.security_code_length).to.equal(0);
    typeInSecureField(card.iframe, VISA_MLA);
    expect(await tokenErrorCodes(good), 'a Visa code is mandatory').to.deep.equal(['224']);
  });

  it('tokenizes only the fields of the group it is asked for', async () => {
    const { card, exp, cvv } = mountAll('MLA');
    typeInSecureField(card.iframe, VISA_MLA);
    typeInSecureField(exp.iframe, FUTURE);
    typeInSecureField(cvv.iframe, '123');
    const elsewhere = `${group}-empty`;
    const other = mp.fields.create('cardNumber', { group: elsewhere });
    other.mount(container().id);
    mounted.push(other);
    const request = { cardholderName: 'APRO', identificationType: 'DNI', identificationNumber: '12345678' };
    const error = await rejection(mp.fields.createCardToken(request, { group: elsewhere }));
    expect(
      (error as Array<{ code: string }>).map((e) => e.code),
      'the other group has no typed number',
    ).to.include('205');
    expect((await token(request))!.last_four_digits).to.equal('3704');
  });

  it('tokenizes without identification in MLM and checks the CPF in MLB', async () => {
    for (const [site, number, id] of [
      ['MLM', '4075595716483764', undefined],
      ['MLB', '4235647728025682', '12345678909'],
    ] as const) {
      const { card, exp, cvv } = mountAll(site);
      typeInSecureField(card.iframe, number);
      typeInSecureField(exp.iframe, FUTURE);
      typeInSecureField(cvv.iframe, '123');
      const request = id ? { cardholderName: 'APRO', identificationType: 'CPF', identificationNumber: id } : { cardholderName: 'APRO' };
      expect((await token(request))!.id, site).to.be.a('string');
      if (site === 'MLB') {
        expect(await tokenErrorCodes({ ...request, identificationNumber: '12345678900' })).to.deep.equal(['324']);
      }
      for (const field of [card.field, exp.field, cvv.field]) unmount(field);
    }
  });

  it('rejects with the data-entry error codes of mercadopago.md §3.3', async () => {
    const { card, exp, cvv } = mountAll('MLA');
    const good = { cardholderName: 'APRO', identificationType: 'DNI', identificationNumber: '12345678' };

    expect(await tokenErrorCodes({ cardholderName: '' })).to.deep.equal(['205', '208', '209', '224', '221', '212', '214']);

    typeInSecureField(card.iframe, VISA_MLA);
    typeInSecureField(exp.iframe, FUTURE);
    typeInSecureField(cvv.iframe, '123');
    const errorsWith = async (setup: () => void, request = good) => {
      setup();
      const codes = await tokenErrorCodes(request);
      typeInSecureField(card.iframe, VISA_MLA);
      typeInSecureField(exp.iframe, FUTURE);
      typeInSecureField(cvv.iframe, '123');
      return codes;
    };
    const none = () => {};
    expect(await errorsWith(() => typeInSecureField(card.iframe, '4509953566233705'))).to.deep.equal(['E301']);
    expect(await errorsWith(() => typeInSecureField(card.iframe, '450995'))).to.deep.equal(['E301']);
    expect(await errorsWith(() => typeInSecureField(exp.iframe, '13/30'))).to.deep.equal(['325']);
    expect(await errorsWith(() => typeInSecureField(exp.iframe, '12/20'))).to.deep.equal(['326']);
    expect(await errorsWith(() => typeInSecureField(exp.iframe, '12'))).to.deep.equal(['209']);
    expect(await errorsWith(() => typeInSecureField(cvv.iframe, '12'))).to.deep.equal(['E302']);
    expect(await errorsWith(() => typeInSecureField(cvv.iframe, ''))).to.deep.equal(['224']);
    expect(await errorsWith(none, { ...good, cardholderName: '  ' })).to.deep.equal(['221']);
    expect(await errorsWith(none, { ...good, cardholderName: '1234 <b>' })).to.deep.equal(['316']);
    expect(await errorsWith(none, { ...good, identificationType: '' })).to.deep.equal(['212']);
    expect(await errorsWith(none, { ...good, identificationType: 'CPF' })).to.deep.equal(['322']);
    expect(await errorsWith(none, { ...good, identificationNumber: '' })).to.deep.equal(['214']);
    expect(await errorsWith(none, { ...good, identificationNumber: '12a45678' })).to.deep.equal(['324']);
    expect(await errorsWith(none, { ...good, identificationNumber: '123' })).to.deep.equal(['324']);
    expect((await token(good))!.id).to.be.a('string');
  });

  it('strict: a group with no mounted field cannot be tokenized', async () => {
    const error = await rejection(mp.fields.createCardToken({ cardholderName: 'APRO' }, { group }));
    expect(error)
      .to.have.property('message')
      .that.matches(/No primary field found/);
  });
});
