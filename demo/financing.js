// The financing demo (financing.html?site=MLA|MLB|MLM, MLA by default): one order per site, shown in
// the site's language, with its test cards and what to look at in each installment option. Builds the
// page from SITES below, then boots the sandbox SDK through the service worker and the element's CDN
// bundle. No inline script or style, no markup from strings: the demo server sends a strict
// Content-Security-Policy.
import { bootSandbox } from '/demo/sandbox-boot.js';

/** The sandbox's test cardholder names shown on every site; each site's `names.results` follow this order. */
const NAMES = ['APRO', 'OTHE', 'CONT', 'FUND', 'INST'];

// Text is a string, or an array of strings and [tag, text] pairs (inline markup, built as nodes).
const SITES = {
  MLA: {
    locale: 'es-AR',
    title: 'mp-checkout — financiación en Argentina (CFT y TEA)',
    heading: 'Financiación en Argentina: CFT y TEA',
    intro: [
      'Argentina (MLA), pesos, ',
      ['code', 'locale="es-AR"'],
      '. Al elegir las cuotas, el bloque de financiación muestra el ' +
        'precio de contado, el precio total financiado, la cantidad y el monto de las cuotas, la TEA y el ',
      ['strong', 'CFT'],
      ' destacado, como pide la Resolución E 51/2017. Todo corre en el sandbox: sin red, sin credenciales, sin dinero.',
    ],
    order: { number: '2051', id: 'bike-1', title: 'Bicicleta urbana', amount: '250000.00', payer: ['Ana', 'García'] },
    terms: 'Términos y condiciones',
    testData: 'Datos de prueba',
    cards: [
      'Visa 4509 9535 6623 3704',
      'Mastercard 5031 7557 3453 0604',
      'American Express 3711 803032 57522 (código 1234)',
      'Mastercard Débito 5287 3383 1025 3304 (pide el banco; un solo pago)',
      'Vencimiento: cualquier fecha futura (11/30) · código de seguridad 123 · DNI 12345678',
    ],
    installments: {
      heading: 'Cuotas del sandbox',
      columns: ['Cuotas', 'Qué mirar'],
      rows: [
        ['1', 'Pago único: CFT y TEA 0,00%.'],
        ['3', 'Sin interés: el total es el precio de contado; CFT 0,00% igual se muestra.'],
        ['6, 9, 12', 'Con interés: total financiado mayor, TEA, TNA y el CFT en grande, en negrita y en color. Nunca dice “sin interés”.'],
      ],
    },
    names: {
      heading: 'Nombre del titular → resultado',
      columns: ['Nombre', 'Resultado'],
      results: ['aprobado', 'rechazado', 'pendiente → aprobado', 'fondos insuficientes', 'cuotas no permitidas'],
    },
  },
  MLB: {
    locale: 'pt-BR',
    title: 'mp-checkout — parcelamento no Brasil',
    heading: 'Parcelamento no Brasil',
    intro: [
      'Brasil (MLB), reais, ',
      ['code', 'locale="pt-BR"'],
      '. Cada opção mostra o número de parcelas, o valor da parcela e o ' +
        'total; a opção escolhida mostra o preço à vista, o total parcelado, a TEA e o CET. Tudo roda no sandbox: sem rede, ' +
        'sem credenciais, sem dinheiro.',
    ],
    order: { number: '3107', id: 'fone-1', title: 'Fone de ouvido', amount: '1200.00', payer: ['João', 'Silva'] },
    maxInstallments: '12',
    terms: 'Termos e condições',
    testData: 'Dados de teste',
    cards: ['Visa 4235 6477 2802 5682', 'Mastercard 5031 4332 1540 6351', 'Validade: qualquer data futura (11/30) · CVV 123 · CPF 12345678909'],
    installments: {
      heading: 'Parcelas do sandbox',
      columns: ['Parcelas', 'O que observar'],
      rows: [
        ['1x', 'À vista.'],
        ['2x a 12x', 'Com juros (TEA 42,58%): total parcelado maior que o preço à vista, com TEA e CET.'],
      ],
    },
    names: {
      heading: 'Nome do titular → resultado',
      columns: ['Nome', 'Resultado'],
      results: ['aprovado', 'recusado', 'pendente → aprovado', 'saldo insuficiente', 'parcelas não permitidas'],
    },
  },
  MLM: {
    locale: 'es-MX',
    title: 'mp-checkout — meses sin intereses en México',
    heading: 'Meses sin intereses en México',
    intro: [
      'México (MLM), pesos mexicanos, ',
      ['code', 'locale="es-MX"'],
      '. Solo las mensualidades sin costo dicen “sin intereses”; ' +
        'la opción con interés muestra su total, la TEA y el CFT. En México no se pide documento. Todo corre en el sandbox: ' +
        'sin red, sin credenciales, sin dinero.',
    ],
    order: { number: '4420', id: 'cafe-1', title: 'Cafetera', amount: '6000.00', payer: ['María', 'López'] },
    terms: 'Términos y condiciones',
    testData: 'Datos de prueba',
    cards: ['Visa 4075 5957 1648 3764', 'Mastercard 5474 9254 3267 0366', 'Vencimiento: cualquier fecha futura (11/30) · CVV 123 · sin documento'],
    installments: {
      heading: 'Mensualidades del sandbox',
      columns: ['Meses', 'Qué observar'],
      rows: [
        ['1', 'Un solo pago.'],
        ['3 y 6', 'Meses sin intereses: el total es el precio de contado.'],
        ['12', 'Con intereses (TEA 39,90%): total mayor, TEA y CFT; nunca “sin intereses”.'],
      ],
    },
    names: {
      heading: 'Nombre del titular → resultado',
      columns: ['Nombre', 'Resultado'],
      results: ['aprobado', 'rechazado', 'pendiente → aprobado', 'fondos insuficientes', 'mensualidades no permitidas'],
    },
  },
};

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** The nodes of a text from SITES: strings stay text, a [tag, text] pair becomes that element. */
const rich = (value) => (Array.isArray(value) ? value : [value]).map((part) => (Array.isArray(part) ? el(part[0], {}, part[1]) : part));

