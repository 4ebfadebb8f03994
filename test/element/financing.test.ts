/**
 * Installments and the financing disclosure as the buyer sees them: option labels, the financing
 * block (Argentina's Resolution E 51/2017: CFT next to the other values, bold, highlighted, same
 * font, ≥ 2.25× the TEA's size), "interest-free" wording per site, the installment range, an amount
 * change, and what the merchant's server receives. Expected values come from the sandbox catalog,
 * the same data MercadoPago.js (the double) answers with.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import { installmentsFor, type SiteId } from '../../sandbox/catalog.js';
import type { PayerCost as SdkPayerCost } from '../../src/mercadopago/sdk-types.js';

/** The sandbox fills every field the Installments API may leave out. */
type PayerCost = Required<SdkPayerCost>;
import { fillCard, merchantRequests, messageText, pay, part, renderCheckout, typeInto } from '../helpers/fixtures.js';

const MLA_VISA = '4509953566233704';

/** Whitespace (including the no-break spaces Intl puts in money) collapsed to one space. */
const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

function money(amount: number, locale: string, currency: string, decimals = 2): string {
  return norm(new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(amount));
}
const ars = (amount: number) => money(amount, 'es-AR', 'ARS');

/** `CFT_104,54%|TEA_81,20%` → { CFT: '104,54', TEA: '81,20' } (the sandbox writes comma decimals). */
function labelRates(cost: PayerCost): Record<string, string> {
  const rates: Record<string, string> = {};
  for (const label of cost.labels ?? []) {
    for (const piece of label.split('|')) {
      const m = /^(CFT|TEA|TNA)_([\d.,]+)%$/.exec(piece);
      if (m) rates[m[1]] = m[2];
    }
  }
  return rates;
}

function catalog(site: SiteId, amount: number, bin: string): PayerCost[] {
  return installmentsFor(site, amount, bin.slice(0, 8))[0].payer_costs as PayerCost[];
}

function installmentsSelect(el: MpCheckoutElement): HTMLSelectElement {
  const select = part(el, 'installments') as HTMLSelectElement | null;
  if (!select) throw new Error('no installments select');
  return select;
}

function optionTexts(el: MpCheckoutElement): Record<number, string> {
  const texts: Record<number, string> = {};
  for (const option of Array.from(installmentsSelect(el).options)) texts[Number(option.value)] = norm(option.textContent);
  return texts;
}

async function choose(el: MpCheckoutElement, count: number): Promise<void> {
  typeInto(installmentsSelect(el), String(count));
  await el.updateComplete;
  expect(installmentsSelect(el).value, `the select shows ${count}`).to.equal(String(count));
}

function financing(el: MpCheckoutElement): HTMLElement {
  const block = part(el, 'financing');
  if (!block) throw new Error('no financing block');
  return block;
}

/** The CFT / TEA value (not its label): the element of that part whose text is a percentage. */
function rateValue(el: MpCheckoutElement, name: 'cft' | 'tea'): HTMLElement {
  const found = Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)).find((n) => /\d\s*%/.test(n.textContent ?? ''));
  if (!found) throw new Error(`no ${name} value shown`);
  return found;
}

/** Every text the element renders in its shadow root, option labels included. */
function allText(el: MpCheckoutElement): string {
  return norm(el.shadowRoot!.textContent);
}

function isRendered(node: Element): boolean {
  return node.getClientRects().length > 0 && getComputedStyle(node).visibility !== 'hidden';
}

function within(inner: DOMRect, outer: DOMRect): boolean {
  return inner.left >= outer.left - 1 && inner.right <= outer.right + 1 && inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;
}

/** Waits for the select to offer exactly `counts` and each option to carry its installment amount. */
async function waitForOptions(el: MpCheckoutElement, costs: PayerCost[], format: (n: number) => string): Promise<void> {
  await waitUntil(
    () => {
      const texts = optionTexts(el);
      const counts = Object.keys(texts).map(Number);
      return counts.length === costs.length && costs.every((c) => texts[c.installments]?.includes(format(c.installment_amount)));
    },
    'the installment options never matched the catalog',
    { timeout: 5000 },
  );
}

