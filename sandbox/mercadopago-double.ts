/**
 * An in-browser double of the MercadoPago.js v2 surface in sdk-types.ts, for the sandbox demo and tests.
 *
 * Secure Fields are real iframes, mounted by container id like the real SDK's, with the card data kept inside
 * the iframe's input and this module's closures: never in the parent DOM, never in events, never logged.
 * The iframes are about:blank and built from here with createElement + CSSOM, so the double runs under a
 * strict Content-Security-Policy (no inline script or style, no document.write).
 *
 * It is at least as strict as the real SDK is known to be, so a test that passes here does not pass
 * only because the double is lenient. Each rule and where it comes from (fields.md = `docs/fields.md`
 * of the mercadopago/sdk-js repository; v2.0.0 = MercadoPago.js 2.0.0, vendored in
 * glauciodaniel/emerj-react as `src/lib/v2.js`; types = DefinitelyTyped's @types/mercadopago-sdk-js):
 * - Field events are routed page-wide by (group, field type) to the FIRST listener registered for
 *   them, whichever instance registered it; unmounting a field drops every listener of its group and
 *   type (v2.0.0: one static `customEventListeners` list, `triggerEvent` takes the first match by
 *   field type, `removeCustomEventListener` filters by type; `group` per fields.d.ts in types).
 *   Fields created without a group share one page-wide default group (the strictest reading).
 * - A second field of a type already mounted in the same group throws at `create` (v2.0.0: "[Fields]
 *   The field … has already been created").
 * - `mount` with a missing container, or one that is not a DIV, only warns in the console: the SDK
 *   swallows mount errors and the field never becomes ready (v2.0.0: `mount` catches and
 *   `console.warn`s "Error when mounting field"; "The container must be a div"). Mounting a field
 *   twice throws (v2.0.0: "already mounted", outside the catch).
 * - Unmounting a field that is not mounted throws (v2.0.0: "Field '…' already unmounted").
 * - `update({settings})` takes one object per field (fields.md, "update"): the card number
 *   `{length, validation}`, the security code `{mode, length}`. Any other shape is ignored with a
 *   console warning, and the security code then stays at its default of 3 digits (fields.md:
 *   "securityCode should be of length '3'"), so a 4-digit American Express code cannot be typed.
 * - `fields.createCardToken(data, {group})` tokenizes that group's fields only; a group with no
 *   mounted field rejects (v2.0.0: "No primary field found").
 * - `on` with an event the field does not have, or without a function, only warns (v2.0.0).
 * - `new MercadoPago(key, {locale})` throws for a key that is not a string or holds whitespace, and
 *   for a locale the SDK does not support (v2.0.0).
 * - The device profile: unless `advancedFraudPrevention` is false (it defaults to true), the
 *   constructor asks for a device widget and runs it as an inline script — `createElement('script')`,
 *   the code as a text node, appended to `<head>` — and that script sets `MP_DEVICE_SESSION_ID`
 *   (v2.0.0: POST `/devices/widgets`, then `n.appendChild(document.createTextNode(t.widget…))`,
 *   `document.head.appendChild(n)`; a failure only warns "DeviceProfile could not be loaded"). So a
 *   Content-Security-Policy or Trusted Types blocks it exactly as they block the real one.
 */
import type {
  CardToken,
  CardNumberSettings,
  FieldEventMap,
  IdentificationType,
  InstallmentsOption,
  Issuer,
  MercadoPagoInstance,
  MercadoPagoOptions,
  PaymentMethodsResponse,
  SecureField,
  SecureFieldOptions,
  SecureFields,
  SecureFieldStyle,
  SecureFieldType,
  SecureFieldUpdate,
  SecurityCodeSettings,
  SdkLocale,
  ValidityCause,
} from '../src/mercadopago/sdk-types.js';
import { guessBrand, identificationTypes, installmentsFor, issuersFor, paymentMethodsForBin, type SiteId } from './catalog.js';
import { encodeSandboxToken } from './token.js';

const LOCALE_SITES: Record<string, SiteId> = {
  'es-AR': 'MLA',
  'pt-BR': 'MLB',
  'es-MX': 'MLM',
  'es-CL': 'MLC',
  'es-CO': 'MCO',
  'es-PE': 'MPE',
  'es-UY': 'MLU',
};

