/**
 * The production guard: Mercado Pago's "Requirements for the production environment" (R1–R9,
 * mercadopago.md §1) as one checklist. Pure: the element gathers the facts, this judges them.
 * In production an error stops the card form from mounting; in test mode it is only a warning,
 * so development over plain HTTP works.
 */
import { UNWORKABLE_PROBLEMS, type ConfigProblem, type KeyMode } from './config.js';

export type Severity = 'error' | 'warning' | 'info';

export interface AuditEntry {
  /** The requirement: R1 … R9, or `config`. */
  id: string;
  ok: boolean;
  severity: Severity;
  /** The localized explanation. */
  message: string;
}

export interface GuardFacts {
  mode: KeyMode | undefined;
  /** MercadoPago.js came from the official CDN script (undefined: not loaded yet). */
  officialSdk: boolean | undefined;
  secureContext: boolean;
  configProblems: ConfigProblem[];
  /** Names of controls with a `name` attribute, inside or slotted into the element. */
  namedControls: string[];
  hasPayerEmail: boolean;
  hasItems: boolean;
  hasStatusAction: boolean;
  bannerShown: boolean;
  isArgentina: boolean;
  disclosureShown: boolean;
  termsShown: boolean;
  /** No site attribute and no country in the locale: the site in force is a guess. */
  guessedSite?: string;
  /** The account's country (from MercadoPago.js's answers) overrode the site the page set or implied. */
  accountSite?: { account: string; page: string };
}

type Translate = (key: string, vars?: Record<string, unknown>) => string;

/** One entry per requirement, plus one per configuration problem. */
export function auditChecklist(facts: GuardFacts, t: Translate): AuditEntry[] {
  const blocking: Severity = facts.mode === 'production' ? 'error' : 'warning';
  const entry = (id: string, ok: boolean, failSeverity: Severity, okKey: string, failKey = `${okKey}_fail`, vars?: Record<string, unknown>): AuditEntry => ({
    id,
    ok,
    severity: ok ? 'info' : failSeverity,
    message: t(ok ? `audit.${okKey}` : `audit.${failKey}`, vars),
  });
  const entries: AuditEntry[] = [
    facts.officialSdk === undefined ? entry('R1', true, 'info', 'R1_pending') : entry('R1', facts.officialSdk, blocking, 'R1'),
    entry('R2', facts.namedControls.length === 0, 'warning', 'R2', 'R2_fail', { names: facts.namedControls.join(', ') }),
    entry('R3', facts.secureContext, blocking, 'R3'),
    entry('R4', facts.hasPayerEmail && facts.hasItems, 'warning', 'R4'),
    entry('R5', facts.hasStatusAction, 'warning', 'R5'),
    entry('R6', true, 'info', 'R6'),
    entry('R7', facts.bannerShown, 'warning', 'R7'),
    facts.isArgentina ? entry('R8', facts.disclosureShown, 'warning', 'R8') : entry('R8', true, 'info', 'R8_na'),
    entry('R9', facts.termsShown, 'warning', 'R9'),
  ];
  if (facts.accountSite) {
    entries.push({ id: 'config', ok: false, severity: 'warning', message: t('audit.site_account', facts.accountSite) });
  }
  if (facts.guessedSite) {
    entries.push({ id: 'config', ok: false, severity: 'warning', message: t('audit.site_guessed', { site: facts.guessedSite }) });
  }
  for (const problem of facts.configProblems) {
    entries.push({
      id: 'config',
      ok: false,
      // A problem that stops the form is an error even in test mode: the checkout is dead.
      severity: UNWORKABLE_PROBLEMS.has(problem.code) ? 'error' : blocking,
      message: t('audit.config_fail', { detail: t(`error.${problem.message ?? problem.code}`, problem.vars) }),
    });
  }
  return entries;
}