describe('<mp-checkout> financing: Argentina (MLA, es-AR)', () => {
  const amount = 10000;
  const costs = catalog('MLA', amount, MLA_VISA);
  const six = costs.find((c) => c.installments === 6)!;
  const three = costs.find((c) => c.installments === 3)!;

  async function mla(attrs: Record<string, string> = {}) {
    const rendered = await renderCheckout({ attrs: { locale: 'es-AR', site: 'MLA', amount: String(amount), ...attrs } });
    await fillCard(rendered.el);
    return rendered;
  }

  it('each option shows count × installment amount and the total', async () => {
    const { el } = await mla();
    await waitForOptions(el, costs, ars);
    const texts = optionTexts(el);
    expect(Object.keys(texts).map(Number)).to.deep.equal(costs.map((c) => c.installments));
    for (const cost of costs) {
      const text = texts[cost.installments];
      expect(text, `option ${cost.installments}: count`).to.match(new RegExp(`(^|\\D)${cost.installments}(\\D|$)`));
      expect(text, `option ${cost.installments}: installment amount`).to.contain(ars(cost.installment_amount));
      expect(text, `option ${cost.installments}: total`).to.contain(ars(cost.total_amount));
    }
  });

  it('6 installments: the financing block shows cash price, financed total, 6 × amount, TEA and CFT as the labels say', async () => {
    const { el } = await mla();
    await choose(el, 6);
    const block = financing(el);
    const text = norm(block.textContent);
    const rates = labelRates(six);
    expect(rates.CFT, 'the sandbox labels a CFT').to.match(/^\d+,\d{2}$/);
    expect(text, 'cash price').to.contain(ars(amount));
    expect(text, 'total financed price').to.contain(ars(six.total_amount));
    expect(text, 'number and amount of installments').to.contain(`6 cuotas de ${ars(six.installment_amount)}`);
    expect(norm(rateValue(el, 'tea').textContent), 'TEA, es-AR comma decimals').to.match(new RegExp(`^${rates.TEA}\\s?%$`));
    expect(norm(rateValue(el, 'cft').textContent), 'CFT, es-AR comma decimals').to.match(new RegExp(`^${rates.CFT}\\s?%$`));
    expect(text, 'TNA, labelled on this plan').to.contain(rates.TNA);
    expect(isRendered(block), 'the block is visible').to.equal(true);
  });

  it('Resolution E 51/2017: the CFT is ≥ 2.25× the TEA, bold, highlighted, same font, in the same block as the other values', async () => {
    const { el } = await mla();
    await choose(el, 6);
    const block = financing(el);
    const cft = rateValue(el, 'cft');
    const tea = rateValue(el, 'tea');
    const cftStyle = getComputedStyle(cft);
    const teaStyle = getComputedStyle(tea);

    const ratio = parseFloat(cftStyle.fontSize) / parseFloat(teaStyle.fontSize);
    expect(ratio, `CFT ${cftStyle.fontSize} vs TEA ${teaStyle.fontSize}`).to.be.at.least(2.25);
    expect(ratio * ratio, 'glyph area ≥ 5× the TEA').to.be.at.least(5);
    expect(Number(cftStyle.fontWeight), 'CFT is bold').to.be.at.least(700);
    expect(cftStyle.fontFamily, 'CFT in the same font as the TEA').to.equal(teaStyle.fontFamily);
    expect(cftStyle.color, 'CFT colour differs from the block text').not.to.equal(getComputedStyle(block).color);
    expect(cftStyle.color, 'CFT colour differs from the TEA').not.to.equal(teaStyle.color);

    // Contiguous: CFT, TEA, cash price, total and installments in one financing block, on screen inside it.
    expect(cft.closest('[part~="financing"]'), 'CFT inside the financing block').to.equal(block);
    expect(tea.closest('[part~="financing"]'), 'TEA inside the financing block').to.equal(block);
    const text = norm(block.textContent);
    for (const value of [ars(amount), ars(six.total_amount), ars(six.installment_amount)]) expect(text).to.contain(value);
    expect(isRendered(cft), 'CFT visible').to.equal(true);
    const blockBox = block.getBoundingClientRect();
    expect(within(cft.getBoundingClientRect(), blockBox), 'CFT drawn inside the block').to.equal(true);
    expect(within(tea.getBoundingClientRect(), blockBox), 'TEA drawn inside the block').to.equal(true);
  });

  it('1 payment (the default): the block reads in the singular and shows CFT 0,00%', async () => {
    const { el } = await mla();
    expect(installmentsSelect(el).value).to.equal('1');
    const text = norm(financing(el).textContent);
    expect(text, 'cash price').to.contain(ars(amount));
    expect(text, 'no "1 cuotas"').not.to.match(/(^|\D)1 cuotas\b/);
    expect(norm(rateValue(el, 'cft').textContent)).to.match(/^0,00\s?%$/);
  });

  it('the interest-free 3x option shows CFT and TEA 0,00% too', async () => {
    const { el } = await mla();
    await choose(el, 3);
    const text = norm(financing(el).textContent);
    expect(text).to.contain(`3 cuotas de ${ars(three.installment_amount)}`);
    expect(text).to.contain(ars(three.total_amount));
    expect(norm(rateValue(el, 'cft').textContent)).to.match(/^0,00\s?%$/);
    expect(norm(rateValue(el, 'tea').textContent)).to.match(/^0,00\s?%$/);
    expect(parseFloat(getComputedStyle(rateValue(el, 'cft')).fontSize)).to.be.at.least(2.25 * parseFloat(getComputedStyle(rateValue(el, 'tea')).fontSize));
  });

  it('never says "sin interés" about a plan with interest', async () => {
    const { el } = await mla();
    await choose(el, 6);
    expect(six.installment_rate).to.be.greaterThan(0);
    const sinInteres = /sin inter[eé]s/i;
    expect(norm(financing(el).textContent), 'financing block').not.to.match(sinInteres);
    const texts = optionTexts(el);
    for (const cost of costs) {
      // Only a plan whose total is the cash price may be called interest-free.
      const genuinelyFree = cost.installments > 1 && cost.installment_rate === 0 && cost.total_amount <= amount;
      if (!genuinelyFree) expect(texts[cost.installments], `option ${cost.installments}`).not.to.match(sinInteres);
    }
    // Everything else the element shows, outside the genuinely interest-free option labels.
    const select = installmentsSelect(el);
    const freeLabels = Array.from(select.options)
      .filter((o) => costs.some((c) => String(c.installments) === o.value && c.installments > 1 && c.installment_rate === 0 && c.total_amount <= amount))
      .map((o) => norm(o.textContent));
    let rest = allText(el);
    for (const label of freeLabels) rest = rest.replace(label, '');
    expect(rest, 'the rest of the element').not.to.match(sinInteres);
  });

  it('with only financed plans offered (min-installments 6), no "sin interés" anywhere in the element', async () => {
    const { el } = await mla({ 'min-installments': '6' });
    await waitUntil(() => Object.keys(optionTexts(el)).length > 0);
    expect(installmentsSelect(el).value).to.equal('6');
    expect(allText(el)).not.to.match(/sin inter[eé]s/i);
    expect(norm(rateValue(el, 'cft').textContent)).to.match(new RegExp(`^${labelRates(six).CFT}\\s?%$`));
  });

  it('min-installments and max-installments restrict the options, also when changed later', async () => {
    const { el } = await mla({ 'min-installments': '3', 'max-installments': '9' });
    await waitUntil(() => Object.keys(optionTexts(el)).join() === '3,6,9', `options: ${Object.keys(optionTexts(el)).join()}`);
    el.setAttribute('max-installments', '6');
    await waitUntil(() => Object.keys(optionTexts(el)).join() === '3,6', 'max-installments 6 never applied', { timeout: 5000 });
    el.setAttribute('min-installments', '1');
    el.setAttribute('max-installments', '12');
    await waitUntil(() => Object.keys(optionTexts(el)).join() === '1,3,6,9,12', 'widening the range never applied', { timeout: 5000 });
  });

  it('changing amount re-fetches the options, keeps 6 installments, and the POST carries them', async () => {
    const { el, logId } = await mla();
    await choose(el, 6);
    const newAmount = 20000;
    const newCosts = catalog('MLA', newAmount, MLA_VISA);
    const newSix = newCosts.find((c) => c.installments === 6)!;
    el.setAttribute('amount', String(newAmount));
    await waitForOptions(el, newCosts, ars);
    await el.updateComplete;
    expect(installmentsSelect(el).value, 'the buyer’s 6 installments are kept').to.equal('6');
    const text = norm(financing(el).textContent);
    expect(text, 'new cash price').to.contain(ars(newAmount));
    expect(text, 'new financed total').to.contain(ars(newSix.total_amount));
    expect(text, 'new installment amount').to.contain(`6 cuotas de ${ars(newSix.installment_amount)}`);

    const event = await pay(el);
    expect(event.detail.status).to.equal('approved');
    const [request] = await merchantRequests(logId);
    expect(request.body.installments).to.equal(6);
    expect(request.body.payment_method_option_id).to.equal(newSix.payment_method_option_id);
    expect(request.body.transaction_amount).to.equal(newAmount);
  });

  it('while the options for a new amount load, the block never pairs the new cash price with the old plan', async () => {
    const { el } = await mla();
    await choose(el, 6);
    const newAmount = 20000;
    const newSix = catalog('MLA', newAmount, MLA_VISA).find((c) => c.installments === 6)!;
    // A slow network: MercadoPago.js answers getInstallments only when the test says so.
    const sdk = (window as unknown as { MercadoPago: { prototype: { getInstallments: (...args: unknown[]) => Promise<unknown> } } }).MercadoPago.prototype;
    const original = sdk.getInstallments;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    sdk.getInstallments = async function (this: unknown, ...args: unknown[]) {
      await gate;
      return original.apply(this, args);
    };
    try {
      el.setAttribute('amount', String(newAmount));
      await el.updateComplete;
      const text = norm(part(el, 'financing')?.textContent);
      const mixed = text.includes(ars(newAmount)) && (text.includes(ars(six.total_amount)) || text.includes(ars(six.installment_amount)));
      expect(mixed, `while loading, the block says: "${text}"`).to.equal(false);
    } finally {
      release();
      sdk.getInstallments = original;
    }
    await waitUntil(() => norm(part(el, 'financing')?.textContent).includes(ars(newSix.total_amount)), 'the new plan never showed', { timeout: 5000 });
    expect(installmentsSelect(el).value).to.equal('6');
  });

  it('when an amount change drops the chosen count, what is shown is what is sent', async () => {
    const { el, logId } = await mla();
    await choose(el, 12);
    const newAmount = 10; // the sandbox offers no 12 installments under 12 pesos
    const newCosts = catalog('MLA', newAmount, MLA_VISA);
    expect(newCosts.map((c) => c.installments)).not.to.include(12);
    el.setAttribute('amount', String(newAmount));
    await waitForOptions(el, newCosts, ars);
    await el.updateComplete;
    const shown = Number(installmentsSelect(el).value);
    const cost = newCosts.find((c) => c.installments === shown);
    expect(cost, `the select shows an offered count (${shown})`).to.exist;
    expect(installmentsSelect(el).selectedOptions[0]?.value).to.equal(String(shown));
    expect(norm(financing(el).textContent)).to.contain(ars(cost!.total_amount));

    await pay(el);
    const [request] = await merchantRequests(logId);
    expect(request.body.installments, 'installments sent = installments shown').to.equal(shown);
    expect(request.body.payment_method_option_id).to.equal(cost!.payment_method_option_id);
    expect(request.body.transaction_amount).to.equal(newAmount);
  });

  it('the chosen plan reaches the POST as installments and payment_method_option_id', async () => {
    const { el, logId } = await mla();
    await choose(el, 9);
    const nine = costs.find((c) => c.installments === 9)!;
    await pay(el);
    await waitUntil(() => messageText(el) !== '');
    const requests = await merchantRequests(logId);
    expect(requests).to.have.length(1);
    expect(requests[0].body.installments).to.equal(9);
    expect(requests[0].body.payment_method_option_id).to.equal(nine.payment_method_option_id);
  });
});

