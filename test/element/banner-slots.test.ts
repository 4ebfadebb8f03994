/**
 * The promotions banner per site (links to the site's promotions and financing-costs pages, opened
 * safely), and the merchant's slots: `banner` replaces the default banner, `price-disclosure` adds to
 * (or, with data-replace, replaces) the disclosure and shows
 * inside the financing block, `terms` sits right before the pay button.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import { SITES, type SiteId } from '../../src/mercadopago/sites.js';
import { fillCard, part, renderCheckout, typeInto } from '../helpers/fixtures.js';

const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

const CARDS: Record<SiteId, { number: string; idNumber: string }> = {
  MLA: { number: '4509953566233704', idNumber: '12345678' },
  MLB: { number: '4235647728025682', idNumber: '12345678909' },
  MLM: { number: '4075595716483764', idNumber: '' },
  MLC: { number: '4168818844447115', idNumber: '123456789' },
  MCO: { number: '4013540682746260', idNumber: '123456789' },
  MPE: { number: '4009175332806176', idNumber: '123456789' },
  MLU: { number: '4509953566233704', idNumber: '123456789' },
};
const AMOUNT: Record<SiteId, string> = { MLA: '10000', MLB: '500', MLM: '5000', MLC: '30000', MCO: '150000', MPE: '500', MLU: '5000' };

function checkout(site: SiteId) {
  return renderCheckout({ attrs: { site, locale: SITES[site].locale, amount: AMOUNT[site], 'public-key': `TEST-${site}-sandbox-key` } });
}

function isRendered(node: Element): boolean {
  return node.getClientRects().length > 0 && getComputedStyle(node).visibility !== 'hidden';
}

/** Links the buyer can see and click inside the element's banner. */
function visibleBannerLinks(el: MpCheckoutElement): HTMLAnchorElement[] {
  const banner = part(el, 'banner');
  if (!banner) throw new Error('no banner');
  return Array.from(banner.querySelectorAll('a')).filter(isRendered);
}

function slotNamed(el: MpCheckoutElement, name: string): HTMLSlotElement | null {
  return el.shadowRoot!.querySelector<HTMLSlotElement>(`slot[name="${name}"]`);
}

async function addSlotted(el: MpCheckoutElement, slot: string, text: string, tag = 'div'): Promise<HTMLElement> {
  const child = document.createElement(tag);
  child.slot = slot;
  child.textContent = text;
  if (child instanceof HTMLAnchorElement) child.href = '/terms';
  el.append(child);
  await el.updateComplete;
  return child;
}

for (const site of Object.keys(SITES) as SiteId[]) {
  describe(`<mp-checkout> banner and slots: ${site} (${SITES[site].locale})`, () => {
    it('the banner links to the site’s promotions and financing-costs pages, with text, opened safely', async () => {
      const { el } = await checkout(site);
      const links = visibleBannerLinks(el);
      const hrefs = links.map((a) => a.href);
      expect(hrefs, 'promotions page').to.include(SITES[site].promotionsUrl);
      expect(hrefs, 'financing-costs page').to.include(SITES[site].financingCostsUrl);
      expect(
        links.every((a) => a.href.startsWith('https://')),
        'https only',
      ).to.equal(true);
      for (const link of links) {
        expect(norm(link.textContent).length, `${link.href} has accessible text`).to.be.greaterThan(2);
        expect(link.getAttribute('aria-hidden'), `${link.href} is not hidden from assistive tech`).not.to.equal('true');
        if (link.target === '_blank') {
          const rel = (link.getAttribute('rel') ?? '').split(/\s+/);
          expect(rel, `${link.href} opens with rel noopener`).to.include('noopener');
        }
      }
      const promotions = links.find((a) => a.href === SITES[site].promotionsUrl)!;
      const costs = links.find((a) => a.href === SITES[site].financingCostsUrl)!;
      expect(norm(promotions.textContent), 'the two links say different things').not.to.equal(norm(costs.textContent));
      expect(norm(part(el, 'banner')!.textContent), 'accepted payment methods').to.match(/Visa/);
    });

    it('a slot="banner" child replaces the default banner', async () => {
      const { el } = await checkout(site);
      const custom = await addSlotted(el, 'banner', 'Hasta 12 cuotas con tu banco');
      const slot = slotNamed(el, 'banner');
      expect(slot, 'a banner slot').to.exist;
      await waitUntil(() => slot!.assignedNodes().includes(custom), 'the merchant banner was never assigned');
      expect(custom.assignedSlot, 'assigned to the banner slot').to.equal(slot);
      expect(slot!.closest('[part~="banner"]'), 'the slot sits in the banner part').to.equal(part(el, 'banner'));
      expect(isRendered(custom), 'the merchant banner is shown').to.equal(true);
      expect(visibleBannerLinks(el), 'the default links are gone').to.have.length(0);
      const defaultsShown = Array.from(part(el, 'banner')!.querySelectorAll('a')).filter(isRendered);
      expect(defaultsShown.map((a) => a.href)).not.to.include(SITES[site].promotionsUrl);

      custom.remove();
      await waitUntil(() => visibleBannerLinks(el).length === 2, 'the default banner never came back');
    });

    it('the terms slot is rendered right before the pay button, in the same actions container', async () => {
      const { el } = await checkout(site);
      const terms = await addSlotted(el, 'terms', 'Términos y condiciones', 'a');
      const slot = slotNamed(el, 'terms');
      expect(slot, 'a terms slot').to.exist;
      await waitUntil(() => slot!.assignedNodes().includes(terms), 'the terms link was never assigned');
      const button = part(el, 'submit-button')!;
      expect(slot!.parentElement, 'terms and the pay button share one container').to.equal(button.parentElement);
      expect(slot!.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING, 'terms come before the button').to.not.equal(0);
      expect(isRendered(terms), 'the terms link is shown').to.equal(true);
      const termsBox = terms.getBoundingClientRect();
      const buttonBox = button.getBoundingClientRect();
      expect(termsBox.top, 'drawn before the button').to.be.at.most(buttonBox.top);
      expect(buttonBox.top - termsBox.bottom, 'next to the button').to.be.lessThan(48);
    });
  });
}

