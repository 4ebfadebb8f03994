// The demo page: test data, an event log and a country switcher around one <mp-checkout>.
// demo/sandbox-boot.js answers MercadoPago.js's official URL with the sandbox double first.
import { bootSandbox } from './sandbox-boot.js';

const CARDS = {
  MLA: ['Visa 4509 9535 6623 3704', 'Mastercard 5031 7557 3453 0604', 'Amex 3711 803032 57522', 'Mastercard Débito 5287 3383 1025 3304 (bank select)'],
  MLB: ['Visa 4235 6477 2802 5682', 'Mastercard 5031 4332 1540 6351'],
  MLM: ['Visa 4075 5957 1648 3764', 'Mastercard 5474 9254 3267 0366'],
  MLC: ['Visa 4168 8188 4444 7115', 'Mastercard 5416 7526 0258 2580'],
  MCO: ['Visa 4013 5406 8274 6260', 'Mastercard 5254 1336 7440 3564'],
  MPE: ['Visa 4009 1753 3280 6176'],
  MLU: ['Visa 4509 9535 6623 3704'],
};
const IDS = { MLA: 'DNI 12345678', MLB: 'CPF 12345678909', MLM: '—' };
const NAMES = [
  ['APRO', 'approved'],
  ['OTHE', 'rejected (other reason)'],
  ['CONT', 'pending → approved (polling)'],
  ['CHAL', '3-D Secure challenge'],
  ['CALL', 'call to authorize'],
  ['FUND', 'insufficient funds'],
  ['SECU', 'bad security code'],
  ['EXPI', 'bad expiry date'],
  ['FORM', 'bad form data'],
  ['CARD', 'bad card number'],
  ['INST', 'installments not allowed'],
  ['DUPL', 'duplicated payment'],
  ['LOCK', 'card disabled'],
  ['CTNA', 'card type not allowed'],
  ['ATTE', 'max attempts'],
  ['BLAC', 'blacklisted'],
];

/** The slotted terms link is the page's own content: the switcher translates it with the element. */
const TERMS_LINK = { es: 'Términos y condiciones', pt: 'Termos e condições', en: 'Terms and conditions' };

function renderTestData(site) {
  const names = document.getElementById('names');
  names.replaceChildren(
    ...NAMES.map(([name, result]) => {
      const row = document.createElement('tr');
      for (const text of [name, result]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }),
  );
  const cards = document.getElementById('cards');
  const items = [...CARDS[site], `ID: ${IDS[site] ?? '123456789'}`];
  cards.replaceChildren(...items.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
}

function logEvents(checkout) {
  const list = document.getElementById('events');
  for (const type of ['mp-ready', 'mp-change', 'mp-submit', 'mp-payment', 'mp-error']) {
    checkout.addEventListener(type, (event) => {
      const item = document.createElement('li');
      item.textContent = `${type} ${JSON.stringify(event.detail)}`;
      list.prepend(item);
    });
  }
}

async function main() {
  const checkout = document.querySelector('mp-checkout');
  const switcher = document.getElementById('locale-switcher');
  const params = new URLSearchParams(location.search);
  if (params.get('locale')) switcher.value = `${params.get('locale')}|${params.get('site') ?? 'MLA'}`;
  const apply = () => {
    const [locale, site] = switcher.value.split('|');
    checkout.setAttribute('locale', locale);
    checkout.setAttribute('site', site);
    checkout.setAttribute('public-key', `TEST-${site}-sandbox-demo`);
    checkout.setAttribute('amount', site === 'MLC' || site === 'MCO' ? '15000' : '15000.00');
    document.documentElement.lang = locale;
    checkout.querySelector('[slot="terms"]').textContent = TERMS_LINK[locale.split('-')[0]];
    renderTestData(site);
  };
  switcher.addEventListener('change', apply);
  apply();
  logEvents(checkout);
  if (!(await bootSandbox())) throw new Error('The sandbox needs a secure context: open it on https or localhost.');
}

main().catch((error) => {
  const note = document.createElement('p');
  note.textContent = `The demo could not start: ${error.message}`;
  document.body.prepend(note);
});
