/**
 * Sandbox data per Mercado Pago site: identification types, card payment methods by BIN, issuers and
 * installment plans. Shapes follow the answers of the real MercadoPago.js v2 (see sdk-types.ts), so the
 * element runs one code path for the double and the real SDK.
 *
 * Test BINs worth knowing (all numbers pass Luhn):
 * - every site: Visa 4…, Mastercard 5…/2221–2720…, Amex 34…/37… resolve; anything else (e.g. 6…) → no method.
 * - MLA Mastercard Débito 5287 3383 1025 3304 (BIN 528733) → `debmaster`, whose `additional_info_needed`
 *   holds `issuer_id`: the element must show the issuer select (getIssuers returns 3 banks).
 * - MLA Visa Débito 4002 7686 9439 5619 (BIN 400276) → `debvisa` (debit: 1 installment only).
 * - MLA Cencosud 6034 9300 0000 0005 (BIN 603493) → `cencosud`, whose security code is `optional`: it
 *   stands for the methods Mercado Pago lists with `security_code.mode: "optional"` (the real card's
 *   rules are not verified); the buyer may leave the code empty.
 * - every site: American Express 3711 803032 57522 (15 digits, 4-digit code).
 *
 * Answers carry every field DefinitelyTyped declares for them; where the real API sends `null` for a
 * string (`exclusion_pattern`, `merchant_account_id`) the double sends `null` too, so the element
 * meets what production sends rather than what the types promise.
 */
import type { IdentificationType, InstallmentsOption, Issuer, PayerCost, PaymentMethod, PaymentMethodSettings } from '../src/mercadopago/sdk-types.js';

type PaymentTypeId = 'credit_card' | 'debit_card' | 'prepaid_card';
/** The issuer a payment method names as its own (`getPaymentMethods`, `getInstallments`). */
type MethodIssuer = PaymentMethod['issuer'];
/** The real API sends `null` where DefinitelyTyped says string. */
const NULL_STRING = null as unknown as string;

export type SiteId = 'MLA' | 'MLB' | 'MLM' | 'MLC' | 'MCO' | 'MPE' | 'MLU';
export const SITE_IDS: readonly SiteId[] = ['MLA', 'MLB', 'MLM', 'MLC', 'MCO', 'MPE', 'MLU'];

export function isSiteId(value: unknown): value is SiteId {
  return typeof value === 'string' && (SITE_IDS as readonly string[]).includes(value);
}

interface SiteInfo {
  currency: string;
  decimals: number;
  locale: string;
  /** Words used by recommended_message, in the site's language. */
  installmentWord: [one: string, many: string];
  freeWord: string;
  /** Bounds of one card payment in the site's currency (Mercado Pago publishes similar ones per method). */
  minAmount: number;
  maxAmount: number;
  /** Smallest installment Mercado Pago offers; plans whose installment would be smaller are left out. */
  minInstallment: number;
}

