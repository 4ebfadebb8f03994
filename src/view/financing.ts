/**
 * The installments select and, under it, the financing block of the selected plan: what the
 * buyer pays in total and at what rates. In Argentina the block follows Resolution E 51/2017.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ariaInvalid, fieldError, type FieldView } from './field.js';

export interface InstallmentsView extends FieldView {
  options: ReadonlyArray<{ installments: number; label: string; selected: boolean }>;
  /** Across the form, or one column when the bank select stands beside it. */
  wide: boolean;
  /** Keep the financing block's place from the first render (Argentina always shows it once quoted). */
  reserveFinancing: boolean;
  /** Said under the select when the buyer's bank, not Mercado Pago, sets the selected plan's interest. */
  bankInterestNote?: string;
  /** The selected plan's costs; absent while no plan is quoted for the amount shown. */
  financing?: FinancingView;
  onChange: (installments: number) => void;
}

export interface FinancingView {
  /** Argentina (MLA), where Resolution E 51/2017 applies. */
  mla: boolean;
  installments: number;
  /** The issuer, not Mercado Pago, sets the interest, so there is no financed total to state. */
  bankMayChargeInterest: boolean;
  labels: { cashPrice: string; financedPrice: string; installments: string; tea: RateName; tna: RateName; cft: RateName };
  cashPrice: string;
  financedPrice: string;
  /** The plan in words: "6 installments of $ 296.37", "1 payment of $ 1,500.50". */
  plan: string;
  /** The rates, formatted; absent when the plan does not state them. */
  tea?: string;
  tna?: string;
  cft?: string;
  /**
   * The CFT stands out (bold, highlighted; in Argentina also 2.25× the TEA): for a financed plan,
   * or any cost above 0 %. A 0 % CFT on a single payment is plain data and must not read as an error.
   */
  cftProminent: boolean;
  /** The merchant's `price-disclosure` content replaces this block (`data-replace`); else it adds to it. */
  replaced: boolean;
}

/** A rate's abbreviation as the disclosure prints it ("CFT") and its full name ("Total financial cost"). */
export interface RateName {
  abbr: string;
  name: string;
}

/**
 * The abbreviation is what the eye reads, with its full name as a tooltip; a screen reader reads
 * the full name instead (the abbreviation is hidden from it, so nothing is read twice).
 */
function rateTerm(rate: RateName): TemplateResult {
  return html`<abbr title=${rate.name}><span aria-hidden="true">${rate.abbr}</span><span class="visually-hidden">${rate.name}</span></abbr>`;
}

/**
 * Before the card is looked up the field already stands in its place: its label over an empty box
 * of the select's size (no control: nothing can be chosen yet), so the options fill in without
 * moving the form. The financing block is a grid row of its own, so a bank select can share the
 * field's row without squeezing it.
 */
export function installmentsSelect(view: InstallmentsView): TemplateResult {
  const field = view.options.length
    ? html`<label part="field-label" for=${view.id}>${view.label}</label>
        <select part="installments" id=${view.id} data-field="installments" ?disabled=${view.disabled}
          aria-invalid=${ariaInvalid(view)} aria-describedby=${view.errorId}
          @change=${(e: Event) => view.onChange(Number((e.target as HTMLSelectElement).value))}>
          ${view.options.map((o) => html`<option value=${o.installments} ?selected=${o.selected}>${o.label}</option>`)}
        </select>
        ${view.bankInterestNote !== undefined ? html`<p class="note">${view.bankInterestNote}</p>` : nothing}`
    : html`<span part="field-label">${view.label}</span>
        <div class="control-space" aria-hidden="true"></div>`;
  const financing = view.financing ? financingBlock(view.financing) : nothing;
  return html`<div part="field" class=${view.wide ? 'wide' : ''}>${field} ${fieldError(view)}</div>
    ${financing === nothing && view.reserveFinancing ? html`<div class="wide financing-space" aria-hidden="true"></div>` : financing}`;
}

function financingBlock(view: FinancingView): TemplateResult | typeof nothing {
  if (view.installments <= 1 && !view.mla) return nothing;
  const { labels } = view;
  // Argentina always shows TEA and CFT (Resolution E 51/2017); elsewhere only rates that are known,
  // and no financed total when the issuer, not Mercado Pago, sets the interest.
  const showRates = view.mla || view.tea !== undefined || view.cft !== undefined;
  const cftClass = view.cftProminent ? 'prominent' : 'calm';
  return html`<div part="financing" class=${view.mla ? 'wide mla' : 'wide'}>
    ${
      view.replaced
        ? nothing
        : html`<dl>
        <dt>${labels.cashPrice}</dt><dd>${view.cashPrice}</dd>
        ${view.bankMayChargeInterest ? nothing : html`<dt>${labels.financedPrice}</dt><dd>${view.financedPrice}</dd>`}
        <dt>${labels.installments}</dt><dd>${view.plan}</dd>
        ${showRates ? html`<dt>${rateTerm(labels.tea)}</dt><dd part="tea">${view.tea ?? '—'}</dd>` : nothing}
        ${view.tna !== undefined ? html`<dt>${rateTerm(labels.tna)}</dt><dd>${view.tna}</dd>` : nothing}
        ${showRates ? html`<dt part="cft" class=${cftClass}>${rateTerm(labels.cft)}</dt><dd part="cft" class=${cftClass}>${view.cft ?? '—'}</dd>` : nothing}
      </dl>`
    }
    <slot name="price-disclosure"></slot>
  </div>`;
}
