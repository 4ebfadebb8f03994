// Theming reaches the Secure Fields after mount, and the dark scheme keeps every input readable,
// inside the iframes too.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { part, renderCheckout, secureFrame } from '../helpers/fixtures.js';
import { secureFieldInput } from '../helpers/type-in-field.js';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import { SECURE_FIELD_SLOTS } from '../../src/view/secure-field.js';

const SECURE_FIELDS = ['cardNumber', 'expirationDate', 'securityCode'] as const;

/** What the Secure Field shows, as MercadoPago.js applied it inside the iframe from `style`. */
function fieldInputs(el: MpCheckoutElement): HTMLInputElement[] {
  return SECURE_FIELDS.map((field) => secureFieldInput(secureFrame(el, field)));
}

/**
 * The placeholder colour the double applied from `style` (a constructed sheet inside the iframe; WebKit's
 * getComputedStyle does not resolve `::placeholder`).
 */
function placeholderColor(input: HTMLInputElement): string {
  const rule = input.ownerDocument.adoptedStyleSheets[0]?.cssRules[0] as CSSStyleRule | undefined;
  return rule?.selectorText === 'input::placeholder' ? rule.style.color : '';
}

async function allFields(el: MpCheckoutElement, check: (input: HTMLInputElement) => boolean, what: string): Promise<void> {
  await waitUntil(() => fieldInputs(el).every(check), `the Secure Fields never got ${what}`, { timeout: 3000 });
}

/** WCAG relative luminance of an `rgb()`/`rgba()` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Text against background, for the element's own inputs and for each Secure Field in its frame. */
function inputContrasts(el: MpCheckoutElement): Record<string, number> {
  const result: Record<string, number> = {};
  const name = part(el, 'cardholder-name')!;
  result.cardholderName = contrast(getComputedStyle(name).color, getComputedStyle(name).backgroundColor);
  for (const field of SECURE_FIELDS) {
    // The iframe is transparent: the field's text sits on its frame's background.
    const frameBackground = getComputedStyle(part(el, SECURE_FIELD_SLOTS[field])!).backgroundColor;
    const input = secureFieldInput(secureFrame(el, field));
    result[field] = contrast(input.style.color, frameBackground);
    result[`${field} placeholder`] = contrast(placeholderColor(input), frameBackground);
  }
  return result;
}

describe('<mp-checkout> theme: changes after mount reach the Secure Fields', () => {
  it('a custom property set on the element restyles every field (text and placeholder)', async () => {
    const { el } = await renderCheckout();
    expect(fieldInputs(el)[0].style.color).to.not.equal('rgb(1, 2, 3)');
    el.style.setProperty('--mp-input-color', 'rgb(1, 2, 3)');
    el.style.setProperty('--mp-placeholder-color', 'rgb(4, 5, 6)');
    await allFields(el, (input) => input.style.color === 'rgb(1, 2, 3)', 'the new text colour');
    await allFields(el, (input) => placeholderColor(input) === 'rgb(4, 5, 6)', 'the new placeholder colour');
  });

  it('a theme editor rewriting a stylesheet, and a class on <html>, restyle the fields', async () => {
    const sheet = await fixture<HTMLStyleElement>(html`<style></style>`);
    const { el } = await renderCheckout();
    sheet.textContent = 'mp-checkout { --mp-color: rgb(10, 20, 30); }';
    // --mp-input-color defaults to the text colour: the fields follow --mp-color.
    await allFields(el, (input) => input.style.color === 'rgb(10, 20, 30)', 'the edited stylesheet’s colour');
    sheet.textContent += '.midnight mp-checkout { --mp-input-font-size: 19px; }';
    document.documentElement.classList.add('midnight');
    try {
      await allFields(el, (input) => input.style.fontSize === '19px', 'the font size set through a class on <html>');
    } finally {
      document.documentElement.classList.remove('midnight');
    }
    await allFields(el, (input) => input.style.fontSize !== '19px', 'the font size back after the class went');
  });

  it('the properties the fields take as written (weight, height, padding) reach them from a stylesheet too', async () => {
    const sheet = await fixture<HTMLStyleElement>(html`<style></style>`);
    const { el } = await renderCheckout();
    sheet.textContent = 'mp-checkout { --mp-input-font-weight: 700; --mp-input-height: 48px; --mp-input-padding: 0 14px; }';
    await allFields(el, (input) => input.style.fontWeight === '700', 'the font weight');
    await allFields(el, (input) => input.style.padding === '0px 14px', 'the padding');
    await waitUntil(() => SECURE_FIELDS.every((field) => secureFrame(el, field).style.height === '48px'), 'the fields never got the height', { timeout: 3000 });
  });
});

// The system's preference (prefers-color-scheme) can only be emulated over CDP, i.e. in Chromium: the
// visual tests shoot it there (test/visual). Here the scheme is set on the element as a merchant
// would, which drives the same light-dark() defaults in every engine.
describe('<mp-checkout> theme: the dark scheme', () => {
  let schemeSheet: HTMLStyleElement;
  beforeEach(async () => {
    schemeSheet = await fixture<HTMLStyleElement>(html`<style></style>`);
  });
  const scheme = (value: 'light' | 'dark') => (schemeSheet.textContent = `mp-checkout { color-scheme: ${value}; }`);

  it('turning dark after mount gives a dark box whose inputs, Secure Fields included, stay readable', async () => {
    scheme('light');
    const { el } = await renderCheckout();
    const lightText = fieldInputs(el)[0].style.color;
    expect(luminance(getComputedStyle(part(el, 'base')!).backgroundColor)).to.be.greaterThan(0.9);
    for (const [input, ratio] of Object.entries(inputContrasts(el))) expect(ratio, `light: ${input}`).to.be.at.least(4.5);
    scheme('dark');
    expect(luminance(getComputedStyle(part(el, 'base')!).backgroundColor), 'the box').to.be.lessThan(0.05);
    // The fields were created in the light scheme: the switch itself must reach them.
    await allFields(el, (input) => input.style.color !== lightText, 'the dark scheme’s text colour');
    for (const [input, ratio] of Object.entries(inputContrasts(el))) expect(ratio, `dark: ${input}`).to.be.at.least(4.5);
  });

  it('fields created in the dark scheme are readable from the start', async () => {
    scheme('dark');
    const { el } = await renderCheckout();
    await allFields(el, (input) => luminance(input.style.color) > 0.5, 'light text');
    for (const [input, ratio] of Object.entries(inputContrasts(el))) expect(ratio, input).to.be.at.least(4.5);
  });

  it('a merchant colour wins in the dark scheme', async () => {
    scheme('dark');
    const { el } = await renderCheckout();
    el.style.setProperty('--mp-background', 'rgb(250, 240, 230)');
    el.style.setProperty('--mp-color', 'rgb(40, 30, 20)');
    el.style.setProperty('--mp-input-background', 'rgb(255, 255, 255)');
    expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(250, 240, 230)');
    await allFields(el, (input) => input.style.color === 'rgb(40, 30, 20)', 'the merchant’s colour');
  });
});