/** A test key may name its site (`TEST-MLB-…`); otherwise the locale decides, as a real key's account would. */
export function siteForKey(publicKey: string, locale?: string): SiteId {
  const fromKey = /\b(MLA|MLB|MLM|MLC|MCO|MPE|MLU)\b/.exec(publicKey)?.[1] as SiteId | undefined;
  return fromKey ?? (locale ? LOCALE_SITES[locale] : undefined) ?? 'MLA';
}

/** Every answer takes a little while, like a network round trip, so the element's async paths get exercised. */
const networkDelay = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 30));

const sdkError = (message: string): Error => new Error(`MercadoPago.js - ${message}`);

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

// ---------------------------------------------------------------- Secure Fields

type Language = 'es' | 'pt' | 'en';

const FIELD_TEXT: Record<Language, Record<SecureFieldType, string>> = {
  es: { cardNumber: 'Número de tarjeta', expirationDate: 'Fecha de vencimiento', securityCode: 'Código de seguridad' },
  pt: { cardNumber: 'Número do cartão', expirationDate: 'Data de vencimento', securityCode: 'Código de segurança' },
  en: { cardNumber: 'Card number', expirationDate: 'Expiration date', securityCode: 'Security code' },
};

const PLACEHOLDERS: Record<SecureFieldType, string> = {
  cardNumber: '1234 1234 1234 1234',
  expirationDate: 'MM/YY',
  securityCode: '123',
};

const AUTOCOMPLETE: Record<SecureFieldType, string> = {
  cardNumber: 'cc-number',
  expirationDate: 'cc-exp',
  securityCode: 'cc-csc',
};

/** The style keys MP forwards into the iframe (others are ignored, as by the real SDK). */
const INPUT_STYLE_KEYS = [
  'color',
  'font-family',
  'font-size',
  'font-style',
  'font-variant',
  'font-weight',
  'margin',
  'padding',
  'width',
  'text-align',
] as const;

const INVALID_BORDER = '#d93025';

/** What `update({settings})` takes, per field (fields.md, "update"). */
const SETTINGS_SHAPE: Record<SecureFieldType, string> = {
  cardNumber: '{length, validation: "standard" | "none"}',
  securityCode: '{mode: "mandatory" | "optional", length: 3 | 4}',
  expirationDate: 'no settings',
};

/** What a mounted field hands to createCardToken; only this module can call it. */
interface FieldReading {
  digits: string;
  cardNumber?: CardNumberSettings;
  securityCode?: SecurityCodeSettings;
}

/** Fields created without a group share this one, page-wide. */
const DEFAULT_GROUP = '';

/** The mounted fields of each group, page-wide (v2.0.0 keeps them in the group's metadata). */
const mountedFields = new Map<string, Map<SecureFieldType, () => FieldReading>>();

function groupFields(group: string): Map<SecureFieldType, () => FieldReading> {
  let fields = mountedFields.get(group);
  if (!fields) mountedFields.set(group, (fields = new Map<SecureFieldType, () => FieldReading>()));
  return fields;
}

/**
 * Page-wide field event routing, as MercadoPago.js does it: one list for every instance; an event
 * goes to the first listener registered for its group, field type and event only.
 */
interface FieldListener {
  group: string;
  type: SecureFieldType;
  event: keyof FieldEventMap;
  callback: (data: never) => void;
}
let fieldListeners: FieldListener[] = [];

/** The events each field type accepts in `on` (v2.0.0: `default` plus `cardNumber: ["binChange"]`). */
const FIELD_EVENTS: ReadonlyArray<keyof FieldEventMap> = ['focus', 'blur', 'ready', 'validityChange', 'error', 'change', 'paste'];

function triggerFieldEvent<K extends keyof FieldEventMap>(group: string, type: SecureFieldType, event: K, data: FieldEventMap[K]): void {
  const listener = fieldListeners.find((l) => l.group === group && l.type === type && l.event === event);
  if (!listener) return;
  try {
    (listener.callback as (d: FieldEventMap[K]) => void)(data);
  } catch (error) {
    // A throwing merchant callback must not break the field; surface it without swallowing it.
    setTimeout(() => {
      throw error;
    });
  }
}

