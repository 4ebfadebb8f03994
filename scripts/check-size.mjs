// Bundle-size budget for the CDN entry (Lit and the element). i18next and the locale chunks load
// after the first render (only the active locale is ever fetched), and the sandbox never ships;
// their sizes are printed, not budgeted. Exits 1 over budget. Prints the figures either way.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

export const BUDGET_BYTES = 30 * 1024;
const file = new URL('../dist/mp-checkout.js', import.meta.url);

export function brotliSize(buffer) {
  return brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

const bytes = readFileSync(file);
const size = brotliSize(bytes);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const verdict = size <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`size: dist/mp-checkout.js ${kb(bytes.length)} minified, ${kb(size)} brotli — ${verdict} the ${kb(BUDGET_BYTES)} budget`);
// The newest i18next chunk: it comes with the first language, before any text shows.
const chunks = new URL('../dist/chunks/', import.meta.url);
const i18next = readdirSync(chunks)
  .filter((name) => /^i18next-.*\.js$/.test(name))
  .map((name) => ({ name, time: statSync(new URL(name, chunks)).mtimeMs }))
  .sort((a, b) => b.time - a.time)[0];
if (i18next) console.log(`size: chunks/${i18next.name} (with the first language) ${kb(brotliSize(readFileSync(new URL(i18next.name, chunks))))} brotli`);
if (size > BUDGET_BYTES) process.exit(1);
