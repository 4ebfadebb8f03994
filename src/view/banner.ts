/**
 * The promotions banner (R7: be transparent about promotions and financing costs). A merchant who
 * replaces it through the `banner` slot must keep both links.
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface BannerView {
  /** Until the language is loaded the default banner is an empty box of its final size (no empty links). */
  languageReady: boolean;
  /** "We accept", before the card brands. */
  accepted: string;
  promotions: { href: string; text: string };
  financingCosts: { href: string; text: string };
}

export function banner(view: BannerView): TemplateResult {
  return html`<div part="banner">
    <slot name="banner">
      <div class="banner-default">
        ${
          view.languageReady
            ? html`<span>${view.accepted}: Visa, Mastercard, American Express</span>
                <a href=${view.promotions.href} target="_blank" rel="noopener noreferrer">${view.promotions.text}</a>
                <a href=${view.financingCosts.href} target="_blank" rel="noopener noreferrer">${view.financingCosts.text}</a>`
            : nothing
        }
      </div>
    </slot>
  </div>`;
}