/** The settings shapes fields.md documents for `update`; anything else is ignored with a warning. */
function isCardNumberSettings(value: unknown): value is CardNumberSettings {
  const v = value as Partial<CardNumberSettings> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isInteger(v.length) &&
    v.length! >= 8 &&
    v.length! <= 19 &&
    (v.validation === 'standard' || v.validation === 'none')
  );
}

function isSecurityCodeSettings(value: unknown): value is SecurityCodeSettings {
  const v = value as Partial<SecurityCodeSettings> | null;
  return typeof v === 'object' && v !== null && (v.length === 3 || v.length === 4) && (v.mode === 'mandatory' || v.mode === 'optional');
}

interface ValidityError {
  message: string;
  cause: ValidityCause;
}

/** Expiry validity: month 01–12, not in the past, not absurdly far away (20 years like the real SDK). */
function expiryProblem(digits: string, now = new Date()): 'month' | 'year' | null {
  const month = Number(digits.slice(0, 2));
  const year = 2000 + Number(digits.slice(2, 4));
  if (month < 1 || month > 12) return 'month';
  const thisYear = now.getFullYear();
  if (year < thisYear || year > thisYear + 20) return 'year';
  if (year === thisYear && month < now.getMonth() + 1) return 'month';
  return null;
}

/** The security code is 3 digits until `update` says otherwise (fields.md). */
function cvvLength(settings: SecurityCodeSettings | undefined): number {
  return settings?.length ?? 3;
}

