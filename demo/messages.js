// "Every result message": one <mp-checkout> and a table of the sandbox's test cardholder names.
// A row's button prepares the checkout for that name and prints the exact values to type (a page
// cannot type into Mercado Pago's Secure Fields, and on the sandbox we behave as in production); each
// payment's mp-payment event then records, in that row, the text the checkout displayed in its
// `message` part. No inline script or style: the page runs under the demo server's strict CSP.
import { bootSandbox } from '/demo/sandbox-boot.js';

/** Test cardholder names (mercadopago.md §4, plus the sandbox's CHAL, REVW, AUTH, HIGH) and what they answer. */
const NAMES = [
  ['APRO', 'approved', 'accredited'],
  ['OTHE', 'rejected', 'cc_rejected_other_reason'],
  ['CONT', 'in_process', 'pending_contingency', 'then approved by polling'],
  ['CALL', 'rejected', 'cc_rejected_call_for_authorize'],
  ['FUND', 'rejected', 'cc_rejected_insufficient_amount'],
  ['SECU', 'rejected', 'cc_rejected_bad_filled_security_code', 'the security code is marked'],
  ['EXPI', 'rejected', 'cc_rejected_bad_filled_date', 'the expiration date is marked'],
  ['FORM', 'rejected', 'cc_rejected_bad_filled_other'],
  ['CARD', 'rejected', 'cc_rejected_bad_filled_card_number', 'the card number is marked'],
  ['INST', 'rejected', 'cc_rejected_invalid_installments'],
  ['DUPL', 'rejected', 'cc_rejected_duplicated_payment'],
  ['LOCK', 'rejected', 'cc_rejected_card_disabled'],
  ['CTNA', 'rejected', 'cc_rejected_card_type_not_allowed'],
  ['ATTE', 'rejected', 'cc_rejected_max_attempts'],
  ['BLAC', 'rejected', 'cc_rejected_blacklist'],
  ['CHAL', 'pending', 'pending_challenge', 'complete the bank verification; then approved'],
  ['REVW', 'in_process', 'pending_review_manual', 'then approved by polling'],
  ['AUTH', 'authorized', 'pending_capture'],
  ['HIGH', 'rejected', 'cc_rejected_high_risk'],
].map(([name, status, statusDetail, note]) => ({ name, status, statusDetail, note }));

/** The Visa test card and identification document of each site (mercadopago.md §4). */
const TEST_DATA = {
  MLA: { card: '4509 9535 6623 3704', document: 'DNI 12345678' },
  MLB: { card: '4235 6477 2802 5682', document: 'CPF 12345678909' },
  MLM: { card: '4075 5957 1648 3764', document: null },
  MLC: { card: '4168 8188 4444 7115', document: 'RUT 123456789' },
  MCO: { card: '4013 5406 8274 6260', document: 'CC 123456789' },
  MPE: { card: '4009 1753 3280 6176', document: 'DNI 123456789' },
  MLU: { card: '4509 9535 6623 3704', document: 'CI 123456789' },
};

/** A future expiry (December of next year), so the date never goes stale. */
const EXPIRY = `12/${String((new Date().getFullYear() + 1) % 100).padStart(2, '0')}`;
const SECURITY_CODE = '123';

const checkout = document.querySelector('mp-checkout');
const switcher = document.getElementById('locale-switcher');
const tbody = document.getElementById('names');
const instructions = document.getElementById('instructions');

/** Recorded messages per language and site: "es-AR|MLA" → Map(name → [{status, statusDetail, text}]). */
const results = new Map();
let current = { locale: 'es-AR', site: 'MLA' };
/** The test name whose row the next payment result belongs to. */
let active = null;
let booted = false;

const key = () => `${current.locale}|${current.site}`;

function recorded() {
  if (!results.has(key())) results.set(key(), new Map());
  return results.get(key());
}

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