describe('<mp-checkout> price-disclosure slot', () => {
  const cases: Array<{ site: SiteId; installments: number }> = [
    { site: 'MLA', installments: 6 },
    { site: 'MLB', installments: 3 },
    { site: 'MLM', installments: 12 },
  ];
  for (const c of cases) {
    it(`${c.site}: a slot="price-disclosure" child appears inside the financing block`, async () => {
      const { el } = await checkout(c.site);
      const disclosure = await addSlotted(el, 'price-disclosure', 'CFT informado por el comercio');
      await fillCard(el, { number: CARDS[c.site].number, idNumber: CARDS[c.site].idNumber });
      const select = part(el, 'installments') as HTMLSelectElement;
      typeInto(select, String(c.installments));
      await el.updateComplete;
      expect(select.value).to.equal(String(c.installments));
      const block = part(el, 'financing');
      expect(block, 'a financing block for a financed plan').to.exist;
      await waitUntil(() => disclosure.assignedSlot !== null, 'the disclosure was never assigned to a slot');
      expect(disclosure.assignedSlot!.closest('[part~="financing"]'), 'its slot is inside the financing block').to.equal(block);
      expect(isRendered(disclosure), 'the disclosure is shown').to.equal(true);
      const inner = disclosure.getBoundingClientRect();
      const outer = block!.getBoundingClientRect();
      expect(
        inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1 && inner.left >= outer.left - 1 && inner.right <= outer.right + 1,
        'drawn inside the block',
      ).to.equal(true);
    });
  }

  it("MLA: slotted content adds to the element's disclosure; with data-replace it replaces it", async () => {
    const { el } = await checkout('MLA');
    const added = await addSlotted(el, 'price-disclosure', 'Precios publicados por el comercio');
    await fillCard(el, { number: CARDS.MLA.number, idNumber: CARDS.MLA.idNumber });
    typeInto(part(el, 'installments') as HTMLSelectElement, '6');
    await el.updateComplete;
    const block = () => part(el, 'financing')!;
    await waitUntil(() => added.assignedSlot !== null, 'never assigned');
    expect(isRendered(added), 'the merchant text is shown').to.equal(true);
    expect(block().querySelector('[part~="cft"]'), "and so are the element's own CFT and TEA").to.exist;
    expect(el.audit().find((e) => e.id === 'R8')?.ok).to.equal(true);

    added.setAttribute('data-replace', '');
    await waitUntil(() => !block().querySelector('[part~="cft"]'), 'data-replace did not replace the default disclosure');
    expect(isRendered(added)).to.equal(true);
    expect(el.audit().find((e) => e.id === 'R8')?.ok, 'a replacement with text still discloses').to.equal(true);

    added.textContent = '';
    await el.updateComplete;
    expect(el.audit().find((e) => e.id === 'R8')?.ok, 'an empty replacement hides the disclosure').to.equal(false);
  });
});