function createSecureField(type: SecureFieldType, options: SecureFieldOptions, language: Language): SecureField {
  const group = typeof options.group === 'string' ? options.group : DEFAULT_GROUP;
  if (groupFields(group).has(type)) throw sdkError(`[Fields] The field ${type} has already been created`);
  let placeholder = options.placeholder ?? PLACEHOLDERS[type];
  let style: SecureFieldStyle = { ...options.style };
  let numberSettings: CardNumberSettings | undefined;
  let codeSettings: SecurityCodeSettings | undefined;
  let invalid = false;
  let iframe: HTMLIFrameElement | null = null;
  let input: HTMLInputElement | null = null;
  let styleSheet: CSSStyleSheet | null = null;
  // The field's state: digits only (the expiry as MMYY); typeError when non-digits were typed.
  let digits = '';
  let typeError = false;
  let touched = false;
  let lastErrors = '[]';
  let lastBin: string | null = null;
  const reading = (): FieldReading => ({ digits, cardNumber: numberSettings, securityCode: codeSettings });

  function emit<K extends keyof FieldEventMap>(event: K, data: FieldEventMap[K]): void {
    triggerFieldEvent(group, type, event, data);
  }

  function maxDigits(): number {
    if (type === 'expirationDate') return 4;
    if (type === 'securityCode') return cvvLength(codeSettings);
    return numberSettings?.length ?? 19;
  }

  function format(value: string): string {
    if (type === 'expirationDate') return value.length > 2 ? `${value.slice(0, 2)}/${value.slice(2)}` : value;
    if (type === 'securityCode') return value;
    const amex = numberSettings ? numberSettings.length === 15 : /^3[47]/.test(value);
    const groups = amex ? [4, 6, 5] : [4, 4, 4, 4, 3];
    const parts: string[] = [];
    let rest = value;
    for (const size of groups) {
      if (!rest) break;
      parts.push(rest.slice(0, size));
      rest = rest.slice(size);
    }
    if (rest) parts.push(rest);
    return parts.join(' ');
  }

  /** The formatted maximum, so the input's maxlength accounts for the spaces and the slash. */
  const maxLength = (): number => format('0'.repeat(maxDigits())).length;

  function errors(): ValidityError[] {
    const label = FIELD_TEXT.en[type].toLowerCase();
    if (typeError) return [{ cause: 'invalid_type', message: `The ${label} accepts digits only` }];
    if (digits === '') {
      const optional = type === 'securityCode' && codeSettings?.mode === 'optional';
      // An untouched empty field is not an error yet: the buyer has not had a chance to fill it.
      return touched && !optional ? [{ cause: 'invalid_length', message: `The ${label} is empty` }] : [];
    }
    if (type === 'cardNumber') {
      const lengthOk = numberSettings ? digits.length === numberSettings.length : digits.length >= 13 && digits.length <= 19;
      if (!lengthOk) return [{ cause: 'invalid_length', message: 'The card number has an invalid length' }];
      if (numberSettings?.validation !== 'none' && !luhn(digits)) {
        return [{ cause: 'invalid_value', message: 'The card number is invalid' }];
      }
      return [];
    }
    if (type === 'expirationDate') {
      if (digits.length !== 4) return [{ cause: 'invalid_length', message: 'The expiration date must be MM/YY' }];
      const problem = expiryProblem(digits);
      return problem ? [{ cause: 'invalid_value', message: `The expiration ${problem} is invalid` }] : [];
    }
    return digits.length === cvvLength(codeSettings) ? [] : [{ cause: 'invalid_length', message: 'The security code has an invalid length' }];
  }

  /**
   * Emits validityChange on an actual change. binChange comes again with the same BIN while the
   * number is edited (strict: Mercado Pago's own sample filters repeats with `bin !== currentBin`),
   * and once with null when the BIN is lost.
   */
  function report(numberEdited = false): void {
    const current = errors();
    const key = JSON.stringify(current);
    if (key !== lastErrors) {
      lastErrors = key;
      emit('validityChange', { field: type, errorMessages: current });
    }
    if (type === 'cardNumber') {
      const bin = digits.length >= 8 ? digits.slice(0, 8) : null;
      if (bin !== lastBin || (bin !== null && numberEdited)) {
        lastBin = bin;
        emit('binChange', { field: type, bin });
      }
    }
  }

  function setDigits(next: string, nextTypeError: boolean): void {
    const changed = next !== digits;
    digits = next;
    typeError = nextTypeError;
    if (input) {
      const formatted = format(digits);
      if (input.value !== formatted) input.value = formatted;
      input.maxLength = maxLength();
    }
    if (changed) emit('change', { field: type });
    report(changed);
  }

  function onInput(): void {
    if (!input) return;
    const raw = input.value;
    const caretDigits = raw.slice(0, input.selectionStart ?? raw.length).replace(/\D/g, '').length;
    // Separators people type or paste (spaces, dashes, dots, the expiry slash) are fine; letters are not.
    const hasLetters = /[^\d\s./-]/.test(raw);
    let next = raw.replace(/\D/g, '');
    const fullYear = type === 'expirationDate' ? /^\s*(\d{1,2})\s*\/\s*(\d{4})\s*$/.exec(raw) : null;
    if (fullYear) next = fullYear[1].padStart(2, '0') + fullYear[2].slice(2);
    setDigits(next.slice(0, maxDigits()), hasLetters);
    // Reformatting moves the caret to the end; put it back after the same number of digits.
    const formatted = input.value;
    if (input.ownerDocument.activeElement === input) {
      let pos = 0;
      for (let seen = 0; pos < formatted.length && seen < caretDigits; pos++) if (/\d/.test(formatted[pos])) seen++;
      input.setSelectionRange(pos, pos);
    }
  }

  function applyStyle(): void {
    if (!input || !iframe) return;
    for (const key of INPUT_STYLE_KEYS) {
      const value = style[key];
      if (typeof value === 'string') input.style.setProperty(key, value);
    }
    iframe.style.height = typeof style.height === 'string' ? style.height : '40px';
    if (styleSheet?.cssRules.length === 0) styleSheet.insertRule('input::placeholder {}');
    const placeholderRule = styleSheet?.cssRules[0] as CSSStyleRule | undefined;
    // Set through CSSOM (not a CSS string), so a hostile value cannot inject rules.
    if (placeholderRule) placeholderRule.style.setProperty('color', style['placeholder-color'] ?? '');
  }

  function applyState(): void {
    if (!input) return;
    input.placeholder = placeholder;
    input.maxLength = maxLength();
    if (invalid) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    input.style.borderColor = invalid ? INVALID_BORDER : 'transparent';
  }

  /** Builds the iframe's document; runs after mount and after every reload (a DOM move blanks the iframe). */
  function render(): void {
    const doc = iframe?.contentDocument;
    if (!iframe || !doc || input?.ownerDocument === doc) return;
    const reloaded = input !== null;
    const html = doc.documentElement;
    const body = doc.body ?? html.appendChild(doc.createElement('body'));
    html.lang = language;
    html.style.height = '100%';
    Object.assign(body.style, { margin: '0', height: '100%', overflow: 'hidden', background: 'transparent' });
    const field = doc.createElement('input');
    field.type = 'text';
    field.setAttribute('inputmode', 'numeric');
    field.autocomplete = AUTOCOMPLETE[type] as AutoFill;
    field.spellcheck = false;
    field.setAttribute('autocorrect', 'off');
    field.setAttribute('aria-label', options.srLabel ?? FIELD_TEXT[language][type]);
    field.setAttribute('aria-required', String(options.ariaRequired ?? true));
    Object.assign(field.style, {
      boxSizing: 'border-box',
      width: '100%',
      height: '100%',
      margin: '0',
      padding: '0 8px',
      border: '1px solid transparent',
      background: 'transparent',
      color: 'inherit',
      font: '16px system-ui, sans-serif',
    });
    field.addEventListener('input', onInput);
    field.addEventListener('focus', () => emit('focus', { field: type }));
    field.addEventListener('blur', () => {
      touched = true;
      report();
      emit('blur', { field: type });
    });
    field.addEventListener('paste', () => emit('paste', { field: type }));
    body.replaceChildren(field);
    input = field;
    styleSheet = null;
    try {
      // Constructed sheets are allowed under a strict style-src; they are the only way to style ::placeholder.
      const FrameSheet = doc.defaultView?.CSSStyleSheet;
      if (FrameSheet) {
        styleSheet = new FrameSheet();
        doc.adoptedStyleSheets = [styleSheet];
      }
    } catch {
      styleSheet = null;
    }
    applyStyle();
    applyState();
    if (reloaded) {
      // The typed data died with the old document: report the field as cleared so the element's state matches.
      touched = false;
      setDigits('', false);
    }
  }

  const field: SecureField = {
    mount(containerId: string): SecureField {
      if (iframe) throw sdkError(`Field '${type}' already mounted`);
      const container = typeof containerId === 'string' && containerId ? document.getElementById(containerId) : null;
      // The real SDK swallows mount errors: a warning, no exception, and a field that never gets ready.
      if (container?.tagName !== 'DIV') {
        const why = container ? '[Fields] The container must be a div' : 'Container not found';
        console.warn(`MercadoPago.js - Error when mounting field ${String(containerId)}: ${why}`);
        return field;
      }
      const frame = document.createElement('iframe');
      frame.name = type;
      frame.title = options.srLabel ?? FIELD_TEXT[language][type];
      frame.setAttribute('frameborder', '0');
      frame.setAttribute('scrolling', 'no');
      frame.setAttribute('width', '100%');
      Object.assign(frame.style, { display: 'block', width: '100%', border: '0' });
      frame.addEventListener('load', render);
      iframe = frame;
      input = null;
      container.replaceChildren(frame);
      render();
      groupFields(group).set(type, reading);
      void networkDelay().then(() => {
        if (iframe === frame) emit('ready', { field: type });
      });
      return field;
    },

    unmount(): void {
      if (!iframe) throw sdkError(`Field '${type}' already unmounted`);
      iframe.removeEventListener('load', render);
      iframe.remove();
      iframe = null;
      input = null;
      styleSheet = null;
      // Every listener of this group and type goes, whoever registered it (v2.0.0).
      fieldListeners = fieldListeners.filter((l) => !(l.group === group && l.type === type));
      const fields = groupFields(group);
      if (fields.get(type) === reading) fields.delete(type);
      digits = '';
      typeError = false;
      touched = false;
      lastErrors = '[]';
      lastBin = null;
    },

    update(props: SecureFieldUpdate): void {
      if (!props || typeof props !== 'object') return;
      if (typeof props.placeholder === 'string') placeholder = props.placeholder;
      if (props.style && typeof props.style === 'object') style = { ...style, ...props.style };
      if (typeof props.invalid === 'boolean') invalid = props.invalid;
      if (props.settings !== undefined) {
        const next = props.settings;
        if (type === 'cardNumber' && isCardNumberSettings(next)) numberSettings = { length: next.length, validation: next.validation };
        else if (type === 'securityCode' && isSecurityCodeSettings(next)) codeSettings = { mode: next.mode, length: next.length };
        else console.warn(`MercadoPago.js - Ignoring settings for ${type}: expected ${SETTINGS_SHAPE[type]}`);
      }
      applyStyle();
      applyState();
      // New settings can shorten the allowed length (a 15-digit Amex): cut, reformat and re-check.
      setDigits(digits.slice(0, maxDigits()), typeError);
    },

    on(event, callback) {
      const allowed = type === 'cardNumber' ? [...FIELD_EVENTS, 'binChange'] : FIELD_EVENTS;
      if (!allowed.includes(event)) console.warn(`MercadoPago.js - Error when adding on function : [Fields] ${String(event)} event is not valid for ${type}`);
      else if (typeof callback !== 'function')
        console.warn(`MercadoPago.js - Error when adding on function : [Fields] You must pass a function arg for ${type}`);
      else fieldListeners.push({ group, type, event, callback });
      return field;
    },

    focus(): void {
      iframe?.contentWindow?.focus();
      input?.focus();
    },

    blur(): void {
      input?.blur();
    },
  };
  return field;
}

