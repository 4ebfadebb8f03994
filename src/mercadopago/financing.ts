/**
 * Installment options and their financing costs (CFT, TEA, TNA), read from the `payer_costs` that
 * `mp.getInstallments()` returns. Everything here takes server data and never throws.
 */
import { SITES, isSiteId, type SiteId } from './sites.js';

export interface FinancingRates {
  /** Costo Financiero Total, percent. */
  cft?: number;
  /** Tasa Efectiva Anual, percent. */
  tea?: number;
  /** Tasa Nominal Anual, percent. */
  tna?: number;
}

export interface InstallmentChoice {
  installments: number;
  installmentAmount: number;
  totalAmount: number;
  /** `installment_rate`, percent of the cash price added by the financing. */
  rate: number;
  /** Safe to call "interest-free": no rate, nothing added to the price, more than one installment. */
  interestFree: boolean;
  /** The issuer, not Mercado Pago, sets the interest (`THIRD_PARTY` collector). */
  bankMayChargeInterest: boolean;
  cft?: number;
  tea?: number;
  tna?: number;
  paymentMethodOptionId?: string;
  recommendedMessage?: string;
}

export interface InstallmentChoiceOptions {
  /** The cash price the buyer would pay in one payment. */
  amount: number;
  site: SiteId;
  min?: number;
  max?: number;
}