export const SITES: Record<SiteId, SiteInfo> = {
  MLA: {
    currency: 'ARS',
    decimals: 2,
    locale: 'es-AR',
    installmentWord: ['cuota', 'cuotas'],
    freeWord: 'sin interés',
    minAmount: 0.5,
    maxAmount: 60_000_000,
    minInstallment: 1,
  },
  MLB: {
    currency: 'BRL',
    decimals: 2,
    locale: 'pt-BR',
    installmentWord: ['parcela', 'parcelas'],
    freeWord: 'sem juros',
    minAmount: 0.5,
    maxAmount: 60_000,
    minInstallment: 5,
  },
  MLM: {
    currency: 'MXN',
    decimals: 2,
    locale: 'es-MX',
    installmentWord: ['mensualidad', 'mensualidades'],
    freeWord: 'sin intereses',
    minAmount: 5,
    maxAmount: 300_000,
    minInstallment: 1,
  },
  MLC: {
    currency: 'CLP',
    decimals: 0,
    locale: 'es-CL',
    installmentWord: ['cuota', 'cuotas'],
    freeWord: 'sin interés',
    minAmount: 50,
    maxAmount: 20_000_000,
    minInstallment: 100,
  },
  MCO: {
    currency: 'COP',
    decimals: 0,
    locale: 'es-CO',
    installmentWord: ['cuota', 'cuotas'],
    freeWord: 'sin interés',
    minAmount: 1_000,
    maxAmount: 50_000_000,
    minInstallment: 1_000,
  },
  MPE: {
    currency: 'PEN',
    decimals: 2,
    locale: 'es-PE',
    installmentWord: ['cuota', 'cuotas'],
    freeWord: 'sin interés',
    minAmount: 2,
    maxAmount: 60_000,
    minInstallment: 1,
  },
  MLU: {
    currency: 'UYU',
    decimals: 2,
    locale: 'es-UY',
    installmentWord: ['cuota', 'cuotas'],
    freeWord: 'sin interés',
    minAmount: 15,
    maxAmount: 300_000,
    minInstallment: 10,
  },
};

// ---------------------------------------------------------------- identification types (mercadopago.md §5)

const idType = (id: string, type: 'number' | 'string', min_length: number, max_length: number, name = id): IdentificationType => ({
  id,
  name,
  type,
  min_length,
  max_length,
});

/**
 * Lengths follow the real API, loosened only where the documented test ID (123456789) would not fit,
 * so the test data of mercadopago.md §4 always tokenizes.
 */
const IDENTIFICATION_TYPES: Record<SiteId, IdentificationType[]> = {
  MLA: [
    idType('DNI', 'number', 7, 8),
    idType('CI', 'number', 1, 9),
    idType('LC', 'number', 6, 7),
    idType('LE', 'number', 6, 7),
    idType('Otro', 'number', 5, 20),
  ],
  MLB: [idType('CPF', 'number', 11, 11), idType('CNPJ', 'number', 14, 14)],
  MLM: [],
  MLC: [idType('RUT', 'string', 7, 12), idType('Otro', 'string', 5, 20)],
  MCO: [idType('CC', 'number', 5, 20), idType('CE', 'number', 5, 20), idType('NIT', 'number', 5, 20), idType('Otro', 'string', 5, 20)],
  MPE: [idType('DNI', 'number', 8, 9), idType('C.E', 'string', 8, 12), idType('RUC', 'number', 11, 11), idType('Otro', 'string', 5, 20)],
  MLU: [idType('CI', 'number', 6, 9), idType('Otro', 'string', 5, 20)],
};

export function identificationTypes(site: SiteId): IdentificationType[] {
  return structuredClone(IDENTIFICATION_TYPES[site]);
}

// ---------------------------------------------------------------- payment methods

const IMG = 'https://http2.mlstatic.com/storage/logos-api-admin';

const VISA_PATTERN = '^4';
const MASTER_PATTERN = '^(5|(2(221|222|223|224|225|226|227|228|229|23|24|25|26|27|3|4|5|6|70|71|720)))';
const AMEX_PATTERN = '^((34)|(37))';

function settings(pattern: string, numberLength: number, cvvLength: number, exclusion: string | null = null, cvvMode = 'mandatory'): PaymentMethodSettings {
  return {
    card_number: { length: numberLength, validation: 'standard' },
    // The API also says where the code is printed; DefinitelyTyped leaves it out.
    security_code: { mode: cvvMode, length: cvvLength, ...{ card_location: cvvLength === 4 ? 'front' : 'back' } },
    bin: { pattern, exclusion_pattern: exclusion ?? NULL_STRING, installments_pattern: pattern },
  };
}

interface MethodDef {
  id: string;
  name: string;
  type: PaymentTypeId;
  logo: string;
  settings: PaymentMethodSettings;
  /** Banks offered in the issuer select; only used when `needsIssuer`. */
  issuers?: Array<{ id: number; name: string }>;
  needsIssuer?: boolean;
}