function table(columns, rows) {
  const row = (cells, tag) => el('tr', {}, ...cells.map((cell) => el(tag, {}, cell)));
  return el('table', {}, el('thead', {}, row(columns, 'th')), el('tbody', {}, ...rows.map((cells) => row(cells, 'td'))));
}

/** The <mp-checkout> for one site's order. */
function checkout(site, data) {
  const { order } = data;
  const attributes = {
    'public-key': `TEST-${site}-sandbox-demo`,
    amount: order.amount,
    action: '/process_payment',
    'status-action': '/payment_status',
    site,
    locale: data.locale,
    ...(data.maxInstallments && { 'max-installments': data.maxInstallments }),
    description: order.title,
    'statement-descriptor': 'MPCHECKOUT DEMO',
    'external-reference': `order-${order.number}`,
    'payer-first-name': order.payer[0],
    'payer-last-name': order.payer[1],
    items: JSON.stringify([{ id: order.id, title: order.title, quantity: 1, unit_price: Number(order.amount) }]),
  };
  return el('mp-checkout', attributes, el('a', { slot: 'terms', href: '/demo/terms.html', target: '_blank', rel: 'noopener' }, data.terms));
}

function render(site, data) {
  document.documentElement.lang = data.locale;
  document.title = data.title;
  document.querySelector('header').replaceChildren(el('h1', {}, data.heading), el('p', {}, ...rich(data.intro)));
  document.querySelector('section.checkout').replaceChildren(el('h2', {}, `Pedido #${data.order.number} — ${data.order.title}`), checkout(site, data));
  const { installments, names } = data;
  document.querySelector('aside').replaceChildren(
    el('h2', {}, data.testData),
    el('ul', {}, ...data.cards.map((card) => el('li', {}, card))),
    el('h3', {}, installments.heading),
    table(installments.columns, installments.rows),
    el('h3', {}, names.heading),
    table(
      names.columns,
      NAMES.map((name, i) => [name, names.results[i]]),
    ),
  );
}

async function main() {
  const wanted = (new URLSearchParams(location.search).get('site') ?? 'MLA').toUpperCase();
  const site = Object.hasOwn(SITES, wanted) ? wanted : 'MLA';
  render(site, SITES[site]);
  if (site !== wanted) {
    document.body.prepend(el('p', {}, `No financing demo for site=${wanted}: showing MLA (there are ${Object.keys(SITES).join(', ')}).`));
  }
  await bootSandbox();
}

main().catch((error) => {
  const note = document.createElement('p');
  note.textContent = `The demo could not start: ${error.message}`;
  document.body.prepend(note);
});