describe('<mp-checkout> financing: issuer-financed plans (MLC, MCO, MPE)', () => {
  const cases: Array<{ site: SiteId; locale: string; amount: number; card: string; currency: string; decimals: number }> = [
    { site: 'MLC', locale: 'es-CL', amount: 30000, card: '4168818844447115', currency: 'CLP', decimals: 0 },
    { site: 'MCO', locale: 'es-CO', amount: 150000, card: '4013540682746260', currency: 'COP', decimals: 0 },
    { site: 'MPE', locale: 'es-PE', amount: 500, card: '4009175332806176', currency: 'PEN', decimals: 2 },
  ];
  for (const c of cases) {
    it(`${c.site}: a THIRD_PARTY plan carries the "your bank may charge interest" note and is never called interest-free`, async () => {
      const costs = catalog(c.site, c.amount, c.card);
      const thirdParty = costs.filter((cost) => cost.installment_rate_collector.includes('THIRD_PARTY'));
      expect(thirdParty.length, 'the sandbox has issuer-financed plans here').to.be.greaterThan(0);
      const { el } = await renderCheckout({ attrs: { site: c.site, locale: c.locale, amount: String(c.amount), 'public-key': `TEST-${c.site}-sandbox-key` } });
      await fillCard(el, { number: c.card, idNumber: '123456789' });
      await waitForOptions(el, costs, (n) => money(n, c.locale, c.currency, c.decimals));
      const texts = optionTexts(el);
      const interestFree = /sin inter[eé]s|interest-free/i;
      for (const cost of thirdParty) expect(texts[cost.installments], `option ${cost.installments}`).not.to.match(interestFree);

      const field = installmentsSelect(el).closest('[part~="field"]')!;
      const note = () => norm(field.textContent);
      expect(note(), '1 payment, financed by nobody: no bank-interest note').not.to.contain('Tu banco podría cobrar intereses');
      await choose(el, thirdParty[0].installments);
      expect(note(), 'the note next to the selected issuer-financed plan').to.contain('Tu banco podría cobrar intereses');
      expect(allText(el), 'nothing in the element calls it interest-free').not.to.match(interestFree);
    });
  }
});

