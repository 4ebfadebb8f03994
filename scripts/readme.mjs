// Writes the README's generated sections; `--check` fails instead when they are stale.
//  - the API reference, from custom-elements.json (properties, attributes, methods, events, slots,
//    parts, custom properties, custom states): the manifest is generated from the source, so the
//    reference cannot drift from the element;
//  - the SRI hash of the built dist/mp-checkout.js (run `npx rollup -c` first), for the
//    <script integrity> in the install section.
// Each section sits between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`; Prettier
// formats the result as `npm run format` would, so the two never fight.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';

const README = 'README.md';
const check = process.argv.includes('--check');

/** `sha384-…` of a file, as a browser checks `integrity`. */
export function sriOf(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

const cell = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const code = (text) => (text ? `\`${cell(text)}\`` : '');
const table = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function apiReference(manifest) {
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'mp-checkout');
  const fields = element.members.filter((m) => m.kind === 'field');
  const methods = element.members.filter((m) => m.kind === 'method');
  return [
    `Generated from [\`custom-elements.json\`](custom-elements.json) by \`npm run docs\`; \`npm test\` fails when it lags.`,
    `**Properties and attributes.** Every attribute may be set, changed or fixed at any time, before or after the element upgrades.`,
    table(
      ['Property', 'Attribute', 'Type', 'Default', 'Description'],
      fields.map((f) => [code(f.name), f.attribute ? code(f.attribute) : '—', code(f.type?.text), code(f.default), cell(f.description)]),
    ),
    `**Methods.**`,
    table(
      ['Method', 'Returns', 'Description'],
      methods.map((m) => [code(`${m.name}()`), code(m.return?.type?.text), cell(m.description)]),
    ),
    `**Events.** All bubble and are composed; none carries card data.`,
    table(
      ['Event', 'Type', 'Description'],
      element.events.map((e) => [code(e.name), code(e.type?.text), cell(e.description)]),
    ),
    `**Slots.**`,
    table(
      ['Slot', 'Description'],
      element.slots.map((s) => [code(s.name), cell(s.description)]),
    ),
    `**CSS parts** (\`mp-checkout::part(name)\`; a control may carry several).`,
    table(
      ['Part', 'Description'],
      element.cssParts.map((p) => [code(p.name), cell(p.description)]),
    ),
    `**CSS custom properties**, which also reach inside the Secure Fields.`,
    table(
      ['Property', 'Description'],
      element.cssProperties.map((p) => [code(p.name), cell(p.description)]),
    ),
    `**Custom states** (\`mp-checkout:state(name)\`; browsers without custom states get \`:--name\`, then a \`data-state-name\` attribute).`,
    table(
      ['State', 'Description'],
      element.cssStates.map((s) => [code(s.name), cell(s.description)]),
    ),
  ].join('\n\n');
}

function sriSection(sri) {
  return [
    `The SRI hash of \`dist/mp-checkout.js\` as this commit builds it: **\`${sri}\`**`,
    [
      '```html',
      `<script type="module" src="https://your-cdn.example/mp-checkout/mp-checkout.js" integrity="${sri}" crossorigin="anonymous"></script>`,
      '```',
    ].join('\n'),
  ].join('\n\n');
}

function replaceSection(text, name, body) {
  const pattern = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
  if (!pattern.test(text)) throw new Error(`${README} has no <!-- generated:${name} --> section`);
  return text.replace(pattern, (_, open, close) => `${open}\n\n${body}\n\n${close}`);
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const current = readFileSync(README, 'utf8');
let next = replaceSection(current, 'api', apiReference(manifest));
next = replaceSection(next, 'sri', sriSection(sriOf(readFileSync('dist/mp-checkout.js'))));
next = await prettier.format(next, { ...(await prettier.resolveConfig(README)), filepath: README });

if (next === current) {
  console.log('readme: the API reference and the SRI hash match custom-elements.json and dist/');
} else if (check) {
  console.error('readme: the API reference or the SRI hash is stale; run `npm run docs` and commit README.md.');
  process.exit(1);
} else {
  writeFileSync(README, next);
  console.log('readme: rewrote the API reference and the SRI hash');
}