// ---------------------------------------------------------------- card tokens

interface TokenError {
  code: string;
  message: string;
}

function checkIdentification(site: SiteId, type: string | undefined, number: string | undefined): TokenError[] {
  // Mexico asks for no identification document.
  if (site === 'MLM') return [];
  const errors: TokenError[] = [];
  const types = identificationTypes(site);
  const idType = typeof type === 'string' ? types.find((t) => t.id === type.trim()) : undefined;
  if (typeof type !== 'string' || type.trim() === '') errors.push({ code: '212', message: 'parameter identificationType can not be null/empty' });
  else if (!idType) errors.push({ code: '322', message: 'invalid parameter identificationType' });
  const value = typeof number === 'string' ? number.replace(/[\s.-]/g, '') : '';
  if (value === '') errors.push({ code: '214', message: 'parameter identificationNumber can not be null/empty' });
  else if (idType) {
    const badChars = idType.type === 'number' ? !/^\d+$/.test(value) : !/^[\dA-Za-z]+$/.test(value);
    const badLength = value.length < idType.min_length || value.length > idType.max_length;
    if (badChars || badLength || (idType.id === 'CPF' && !validCpf(value))) {
      errors.push({ code: '324', message: 'invalid parameter identificationNumber' });
    }
  }
  return errors;
}