/** The text the checkout shows in its `message` part (its live region), as the buyer reads it. */
function displayedMessage() {
  const part = checkout.shadowRoot?.querySelector('[part~="message"]');
  return (part?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function renderRow(entry) {
  const row = el('tr', undefined, { 'data-name': entry.name });
  if (entry.name === active) row.setAttribute('aria-current', 'true');

  const nameCell = el('td');
  nameCell.append(el('code', entry.name));
  if (entry.name === active) nameCell.append(' ◀');

  const answer = el('td');
  answer.append(el('code', `${entry.status} / ${entry.statusDetail}`));
  if (entry.note) answer.append(el('br'), entry.note);

  const action = el('td');
  const button = el('button', `Pay with ${entry.name}`, { type: 'button' });
  button.disabled = !booted;
  button.addEventListener('click', () => prepare(entry));
  action.append(button);

  const shown = el('td');
  const list = recorded().get(entry.name) ?? [];
  if (list.length === 0) shown.textContent = entry.name === active ? 'waiting for the payment…' : '—';
  else {
    const items = el('ol');
    for (const result of list) {
      const item = el('li');
      // textContent only: messages quote merchant and server strings, which must stay text.
      item.append(el('q', result.text || '(no message)'), ' ', el('code', result.code));
      if (result.mismatch) item.append(el('br'), el('em', result.mismatch));
      items.append(item);
    }
    shown.append(items);
  }
  row.append(nameCell, answer, action, shown);
  return row;
}

function renderTable() {
  tbody.replaceChildren(...NAMES.map(renderRow));
  document.getElementById('current-locale').textContent = `${current.locale} (${current.site})`;
  document.getElementById('progress').textContent = String(recorded().size);
  document.getElementById('total').textContent = String(NAMES.length);
}

function renderInstructions(entry) {
  if (!entry) {
    instructions.replaceChildren(el('p', 'Press “Pay with …” on a row to get the exact values to type.'));
    return;
  }
  const data = TEST_DATA[current.site];
  const values = [
    ['Card number', data.card],
    ['Expiration date', EXPIRY],
    ['Security code', SECURITY_CODE],
    ['Cardholder name', entry.name],
  ];
  if (data.document) values.push(['Document', data.document]);
  const list = el('dl');
  for (const [label, value] of values) {
    const definition = el('dd');
    definition.append(el('kbd', value));
    list.append(el('dt', label), definition);
  }
  const heading = el('p');
  heading.append('Paying as ', el('strong', entry.name), ` (expected: ${entry.status} / ${entry.statusDetail}). Type into the checkout below:`);
  instructions.replaceChildren(heading, list, el('p', 'Then press the checkout’s pay button; the message it shows is recorded in the table.'));
}

/** Prepares the checkout for one test name: a clean form, the values to type printed above it. */
function prepare(entry) {
  active = entry.name;
  // Clears the previous result, what was typed and the previous card; the Secure Fields stay mounted.
  checkout.reset();
  renderInstructions(entry);
  renderTable();
  instructions.scrollIntoView({ block: 'nearest' });
}

function record(code, status, statusDetail) {
  if (!active) return;
  const entry = NAMES.find((n) => n.name === active);
  const list = recorded().get(active) ?? [];
  const first = list.length === 0;
  // The first answer tells whether the buyer typed this row's name; later ones (polling, 3-D Secure) move on.
  const mismatch =
    first && status !== undefined && (status !== entry.status || statusDetail !== entry.statusDetail)
      ? `Expected ${entry.status} / ${entry.statusDetail}: was the cardholder name “${entry.name}”?`
      : '';
  list.push({ code, text: displayedMessage(), mismatch });
  recorded().set(active, list);
  renderTable();
}

checkout.addEventListener('mp-payment', async (event) => {
  const { status, statusDetail } = event.detail;
  await checkout.updateComplete;
  record(`${status} / ${statusDetail ?? '—'}`, status, statusDetail);
});

checkout.addEventListener('mp-error', async (event) => {
  await checkout.updateComplete;
  record(`error: ${event.detail.code}`);
});

function apply() {
  const [locale, site] = switcher.value.split('|');
  current = { locale, site };
  checkout.setAttribute('locale', locale);
  checkout.setAttribute('site', site);
  checkout.setAttribute('public-key', `TEST-${site}-sandbox-demo`);
  checkout.setAttribute('amount', site === 'MLC' || site === 'MCO' ? '15000' : '15000.00');
  document.documentElement.lang = locale;
  active = null;
  renderInstructions(null);
  renderTable();
}

async function main() {
  const params = new URLSearchParams(location.search);
  const wanted = `${params.get('locale') ?? ''}|${params.get('site') ?? 'MLA'}`;
  if ([...switcher.options].some((option) => option.value === wanted)) switcher.value = wanted;
  switcher.addEventListener('change', apply);
  apply();
  const sandboxed = await bootSandbox();
  if (!sandboxed) {
    const note = document.getElementById('boot-note');
    note.textContent = 'This page is not a secure context, so the sandbox service worker cannot run: MercadoPago.js is requested from its official URL.';
    note.hidden = false;
  }
  await customElements.whenDefined('mp-checkout');
  booted = true;
  renderTable();
}

main().catch((error) => {
  const note = el('p', `The page could not start: ${error.message}`);
  document.body.prepend(note);
});
