/**
 * The receipt that takes the form's place once a payment is approved: a heading the buyer cannot
 * miss, then (after the result message) what was paid, in how many installments, the operation
 * number to quote to the seller and the name on the card statement.
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface ReceiptView {
  title: string;
  /** Label and value pairs, in reading order. */
  rows: ReadonlyArray<{ label: string; value: string }>;
}

/** A check mark in a circle: decoration only, the heading says it in words. */
const successIcon = html`<svg class="receipt-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
  <circle cx="12" cy="12" r="11" fill="currentColor" />
  <path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

export function receiptHeading(view: ReceiptView | undefined): TemplateResult | typeof nothing {
  if (!view) return nothing;
  return html`<h2 class="receipt-title">${successIcon}<span>${view.title}</span></h2>`;
}

export function receiptDetails(view: ReceiptView | undefined): TemplateResult | typeof nothing {
  if (!view) return nothing;
  // Classes, not parts: PRODUCT.md §6 lists the public parts, and the receipt is not one (yet).
  return html`<dl class="receipt">
    ${view.rows.map((row) => html`<dt>${row.label}</dt><dd>${row.value}</dd>`)}
  </dl>`;
}
