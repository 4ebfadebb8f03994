/**
 * The site corrected after the form is built (a page builder's late attribute): Mexico asks for no
 * document, every other site does, and the document field follows the site in force.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { part, renderCheckout } from '../helpers/fixtures.js';

const typesShown = (el: HTMLElement) =>
  Array.from(el.shadowRoot!.querySelector<HTMLSelectElement>('[part~="identification-type"]')?.options ?? [], (option) => option.value);

describe('<mp-checkout> when the site changes after the form is built', () => {
  it('from Mexico to Brazil: the document types are loaded, the pay button locked until they come', async () => {
    // A Brazilian account on a page first set to Mexico; the language (and so MercadoPago.js's locale) stays.
    const { el } = await renderCheckout({ attrs: { 'public-key': 'TEST-MLB-sandbox-key', site: 'MLM' } });
    expect(part(el, 'identification-type'), 'Mexico asks for no document').to.equal(null);
    el.setAttribute('site', 'MLB');
    await el.updateComplete; // the update that sees the new site asks for the types
    await el.updateComplete;
    expect((part(el, 'submit-button') as HTMLButtonElement).disabled, 'no payment without the document').to.equal(true);
    await waitUntil(() => typesShown(el).includes('CPF'), 'the document types never came: a payment would go without the CPF', { timeout: 5000 });
    await waitUntil(() => !(part(el, 'submit-button') as HTMLButtonElement).disabled, 'the pay button stayed locked', { timeout: 5000 });
  });

  it('from Argentina to Mexico: the document field goes', async () => {
    const { el } = await renderCheckout();
    expect(typesShown(el)).to.include('DNI');
    el.setAttribute('site', 'MLM');
    await waitUntil(() => part(el, 'identification-type') === null, 'the Argentine document field stayed in a Mexican form', { timeout: 5000 });
  });
});
