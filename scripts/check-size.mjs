// Bundle-size budget for the CDN entry (Lit, i18next and the element). Locale chunks and the
// sandbox are excluded: only the active locale is ever fetched, and the sandbox never ships.
// Exits 1 over budget. Prints the figure either way.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

export const BUDGET_BYTES = 35 * 1024;
const file = new URL('../dist/mp-checkout.js', import.meta.url);

export function brotliSize(buffer) {
  return brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

const bytes = readFileSync(file);
const size = brotliSize(bytes);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const verdict = size <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`size: dist/mp-checkout.js ${kb(bytes.length)} minified, ${kb(size)} brotli — ${verdict} the ${kb(BUDGET_BYTES)} budget`);
if (size > BUDGET_BYTES) process.exit(1);