/** Brazil's CPF check digits; Mercado Pago rejects numbers that fail them. */
function validCpf(cpf: string): boolean {
  if (!/^\d{11}$/.test(cpf) || /^(\d)\1{10}$/.test(cpf)) return false;
  const digit = (len: number): number => {
    let sum = 0;
    for (let i = 0; i < len; i++) sum += Number(cpf[i]) * (len + 1 - i);
    return ((sum * 10) % 11) % 10;
  };
  return digit(9) === Number(cpf[9]) && digit(10) === Number(cpf[10]);
}

const NAME_PATTERN = /^[\p{L}][\p{L}\p{M}\s'.-]*$/u;

type CardTokenData = Parameters<SecureFields['createCardToken']>[0];

/** The token comes from a JSON API: its dates are ISO strings, whatever DefinitelyTyped's `Date` says. */
const jsonDate = (date: Date): Date => date.toISOString() as unknown as Date;

function tokenize(site: SiteId, publicKey: string, fields: Map<SecureFieldType, () => FieldReading>, request: CardTokenData): CardToken {
  const number = fields.get('cardNumber')?.();
  const expiry = fields.get('expirationDate')?.();
  const cvv = fields.get('securityCode')?.();
  const errors: TokenError[] = [];

  const cardDigits = number?.digits ?? '';
  // The token API judges the card by its own rules for the BIN, whatever the fields were told.
  const rules = paymentMethodsForBin(site, cardDigits.slice(0, 8))[0]?.settings[0];
  const cardSettings = rules?.card_number ?? number?.cardNumber;
  if (cardDigits === '') errors.push({ code: '205', message: 'parameter cardNumber can not be null/empty' });
  else {
    const lengthOk = cardSettings ? cardDigits.length === cardSettings.length : cardDigits.length >= 13 && cardDigits.length <= 19;
    if (!lengthOk || (cardSettings?.validation !== 'none' && !luhn(cardDigits))) {
      errors.push({ code: 'E301', message: 'invalid parameter cardNumber' });
    }
  }

  const exp = expiry?.digits ?? '';
  if (exp.length < 2) errors.push({ code: '208', message: 'parameter expirationMonth can not be null/empty' });
  if (exp.length < 4) errors.push({ code: '209', message: 'parameter expirationYear can not be null/empty' });
  if (exp.length >= 2) {
    const problem = exp.length === 4 ? expiryProblem(exp) : Number(exp.slice(0, 2)) >= 1 && Number(exp.slice(0, 2)) <= 12 ? null : 'month';
    if (problem === 'month') errors.push({ code: '325', message: 'invalid parameter expirationMonth' });
    if (problem === 'year') errors.push({ code: '326', message: 'invalid parameter expirationYear' });
  }

  const code = cvv?.digits ?? '';
  const cvvSettings = rules?.security_code ?? cvv?.securityCode;
  if (code === '' && cvvSettings?.mode !== 'optional') errors.push({ code: '224', message: 'parameter securityCode can not be null/empty' });
  else if (code !== '' && code.length !== cvvLength(cvvSettings)) {
    errors.push({ code: 'E302', message: 'invalid parameter securityCode' });
  }

  const name = typeof request?.cardholderName === 'string' ? request.cardholderName.trim() : '';
  if (name === '') errors.push({ code: '221', message: 'parameter cardholderName can not be null/empty' });
  else if (name.length > 60 || !NAME_PATTERN.test(name)) errors.push({ code: '316', message: 'invalid parameter cardholderName' });

  errors.push(...checkIdentification(site, request?.identificationType, request?.identificationNumber));
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- MercadoPago.js rejects with the array of causes, not an Error
  if (errors.length > 0) throw errors;

  const identification =
    site === 'MLM' ? undefined : { type: request.identificationType!.trim(), number: request.identificationNumber!.replace(/[\s.-]/g, '') };
  const month = Number(exp.slice(0, 2));
  const year = 2000 + Number(exp.slice(2, 4));
  const now = new Date();
  const id = encodeSandboxToken({
    cardholderName: name,
    ...(identification ? { identificationType: identification.type, identificationNumber: identification.number } : {}),
    paymentMethodId: guessBrand(cardDigits),
    firstSixDigits: cardDigits.slice(0, 6),
    lastFourDigits: cardDigits.slice(-4),
    expirationMonth: month,
    expirationYear: year,
  });
  return {
    id,
    public_key: publicKey,
    first_six_digits: cardDigits.slice(0, 6),
    last_four_digits: cardDigits.slice(-4),
    expiration_month: month,
    expiration_year: year,
    card_number_length: cardDigits.length,
    security_code_length: code.length,
    // Mexico's tokens name no document: the API sends an empty object there.
    cardholder: { name, identification: identification ?? ({} as { type: string; number: string }) },
    status: 'active',
    date_created: jsonDate(now),
    date_last_updated: jsonDate(now),
    // Card tokens live 7 days (mercadopago.md §2).
    date_due: jsonDate(new Date(now.getTime() + 7 * 24 * 3600 * 1000)),
    luhn_validation: true,
    live_mode: false,
    ...{ require_esc: false },
  };
}

// ---------------------------------------------------------------- the SDK instance

function requireBin(bin: unknown): string {
  if (typeof bin !== 'string' || !/^\d{6,19}$/.test(bin)) throw sdkError('bin must be a string of at least 6 digits');
  return bin.slice(0, 8);
}

/** The locales MercadoPago.js accepts (fields.md); any other makes the constructor throw (v2.0.0). */
const SDK_LOCALES: readonly SdkLocale[] = ['es-AR', 'es-CL', 'es-CO', 'es-MX', 'es-VE', 'es-UY', 'es-PE', 'pt-BR', 'en-US'];

/**
 * The device profile as MercadoPago.js 2.0.0 runs it: after the widget request, the widget's code in
 * a script element built from a text node (no nonce, no Trusted Types), which sets the page's
 * `MP_DEVICE_SESSION_ID`. The request never fails here; what a page's policies do to the script is
 * what the tests look at.
 */
async function runDeviceProfile(): Promise<void> {
  await networkDelay(); // POST https://api.mercadopago.com/v1/devices/widgets
  const random = crypto.getRandomValues(new Uint32Array(4));
  const sessionId = `sandbox-device-${Array.from(random, (n) => n.toString(16).padStart(8, '0')).join('')}`;
  const widget = document.createElement('script');
  widget.appendChild(document.createTextNode(`window.MP_DEVICE_SESSION_ID = ${JSON.stringify(sessionId)};`));
  document.head.appendChild(widget);
}

export class MercadoPagoDouble implements MercadoPagoInstance {
  /** The site this instance answers for (from the key or the locale). */
  readonly site: SiteId;
  readonly fields: SecureFields;

  constructor(publicKey: string, options: MercadoPagoOptions = {}) {
    if (typeof publicKey !== 'string') throw sdkError(`Type of public_key must be string. Received ${typeof publicKey}`);
    if (/\s/.test(publicKey)) throw sdkError('Your public_key is invalid, as it contains whitespaces.');
    if (publicKey === '') throw sdkError('you must provide your public key, e.g. new MercadoPago("TEST-…")');
    const locale = options?.locale;
    if (locale !== undefined && !SDK_LOCALES.includes(locale)) {
      console.warn('MercadoPago.js - Invalid options: ', [`locale ${String(locale)}: not supported`]);
      throw new Error('MercadoPago.js could not be loaded');
    }
    this.site = siteForKey(publicKey, locale);
    if (options?.advancedFraudPrevention !== false) {
      runDeviceProfile().catch((error: unknown) => console.warn('MercadoPago.js - DeviceProfile could not be loaded', error));
    }
    const language: Language = locale?.startsWith('pt') ? 'pt' : locale?.startsWith('en') ? 'en' : 'es';
    const site = this.site;
    this.fields = {
      create(type: SecureFieldType, fieldOptions: SecureFieldOptions = {}): SecureField {
        if (!(type in PLACEHOLDERS)) throw sdkError(`unknown field type "${String(type)}"`);
        return createSecureField(type, fieldOptions ?? {}, language);
      },
      async createCardToken(request: CardTokenData, options?: { group: string } | string): Promise<CardToken> {
        await networkDelay();
        const group = typeof options === 'string' ? options : typeof options?.group === 'string' ? options.group : DEFAULT_GROUP;
        const fields = groupFields(group);
        if (fields.size === 0) {
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- MercadoPago.js throws this plain object, not an Error
          throw { message: "No primary field found. Please create and mount one before calling 'createCardToken'. Ignoring call..." };
        }
        return tokenize(site, publicKey, fields, request);
      },
    };
  }

  async getIdentificationTypes(): Promise<IdentificationType[]> {
    await networkDelay();
    return identificationTypes(this.site);
  }

  async getPaymentMethods(request: { bin: string }): Promise<PaymentMethodsResponse> {
    await networkDelay();
    const results = paymentMethodsForBin(this.site, requireBin(request?.bin));
    return { paging: { total: results.length, limit: 30, offset: 0 }, results };
  }

  async getIssuers(request: { paymentMethodId: string; bin: string }): Promise<Issuer[]> {
    await networkDelay();
    const bin = requireBin(request?.bin);
    if (typeof request.paymentMethodId !== 'string' || request.paymentMethodId === '') throw sdkError('paymentMethodId is required');
    return issuersFor(this.site, request.paymentMethodId, bin);
  }

  async getInstallments(request: { amount: string; bin: string; paymentTypeId?: string }): Promise<InstallmentsOption[]> {
    await networkDelay();
    const bin = requireBin(request?.bin);
    const amount = typeof request.amount === 'string' && /^\d+(\.\d+)?$/.test(request.amount.trim()) ? Number(request.amount) : NaN;
    if (!(amount > 0)) throw sdkError('amount must be a string with a positive decimal number, e.g. "1500.50"');
    return installmentsFor(this.site, amount, bin, request.paymentTypeId);
  }
}