describe('<mp-checkout> financing: Mexico (MLM, es-MX)', () => {
  it('"meses sin intereses" only for the interest-free 3 and 6; not for 12 with interest', async () => {
    const amount = 5000;
    const card = '4075595716483764';
    const costs = catalog('MLM', amount, card);
    const mxn = (n: number) => money(n, 'es-MX', 'MXN');
    const { el } = await renderCheckout({ attrs: { site: 'MLM', locale: 'es-MX', amount: String(amount), 'public-key': 'TEST-MLM-sandbox-key' } });
    await fillCard(el, { number: card });
    await waitForOptions(el, costs, mxn);
    const texts = optionTexts(el);
    expect(texts[3]).to.match(/sin intereses/i);
    expect(texts[6]).to.match(/sin intereses/i);
    expect(texts[12]).not.to.match(/sin inter/i);
    expect(texts[1]).not.to.match(/sin inter/i);
    for (const cost of costs) {
      expect(texts[cost.installments], `option ${cost.installments}: amount`).to.contain(mxn(cost.installment_amount));
      expect(texts[cost.installments], `option ${cost.installments}: total`).to.contain(mxn(cost.total_amount));
    }
    await choose(el, 12);
    expect(norm(financing(el).textContent)).not.to.match(/sin inter/i);
  });
});