const ISSUER_NEEDED = ['cardholder_name', 'cardholder_identification_type', 'cardholder_identification_number', 'issuer_id'];
const ID_NEEDED = ['cardholder_name', 'cardholder_identification_type', 'cardholder_identification_number'];

/** Debit BINs of MLA, kept out of the credit patterns the way Mercado Pago's exclusion_pattern does. */
const MLA_DEBMASTER = '^(528733|517562)';
const MLA_DEBVISA = '^(400276|400448|451377)';

const VISA: MethodDef = { id: 'visa', name: 'Visa', type: 'credit_card', logo: 'visa', settings: settings(VISA_PATTERN, 16, 3) };
const MASTER: MethodDef = { id: 'master', name: 'Mastercard', type: 'credit_card', logo: 'master', settings: settings(MASTER_PATTERN, 16, 3) };
const AMEX: MethodDef = { id: 'amex', name: 'American Express', type: 'credit_card', logo: 'amex', settings: settings(AMEX_PATTERN, 15, 4) };

const METHODS: Record<SiteId, MethodDef[]> = {
  MLA: [
    {
      id: 'debmaster',
      name: 'Mastercard Débito',
      type: 'debit_card',
      logo: 'debmaster',
      settings: settings(MLA_DEBMASTER, 16, 3),
      needsIssuer: true,
      issuers: [
        { id: 338, name: 'Banco Galicia' },
        { id: 310, name: 'Banco Santander' },
        { id: 1028, name: 'Banco Nación' },
      ],
    },
    { id: 'debvisa', name: 'Visa Débito', type: 'debit_card', logo: 'debvisa', settings: settings(MLA_DEBVISA, 16, 3) },
    { id: 'cencosud', name: 'Cencosud', type: 'credit_card', logo: 'cencosud', settings: settings('^603493', 16, 3, null, 'optional') },
    { ...VISA, settings: settings(VISA_PATTERN, 16, 3, MLA_DEBVISA) },
    { ...MASTER, settings: settings(MASTER_PATTERN, 16, 3, MLA_DEBMASTER) },
    AMEX,
  ],
  MLB: [VISA, MASTER, AMEX],
  MLM: [VISA, MASTER, AMEX],
  MLC: [VISA, MASTER, AMEX],
  MCO: [VISA, MASTER, AMEX],
  MPE: [VISA, MASTER, AMEX],
  MLU: [VISA, MASTER, AMEX],
};

/** The issuer a method reports when the buyer does not choose one; ids differ per site like the real ones. */
function defaultIssuer(site: SiteId, def: MethodDef): MethodIssuer {
  const base = { MLA: 1, MLB: 24, MLM: 160, MLC: 200, MCO: 206, MPE: 1000, MLU: 1100 }[site];
  const offset = { visa: 0, master: 1, amex: 2, debvisa: 3, debmaster: 4 }[def.id] ?? 5;
  return { id: base + offset, name: def.name, default: true };
}

function matches(def: MethodDef, bin: string): boolean {
  const b = def.settings.bin;
  if (!b) return false;
  if (!new RegExp(b.pattern).test(bin)) return false;
  return !(b.exclusion_pattern && new RegExp(b.exclusion_pattern).test(bin));
}

function findMethodDef(site: SiteId, bin: string, paymentMethodId?: string): MethodDef | undefined {
  return METHODS[site].find((def) => (paymentMethodId === undefined || def.id === paymentMethodId) && matches(def, bin));
}

