/**
 * The element's whole shadow template, from a view model: what the session says (phase, message,
 * recovery), what the buyer typed, what the card lookup found, and callbacks for the buyer's input.
 * Money and text arrive formatted and translated; nothing here reads the element.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { InstallmentChoice } from '../mercadopago/financing.js';
import type { FieldErrors, FieldName, Message } from '../mercadopago/messages.js';
import type { IdentificationType, Issuer, SecureFieldType } from '../mercadopago/sdk-types.js';
import { formatPercent, SITES, type SiteId } from '../mercadopago/sites.js';
import type { FieldView } from './field.js';
import { SECURE_FIELD_SLOTS, secureField } from './secure-field.js';
import { textField, type TextFieldView } from './text-field.js';
import { identification } from './identification.js';
import { issuerSelect } from './issuer.js';
import { installmentsSelect, type FinancingView } from './financing.js';
import { banner } from './banner.js';
import { payActions } from './pay-actions.js';
import { recoveryButton, type RecoveryView } from './recovery.js';
import type { Recovery } from '../session/feedback.js';
import { challengeFrame } from './challenge.js';
import { receiptDetails, receiptHeading, type ReceiptView } from './receipt.js';
import type { Receipt } from '../session/feedback.js';

export interface CheckoutViewModel {
  idPrefix: string;
  t(keys: string | string[], vars?: Record<string, unknown>): string;
  /** The language is loaded: until then only the skeleton shows. */
  languageReady: boolean;
  /** The UI language, for number formats. */
  language: string;
  site: SiteId;
  testMode: boolean;
  loading: boolean;
  formHidden: boolean;
  /** Inputs are locked (a payment in flight, `disabled`, or the form not ready). */
  locked: boolean;
  submitting: boolean;
  message?: Message;
  /** The approved payment: a receipt replaces the form and the banner. */
  receipt?: Receipt;
  recovery?: RecoveryView;
  fieldErrors: FieldErrors;
  /** The Secure Field holding the keyboard focus: its frame draws the focus ring. */
  focusedField?: SecureFieldType;
  amount: string;
  /** The unresolved attempt the pay button repeats (its amount, method and installments), if any. */
  unresolved?: Record<string, unknown>;
  cardholderName: string;
  email?: string;
  idTypes: readonly IdentificationType[];
  /** The document types are still coming for a site that asks for a document: their row keeps its place, locked, and so does the pay button. */
  idTypesPending: boolean;
  idType: string;
  idNumber: string;
  card: {
    methodName?: string;
    /** The brand's logo URL (https), shown with the name as its text alternative. */
    methodLogo?: string;
    needsIssuer: boolean;
    issuers: readonly Issuer[];
    issuerId: string;
    choices: readonly InstallmentChoice[];
    selected?: InstallmentChoice;
    /** The options were quoted for the amount shown now. */
    quoteIsCurrent: boolean;
  };
  /** Formats an amount in the site's currency. */
  money(amount: number | undefined): string;
  /** The merchant's price-disclosure content replaces the element's (`data-replace`). */
  disclosureReplaced: boolean;
  challenge?: { url: string; creq: string };
  /** Handed on detached (to templates, as Lit listeners), so function properties rather than methods. */
  on: {
    submit: () => void;
    cardholderName: (value: string) => void;
    email: (value: string) => void;
    idType: (value: string) => void;
    idNumber: (value: string) => void;
    issuer: (value: string) => void;
    installments: (value: number) => void;
    /** A control was committed (change event), for mp-change. */
    changed: (field: FieldName) => void;
  };
}

const RECOVERY_LABELS: Record<Recovery, string> = {
  reload: 'ui.reload',
  rebuild: 'ui.retry',
  'repeat-payment': 'ui.retry',
  'check-payment': 'ui.checkAgain',
  'lookup-card': 'ui.retry',
  'another-card': 'ui.tryAnotherCard',
};

/** The button for the session's way out, labelled, running what the element does for it. */
export function recoveryView(recovery: Recovery | undefined, t: (key: string) => string, actions: Record<Recovery, () => void>): RecoveryView | undefined {
  return recovery && { label: t(RECOVERY_LABELS[recovery]), onClick: actions[recovery] };
}

/** The translated message, with configuration problems joined into its `detail`. */
export function messageText(model: Pick<CheckoutViewModel, 't'>, message: Message | undefined): string {
  if (!message) return '';
  const detail = message.parts?.map((part) => messageText(model, part)).join(' ');
  return model.t(message.keys, detail === undefined ? message.vars : { ...message.vars, detail });
}