describe('<mp-checkout> financing: what the buyer pays, shown (#14)', () => {
  const brl = (n: number) => money(n, 'pt-BR', 'BRL');
  const MLB_VISA = '4235647728025682';

  function payButtonText(el: MpCheckoutElement): string {
    return norm(part(el, 'submit-button')!.textContent);
  }

  it('Brazil 12× with interest: the button and the approval quote the financed total and the count; mp-submit and the POST keep the cash price', async () => {
    const amount = 1200;
    const twelve = catalog('MLB', amount, MLB_VISA).find((c) => c.installments === 12)!;
    expect(twelve.total_amount, 'the sandbox charges interest on 12×').to.be.greaterThan(amount);
    const { el, logId } = await renderCheckout({
      attrs: { site: 'MLB', locale: 'pt-BR', amount: String(amount), 'public-key': 'TEST-MLB-sandbox-key', 'statement-descriptor': 'MINHALOJA' },
    });
    await fillCard(el, { number: MLB_VISA, idNumber: '12345678909' });
    expect(payButtonText(el), 'one payment: the cash price').to.equal(`Pagar ${brl(amount)}`);
    await choose(el, 12);
    expect(payButtonText(el)).to.equal(`Pagar ${brl(twelve.total_amount)} em 12x`);

    let submitted: unknown;
    el.addEventListener('mp-submit', (e) => (submitted = (e as CustomEvent).detail), { once: true });
    const event = await pay(el);
    expect(event.detail.status).to.equal('approved');
    expect(submitted, 'mp-submit announces the cash price, as PRODUCT.md §6 defines it').to.deep.include({ amount, installments: 12 });
    const [request] = await merchantRequests(logId);
    expect(request.body.transaction_amount).to.equal(amount);
    await el.updateComplete;
    expect(norm(messageText(el)), 'the approval quotes the financed total').to.contain(`cobrança de ${brl(twelve.total_amount)} como MINHALOJA`);
    expect(norm(messageText(el))).not.to.contain(brl(amount));
  });

  it('Argentina: the CFT of a single payment (0,00%) is calm; a financed plan makes it prominent', async () => {
    const { el } = await renderCheckout({ attrs: { locale: 'es-AR', site: 'MLA', amount: '250000' } });
    await fillCard(el);
    expect(installmentsSelect(el).value).to.equal('1');
    const block = financing(el);
    let cft = getComputedStyle(rateValue(el, 'cft'));
    let tea = getComputedStyle(rateValue(el, 'tea'));
    expect(norm(rateValue(el, 'cft').textContent)).to.match(/^0,00\s?%$/);
    expect(Number(cft.fontWeight), 'not bold').to.be.below(700);
    expect(cft.color, 'the block’s own colour, not the alarm colour').to.equal(getComputedStyle(block).color);
    expect(cft.fontSize, 'the size of the TEA').to.equal(tea.fontSize);

    await choose(el, 12);
    cft = getComputedStyle(rateValue(el, 'cft'));
    tea = getComputedStyle(rateValue(el, 'tea'));
    expect(Number(cft.fontWeight), 'bold').to.be.at.least(700);
    expect(cft.color, 'highlighted').not.to.equal(getComputedStyle(block).color);
    expect(parseFloat(cft.fontSize) / parseFloat(tea.fontSize), 'Resolution E 51/2017 size').to.be.at.least(2.25);
  });

  it('TEA, CFT and TNA are abbreviations with their full names, for the eye (title) and for screen readers', async () => {
    const { el } = await renderCheckout({ attrs: { locale: 'en', site: 'MLA', amount: '10000' } });
    await fillCard(el);
    await choose(el, 6);
    const block = financing(el);
    for (const [abbr, name] of [
      ['TEA', 'Effective annual rate'],
      ['CFT', 'Total financial cost'],
      ['TNA', 'Nominal annual rate'],
    ]) {
      const term = Array.from(block.querySelectorAll('abbr')).find((a) => a.title === name);
      expect(term, `<abbr title="${name}">`).to.exist;
      const visible = Array.from(term!.children).filter((c) => c.getAttribute('aria-hidden') === 'true');
      expect(norm(visible.map((c) => c.textContent).join('')), 'what the eye reads').to.equal(abbr);
      const spoken = Array.from(term!.querySelectorAll('.visually-hidden'));
      expect(norm(spoken.map((c) => c.textContent).join('')), 'what a screen reader reads').to.equal(name);
      expect(spoken[0].getClientRects()[0]?.width ?? 0, 'the full name takes no room').to.be.at.most(1);
    }
  });

  it('on a 320 px phone the chosen plan’s installment amount and total are readable outside the closed select', async () => {
    const amount = 250000;
    const twelve = catalog('MLA', amount, MLA_VISA).find((c) => c.installments === 12)!;
    const { el } = await renderCheckout({ attrs: { locale: 'es-AR', site: 'MLA', amount: String(amount) } });
    el.style.width = '320px';
    await fillCard(el);
    await choose(el, 12);
    const host = el.getBoundingClientRect();
    const select = installmentsSelect(el);
    /** Leaf elements outside the select whose own text holds `text`, each drawn whole inside the element. */
    const readable = (text: string) =>
      Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('*')).filter(
        (node) =>
          !select.contains(node) &&
          node.children.length === 0 &&
          norm(node.textContent).includes(text) &&
          isRendered(node) &&
          node.scrollWidth <= node.clientWidth + 1 &&
          within(node.getBoundingClientRect(), host),
      );
    expect(readable(ars(twelve.total_amount)).length, 'the financed total').to.be.at.least(1);
    expect(readable(`12 cuotas de ${ars(twelve.installment_amount)}`).length, 'the count and installment amount').to.be.at.least(1);
    expect(norm(part(el, 'submit-button')!.textContent), 'the button names the total').to.contain(ars(twelve.total_amount));
    const button = part(el, 'submit-button')!;
    expect(button.scrollWidth, 'the button text is not clipped').to.be.at.most(button.clientWidth + 1);
  });
});