function toPaymentMethod(site: SiteId, def: MethodDef): PaymentMethod {
  const thumbnail = `${IMG}/${def.logo}.gif`;
  return {
    id: def.id,
    name: def.name,
    payment_type_id: def.type,
    status: 'active',
    // The account's country: the element trusts it over the page's locale.
    site_id: site,
    thumbnail: thumbnail.replace('https:', 'http:'),
    secure_thumbnail: thumbnail,
    additional_info_needed: site === 'MLM' ? ['cardholder_name'] : [...(def.needsIssuer ? ISSUER_NEEDED : ID_NEEDED)],
    issuer: defaultIssuer(site, def),
    settings: [structuredClone(def.settings)],
    payer_costs: [],
    financial_institutions: [],
    min_accreditation_days: 0,
    max_accreditation_days: 2,
    accreditation_time: 2880,
    merchant_account_id: NULL_STRING,
    processing_mode: 'aggregator',
    marketplace: 'NONE',
    deferred_capture: 'supported',
    bins: [],
    agreements: [],
    labels: [],
    financing_deals: { status: 'inactive' },
    // Real answers also carry the method's amount bounds, which DefinitelyTyped leaves out.
    ...{ min_allowed_amount: SITES[site].minAmount, max_allowed_amount: SITES[site].maxAmount },
  };
}

/** The methods a BIN (6–8 digits) belongs to at a site; `[]` for unknown BINs, like the real API. */
export function paymentMethodsForBin(site: SiteId, bin: string): PaymentMethod[] {
  const def = findMethodDef(site, bin);
  return def ? [toPaymentMethod(site, def)] : [];
}

/** Brand guess from the first digits, for token data (no site needed; never more than the brand). */
export function guessBrand(digits: string): string | null {
  if (/^3[47]/.test(digits)) return 'amex';
  if (digits.startsWith('4')) return 'visa';
  if (new RegExp(MASTER_PATTERN).test(digits)) return 'master';
  return null;
}

export function issuersFor(site: SiteId, paymentMethodId: string, bin: string): Issuer[] {
  const def = findMethodDef(site, bin, paymentMethodId);
  if (!def) return [];
  const list = def.needsIssuer && def.issuers ? def.issuers : [defaultIssuer(site, def)];
  return list.map((issuer) => ({
    id: String(issuer.id),
    name: issuer.name,
    processing_mode: 'aggregator',
    merchant_account_id: NULL_STRING,
    thumbnail: `http://${IMG.slice('https://'.length)}/issuer-${issuer.id}.gif`,
    secure_thumbnail: `${IMG}/issuer-${issuer.id}.gif`,
  }));
}

// ---------------------------------------------------------------- installments

interface PlanDef {
  installments: number;
  /** Annual effective rate in percent; 0 = interest-free. */
  tea: number;
  collector: 'MERCADOPAGO' | 'THIRD_PARTY';
  /** Adds the nominal annual rate to the labels, as Mercado Pago does for some plans. */
  withTna?: boolean;
  extraLabels?: string[];
}

const mp = (installments: number, tea: number, withTna = false): PlanDef => ({ installments, tea, collector: 'MERCADOPAGO', withTna });
/** Plans where the card issuer finances: Mercado Pago charges no rate, the bank may add interest. */
const bank = (installments: number): PlanDef => ({
  installments,
  tea: 0,
  collector: 'THIRD_PARTY',
  extraLabels: ['recommended_interest_installment_with_some_banks'],
});

const PLANS: Record<SiteId, PlanDef[]> = {
  // One interest-free promotion with >1 installments (3), the rest financed; TNA shown on the longer plans.
  MLA: [mp(1, 0), mp(3, 0), mp(6, 81.2, true), mp(9, 84.5, true), mp(12, 88.9, true)],
  MLB: [{ ...mp(1, 0), extraLabels: ['recommended_installment'] }, ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => mp(n, 42.58))],
  // "Meses sin intereses" up to 6, then one financed plan.
  MLM: [mp(1, 0), mp(3, 0), mp(6, 0), mp(12, 39.9)],
  MLC: [mp(1, 0), bank(3), bank(6), bank(12)],
  MCO: [mp(1, 0), bank(3), bank(6), bank(12), bank(24), bank(36)],
  MPE: [mp(1, 0), bank(3), bank(6), bank(12)],
  MLU: [mp(1, 0), mp(3, 34.5), mp(6, 36.2, true), mp(12, 39.8, true)],
};