// Reads own properties only: a polluted Object.prototype or a `__proto__` key must not inject values.
function own(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

// Server numbers are normally JSON numbers, but some proxies stringify them; both are accepted.
function toFiniteNumber(x: unknown): number | undefined {
  if (typeof x === 'number') return Number.isFinite(x) ? x : undefined;
  if (typeof x === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(x)) {
    const n = Number(x);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * Reads a percentage written with either decimal mark: "70,21", "70.21", "1.234,56", "1,234.56".
 * One separator occurring once is a decimal mark (rates of 1000 % or more are far rarer than
 * decimals); repeated or mixed separators are thousands marks before a final decimal mark.
 */
function parseRate(text: string): number | undefined {
  const t = text.replace(/\s+/g, '').replace(/%$/, '');
  if (!/^\d+(?:[.,]\d+)*$/.test(t) || t.length > 40) return undefined;
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalMark = lastDot > lastComma ? '.' : ',';
    const thousandsMark = decimalMark === '.' ? ',' : '.';
    const decimalAt = Math.max(lastDot, lastComma);
    const intPart = t.slice(0, decimalAt);
    if (intPart.includes(decimalMark) || !isThousandsGrouped(intPart, thousandsMark)) return undefined;
    normalized = `${intPart.split(thousandsMark).join('')}.${t.slice(decimalAt + 1)}`;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const groups = t.split(mark);
    if (groups.length === 2) {
      normalized = `${groups[0]}.${groups[1]}`;
    } else {
      if (!isThousandsGrouped(t, mark)) return undefined;
      normalized = groups.join('');
    }
  } else {
    normalized = t;
  }
  const n = Number(normalized);
  return Number.isFinite(n) ? n : undefined;
}

function isThousandsGrouped(intPart: string, mark: string): boolean {
  const groups = intPart.split(mark);
  return /^\d{1,3}$/.test(groups[0] ?? '') && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

const RATE_PART = /^\s*(cft|tea|tna)\s*[_:=\s]\s*(.*)$/i;

/** Reads CFT/TEA/TNA percentages from a payer cost's `labels`; unreadable parts are skipped. */
export function parseFinancingLabels(labels: unknown): FinancingRates {
  const result: FinancingRates = {};
  try {
    const list: unknown[] = Array.isArray(labels) ? labels : typeof labels === 'string' ? [labels] : [];
    for (const label of list) {
      if (typeof label !== 'string' || label.length > 10_000) continue;
      for (const part of label.split('|')) {
        const match = RATE_PART.exec(part);
        if (!match) continue;
        const key = (match[1] ?? '').toLowerCase() as keyof FinancingRates;
        // First reading wins: a later duplicate is more likely noise than a correction.
        if (result[key] !== undefined) continue;
        const value = parseRate(match[2] ?? '');
        if (value !== undefined) result[key] = value;
      }
    }
  } catch {
    // Exotic inputs (throwing getters, proxies) give whatever was read so far.
  }
  return result;
}

function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Number.isFinite(r) ? r : x;
}

function readChoice(entry: unknown, decimals: number, cashAmount: number | undefined): InstallmentChoice | undefined {
  const installments = toFiniteNumber(own(entry, 'installments'));
  if (installments === undefined || !Number.isInteger(installments) || installments < 1) return undefined;
  const rate = toFiniteNumber(own(entry, 'installment_rate'));
  if (rate === undefined || rate < 0) return undefined;

  // One of the two amounts is enough: the other follows from the count.
  let installmentAmount = toFiniteNumber(own(entry, 'installment_amount'));
  let totalAmount = toFiniteNumber(own(entry, 'total_amount'));
  if (installmentAmount !== undefined && installmentAmount <= 0) installmentAmount = undefined;
  if (totalAmount !== undefined && totalAmount <= 0) totalAmount = undefined;
  if (installmentAmount === undefined && totalAmount === undefined) return undefined;
  installmentAmount ??= roundTo((totalAmount as number) / installments, 2);
  totalAmount ??= roundTo(installmentAmount * installments, decimals);
  // Derivation can round a tiny amount to 0 or overflow a huge one; neither is a usable option.
  if (!(installmentAmount > 0 && totalAmount > 0 && Number.isFinite(installmentAmount) && Number.isFinite(totalAmount))) return undefined;

  const collector = own(entry, 'installment_rate_collector');
  const collectors: unknown[] = Array.isArray(collector) ? collector : [collector];
  const bankMayChargeInterest = collectors.some((c) => typeof c === 'string' && c.trim().toUpperCase() === 'THIRD_PARTY');

  // Argentina's Resolution E 51/2017 forbids "interest-free" when any cost is in the price, so this
  // is conservative: an unknown cash amount, a price above cash, or an issuer-set rate all say no.
  const interestFree = installments > 1 && rate === 0 && !bankMayChargeInterest && cashAmount !== undefined && totalAmount <= cashAmount + 0.01;

  const choice: InstallmentChoice = {
    installments,
    installmentAmount,
    totalAmount,
    rate,
    interestFree,
    bankMayChargeInterest,
    ...parseFinancingLabels(own(entry, 'labels')),
  };
  const optionId = own(entry, 'payment_method_option_id');
  if (typeof optionId === 'string' && optionId.trim() !== '') choice.paymentMethodOptionId = optionId;
  else if (typeof optionId === 'number' && Number.isFinite(optionId)) choice.paymentMethodOptionId = String(optionId);
  const recommended = own(entry, 'recommended_message');
  if (typeof recommended === 'string' && recommended.trim() !== '') choice.recommendedMessage = recommended.trim();
  return choice;
}

/** Turns `payer_costs` into sorted, validated choices within [min, max]; malformed entries are dropped. */
export function toInstallmentChoices(payerCosts: unknown, options: InstallmentChoiceOptions): InstallmentChoice[] {
  const choices: InstallmentChoice[] = [];
  try {
    if (!Array.isArray(payerCosts)) return choices;
    const site = own(options, 'site');
    const decimals = isSiteId(site) ? SITES[site].decimals : 2;
    const amount = toFiniteNumber(own(options, 'amount'));
    const cashAmount = amount !== undefined && amount > 0 ? amount : undefined;
    const min = toFiniteNumber(own(options, 'min'));
    const max = toFiniteNumber(own(options, 'max'));
    const seen = new Set<number>();
    for (const entry of payerCosts) {
      const choice = readChoice(entry, decimals, cashAmount);
      if (!choice) continue;
      if (min !== undefined && choice.installments < min) continue;
      if (max !== undefined && choice.installments > max) continue;
      // Two options with the same count would be indistinguishable in the select; keep the first.
      if (seen.has(choice.installments)) continue;
      seen.add(choice.installments);
      choices.push(choice);
    }
  } catch {
    // Exotic inputs give whatever was read so far.
  }
  return choices.sort((a, b) => a.installments - b.installments);
}