function receiptView(model: CheckoutViewModel, receipt: Receipt | undefined): ReceiptView | undefined {
  if (!receipt) return undefined;
  const installments =
    receipt.installmentAmount === undefined
      ? model.t('installments.single', { amount: receipt.total })
      : model.t('installments.option', { count: receipt.installments, amount: receipt.installmentAmount });
  const rows = [
    { label: model.t('receipt.total'), value: receipt.total },
    { label: model.t('field.installments'), value: installments },
  ];
  if (receipt.paymentId !== undefined) rows.push({ label: model.t('receipt.operation'), value: receipt.paymentId });
  if (receipt.statementDescriptor !== undefined) rows.push({ label: model.t('receipt.statementDescriptor'), value: receipt.statementDescriptor });
  return { title: model.t([`receipt.title.${receipt.status}`, 'receipt.title.approved']), rows };
}

function fieldView(model: CheckoutViewModel, field: FieldName): FieldView {
  const error = model.fieldErrors[field];
  return {
    id: `${model.idPrefix}-${field}`,
    label: model.t(`field.${field}`),
    errorId: `${model.idPrefix}-${field}-error`,
    error: messageText(model, error),
    invalid: Boolean(error),
    disabled: model.locked,
  };
}

function secureFieldTemplate(model: CheckoutViewModel, type: SecureFieldType, wide: boolean) {
  const { methodName, methodLogo } = model.card;
  const brand = type === 'cardNumber' && methodName !== undefined ? { name: methodName, logo: methodLogo } : undefined;
  return secureField({ ...fieldView(model, type), slot: SECURE_FIELD_SLOTS[type], brand, wide, focused: model.focusedField === type });
}

function textInput(model: CheckoutViewModel, field: 'cardholderName' | 'email', value: string, onInput: (value: string) => void) {
  const input: Pick<TextFieldView, 'type' | 'autocomplete' | 'inputmode'> =
    field === 'email' ? { type: 'email', autocomplete: 'email', inputmode: 'email' } : { type: 'text', autocomplete: 'cc-name', inputmode: 'text' };
  const part = field === 'email' ? 'email' : 'cardholder-name';
  const placeholder = model.t(`placeholder.${field}`);
  return textField({ ...fieldView(model, field), ...input, field, part, placeholder, value, onInput, onChange: () => model.on.changed(field) });
}

/**
 * The pay button's words: what the buyer will be charged in all with the chosen plan (the financed
 * total and the number of installments), else the cash price. The one place that decides which
 * amount the button quotes.
 */
function payLabel(model: Pick<CheckoutViewModel, 't' | 'money' | 'amount' | 'submitting' | 'card' | 'unresolved'>): string {
  if (model.submitting) return model.t('ui.paying');
  // An attempt whose outcome is unknown is repeated as it was sent, whatever the form says now.
  if (model.unresolved) return model.t('ui.repeatPayment', model.unresolved);
  const plan = model.card.quoteIsCurrent ? model.card.selected : undefined;
  if (!plan) return model.t('ui.pay', { amount: model.amount });
  if (plan.installments === 1) return model.t('ui.pay', { amount: model.money(plan.totalAmount) });
  return model.t('ui.payInstallments', { total: model.money(plan.totalAmount), count: plan.installments, amount: model.money(plan.installmentAmount) });
}

function installmentLabel(model: CheckoutViewModel, c: InstallmentChoice): string {
  if (c.installments === 1) return model.t('installments.single', { amount: model.money(c.totalAmount) });
  const base = model.t('installments.optionTotal', { count: c.installments, amount: model.money(c.installmentAmount), total: model.money(c.totalAmount) });
  return c.interestFree ? `${base} · ${model.t('installments.interestFree')}` : base;
}

function financingView(model: CheckoutViewModel, c: InstallmentChoice, cashPrice: string): FinancingView {
  const percent = (value: number | undefined) => (value === undefined ? undefined : formatPercent(value, model.language));
  const plan =
    c.installments === 1
      ? model.t('installments.single', { amount: model.money(c.installmentAmount) })
      : model.t('financing.installments', { count: c.installments, amount: model.money(c.installmentAmount) });
  return {
    mla: model.site === 'MLA',
    installments: c.installments,
    bankMayChargeInterest: c.bankMayChargeInterest,
    labels: {
      cashPrice: model.t('financing.cashPrice'),
      financedPrice: model.t('financing.financedPrice'),
      installments: model.t('field.installments'),
      tea: { abbr: model.t('financing.tea'), name: model.t('financing.teaLong') },
      tna: { abbr: model.t('financing.tna'), name: model.t('financing.tnaLong') },
      cft: { abbr: model.t('financing.cft'), name: model.t('financing.cftLong') },
    },
    cashPrice,
    financedPrice: model.money(c.totalAmount),
    plan,
    tea: percent(c.tea),
    tna: percent(c.tna),
    cft: percent(c.cft),
    cftProminent: c.installments > 1 || (c.cft ?? 0) > 0,
    replaced: model.disclosureReplaced,
  };
}

