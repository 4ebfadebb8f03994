/**
 * The production guard: Mercado Pago's "Requirements for the production environment" (R1–R9,
 * mercadopago.md §1) as one checklist. Pure: the element gathers the facts, this judges them.
 * In production an error stops the card form from mounting; in test mode it is only a warning,
 * so development over plain HTTP works.
 */
import { UNWORKABLE_PROBLEMS, type ConfigProblem, type KeyMode } from './config.js';
import { failureKey, problemKey } from './feedback.js';

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
  /** The page came over HTTPS (a secure context on http://localhost is not). */
  https: boolean;
  /** The element sits inside another shadow root, where the Secure Fields cannot mount. */
  nestedInShadowRoot: boolean;
  /** The card form is still loading (MercadoPago.js, the Secure Fields, the text), or its document types are. */
  loading: boolean;
  /** The technical failure that stopped the form (`sdk_load_failed`, `fields_timeout`…), if any. */
  failure?: string;
  configProblems: ConfigProblem[];
  /** Names of controls with a `name` attribute, inside or slotted into the element. */
  namedControls: string[];
  hasItems: boolean;
  deviceProfile: DeviceProfile;
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

/**
 * Mercado Pago's device profile, which MercadoPago.js runs as an inline script and which sets
 * `MP_DEVICE_SESSION_ID` (the payment's `device_id`): not started (MercadoPago.js not loaded yet),
 * still expected, ran, blocked by the Content-Security-Policy or by Trusted Types, or silent (nothing
 * ran and nothing was reported within the grace period).
 */
export type DeviceProfile = 'not-started' | 'expected' | 'ran' | 'csp-blocked' | 'trusted-types-blocked' | 'silent';

const DEVICE_PROFILE_PROBLEM: Partial<Record<DeviceProfile, string>> = {
  'csp-blocked': 'audit.R4_device_csp',
  'trusted-types-blocked': 'audit.R4_device_trusted_types',
  silent: 'audit.R4_device_silent',
};

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
    // Not loaded yet is not met: a checkout that never loads must not read as compliant.
    facts.officialSdk === undefined ? entry('R1', false, 'warning', 'R1', 'R1_pending') : entry('R1', facts.officialSdk, blocking, 'R1'),
    entry('R2', facts.namedControls.length === 0, blocking, 'R2', 'R2_fail', { names: facts.namedControls.join(', ') }),
    // http://localhost is a secure context, so the form works there, but it is not HTTPS.
    facts.secureContext && !facts.https ? entry('R3', false, 'warning', 'R3', 'R3_local') : entry('R3', facts.secureContext && facts.https, blocking, 'R3'),
    // The e-mail field is required whenever no payer e-mail is given, so every payment carries one.
    dataSentEntry(facts, t),
    entry('R5', facts.hasStatusAction, 'warning', 'R5'),
    entry('R6', true, 'info', 'R6'),
    entry('R7', facts.bannerShown, 'warning', 'R7'),
    facts.isArgentina ? entry('R8', facts.disclosureShown, 'warning', 'R8') : entry('R8', true, 'info', 'R8_na'),
    entry('R9', facts.termsShown, 'warning', 'R9'),
  ];
  if (facts.failure) {
    // A technical failure stops the form in any mode: the checkout is dead until it is fixed.
    // In the buyer's words, and with the code the merchant searches for.
    entries.push({ id: 'form', ok: false, severity: 'error', message: t('audit.form_failed', { detail: t(failureKey(facts.failure)), code: facts.failure }) });
  } else if (facts.loading) {
    entries.push({ id: 'form', ok: false, severity: 'warning', message: t('audit.form_loading') });
  }
  if (facts.nestedInShadowRoot) {
    entries.push({ id: 'config', ok: false, severity: 'error', message: t('audit.config_fail', { detail: t('error.nested_shadow_root') }) });
  }
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
      message: t('audit.config_fail', { detail: t(problemKey(problem), problem.vars) }),
    });
  }
  return entries;
}

/** R4: the payer and item data, and the device profile; one entry that names every gap. */
function dataSentEntry(facts: GuardFacts, t: Translate): AuditEntry {
  const problems = [facts.hasItems ? undefined : 'audit.R4_fail', DEVICE_PROFILE_PROBLEM[facts.deviceProfile]].filter(
    (key): key is string => key !== undefined,
  );
  if (problems.length === 0) return { id: 'R4', ok: true, severity: 'info', message: t('audit.R4') };
  return { id: 'R4', ok: false, severity: 'warning', message: problems.map((key) => t(key)).join(' ') };
}