/** VAT on interest, which makes Argentina's CFT higher than its TEA. */
const TAX_ON_INTEREST = 0.21;

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * factor) / factor;
}

/** Mercado Pago writes rates with a comma decimal separator: `CFT_104,06%`. */
const pct = (value: number): string => `${value.toFixed(2).replace('.', ',')}%`;

function labelsFor(plan: PlanDef, monthlyRate: number): string[] {
  const extra = plan.extraLabels ?? [];
  if (plan.collector === 'THIRD_PARTY') return [...extra];
  const cft = ((1 + monthlyRate * (1 + TAX_ON_INTEREST)) ** 12 - 1) * 100;
  const tna = monthlyRate * 12 * 100;
  const parts = [`CFT_${pct(cft)}`, `TEA_${pct(plan.tea)}`];
  if (plan.withTna) parts.push(`TNA_${pct(tna)}`);
  return [parts.join('|'), ...extra];
}

function payerCost(site: SiteId, plan: PlanDef, amount: number, methodId: string): PayerCost {
  const info = SITES[site];
  const n = plan.installments;
  const monthlyRate = (1 + plan.tea / 100) ** (1 / 12) - 1;
  // French amortization: what a bank would charge per month for this plan.
  const financedTotal = monthlyRate === 0 ? amount : (n * amount * monthlyRate) / (1 - (1 + monthlyRate) ** -n);
  const installmentRate = round((financedTotal / amount - 1) * 100, 2);
  // The total is what gets charged (an interest-free plan totals exactly the amount); installments are rounded.
  const totalAmount = round(amount * (1 + installmentRate / 100), info.decimals);
  const installmentAmount = round(totalAmount / n, info.decimals);
  const money = new Intl.NumberFormat(info.locale, {
    style: 'currency',
    currency: info.currency,
    minimumFractionDigits: info.decimals,
    maximumFractionDigits: info.decimals,
  });
  const word = info.installmentWord[n === 1 ? 0 : 1];
  const free = n > 1 && installmentRate === 0 && plan.collector === 'MERCADOPAGO' ? ` ${info.freeWord}` : '';
  return {
    installments: n,
    installment_rate: installmentRate,
    discount_rate: 0,
    labels: labelsFor(plan, monthlyRate),
    installment_rate_collector: [plan.collector],
    min_allowed_amount: Math.max(info.minAmount, info.minInstallment * n),
    max_allowed_amount: info.maxAmount,
    recommended_message: `${n} ${word} de ${money.format(installmentAmount)}${free} (${money.format(totalAmount)})`,
    installment_amount: installmentAmount,
    total_amount: totalAmount,
    payment_method_option_id: `sbx.${site}.${methodId}.${n}.${plan.tea}`,
  };
}

/**
 * Installment options for an amount and BIN, like `mp.getInstallments`. Unknown BIN, a payment type that
 * does not match the card, or an amount out of the method's bounds → `[]`.
 */
export function installmentsFor(site: SiteId, amount: number, bin: string, paymentTypeId?: string): InstallmentsOption[] {
  const def = findMethodDef(site, bin);
  const info = SITES[site];
  if (!def || (paymentTypeId && paymentTypeId !== def.type)) return [];
  if (amount < info.minAmount || amount > info.maxAmount) return [];
  // Debit cards pay in one go.
  const plans = def.type === 'debit_card' ? PLANS[site].slice(0, 1) : PLANS[site];
  const payer_costs = plans
    .map((plan) => payerCost(site, plan, amount, def.id))
    .filter((cost) => amount >= cost.min_allowed_amount && amount <= cost.max_allowed_amount);
  return [
    {
      payment_method_id: def.id,
      payment_type_id: def.type,
      issuer: defaultIssuer(site, def),
      processing_mode: 'aggregator',
      merchant_account_id: NULL_STRING,
      payer_costs,
    },
  ];
}