function installmentsTemplate(model: CheckoutViewModel) {
  const { card } = model;
  const { selected } = card;
  return installmentsSelect({
    ...fieldView(model, 'installments'),
    disabled: model.locked || !card.quoteIsCurrent,
    wide: !card.needsIssuer,
    reserveFinancing: model.site === 'MLA',
    options: card.choices.map((c) => ({ installments: c.installments, label: installmentLabel(model, c), selected: c === selected })),
    bankInterestNote: selected?.bankMayChargeInterest ? model.t('installments.bankInterest') : undefined,
    financing: selected && card.quoteIsCurrent ? financingView(model, selected, model.amount) : undefined,
    onChange: model.on.installments,
  });
}

function formTemplate(model: CheckoutViewModel): TemplateResult {
  const { card, on } = model;
  return html`<form
    part="form"
    novalidate
    ?hidden=${model.formHidden}
    @submit=${(e: Event) => {
      e.preventDefault();
      on.submit();
    }}
  >
    ${secureFieldTemplate(model, 'cardNumber', true)} ${secureFieldTemplate(model, 'expirationDate', false)}
    ${secureFieldTemplate(model, 'securityCode', false)} ${textInput(model, 'cardholderName', model.cardholderName, on.cardholderName)}
    ${identification({
      types: model.idTypes,
      pending: model.idTypesPending,
      type: { ...fieldView(model, 'identificationType'), value: model.idType, onChange: on.idType },
      number: {
        ...fieldView(model, 'identificationNumber'),
        value: model.idNumber,
        placeholder: model.t('placeholder.identificationNumber'),
        onInput: on.idNumber,
        onChange: () => on.changed('identificationNumber'),
      },
    })}
    ${model.email === undefined ? nothing : textInput(model, 'email', model.email, on.email)}
    ${
      card.needsIssuer
        ? issuerSelect({
            ...fieldView(model, 'issuer'),
            // Beside the installments, in the row kept for them: a bank select never pushes the form down.
            wide: false,
            issuers: card.issuers,
            value: card.issuerId,
            placeholder: model.t('ui.selectPlaceholder'),
            onChange: on.issuer,
          })
        : nothing
    }
    ${installmentsTemplate(model)}
    ${payActions({
      label: payLabel(model),
      busy: model.submitting,
      // Ready before its document types: no payment without the document the site requires.
      disabled: model.locked || model.idTypesPending,
    })}
  </form>`;
}

export function checkoutTemplate(model: CheckoutViewModel): TemplateResult {
  const tone = model.message?.tone ?? 'info';
  const site = SITES[model.site];
  const receipt = receiptView(model, model.receipt);
  // The message sits right under the pay button, where the buyer looks after pressing it, with the
  // way out ("Use another card") next to it; the security note follows them.
  // Ready before its document types, the form still says it is loading: that is why the pay button waits.
  const loading = model.loading || model.idTypesPending;
  return html`<div part="base" aria-busy=${loading ? 'true' : 'false'}>
    ${
      // Rendered before their text arrives, in the place it will take (the first render is the final geometry).
      model.testMode ? html`<span part="test-badge" title=${model.t('ui.testModeHint')}>${model.t('ui.testMode')}</span>` : nothing
    }
    ${
      model.receipt
        ? nothing
        : banner({
            languageReady: model.languageReady,
            accepted: model.t('banner.accepted'),
            promotions: { href: site.promotionsUrl, text: model.t('banner.promotions') },
            financingCosts: { href: site.financingCostsUrl, text: model.t('banner.financingCosts') },
          })
    }
    ${formTemplate(model)}
    ${receiptHeading(receipt)}
    <div class="outcome">
      <div part="message" class="tone-${tone} ${model.message?.announceOnly ? 'announce-only' : ''}" tabindex="-1" role="status" aria-live="polite" aria-atomic="true">${messageText(model, model.message)}</div>
      ${recoveryButton(model.recovery)}
    </div>
    ${receiptDetails(receipt)}
    ${challengeFrame(model.challenge && { frameName: `${model.idPrefix}-3ds`, title: model.t('ui.challengeTitle'), ...model.challenge })}
    <p class="note notice" ?hidden=${model.formHidden}>${model.t(loading ? 'ui.loading' : 'ui.secureNotice')}</p>
  </div>`;
}
