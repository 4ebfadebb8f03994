/**
 * The published types expose the documented API (PRODUCT.md §6) and nothing else: merchants'
 * code and outside test suites rely on those names, and anything else public could be called by
 * any page script. Builds lib/ the way `npm run build` does, into a temporary folder, and reads it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

const ATTRIBUTE_PROPERTIES = [
  'publicKey',
  'amount',
  'action',
  'statusAction',
  'locale',
  'site',
  'payerEmail',
  'payerFirstName',
  'payerLastName',
  'payer',
  'items',
  'description',
  'statementDescriptor',
  'externalReference',
  'minInstallments',
  'maxInstallments',
  'successUrl',
  'disabled',
  'headers',
  'messages',
  'requestTimeout',
  'sdkTimeout',
];
const METHODS = ['submit', 'reset', 'audit'];
/** What every Lit element declares for the platform: the styles and the custom-element lifecycle callbacks. */
const PLATFORM = ['styles', 'connectedCallback', 'disconnectedCallback'];

/** The public members of a class in a declaration file: no `private`, no `protected`. */
function publicMembers(source: ts.SourceFile, className: string): string[] {
  const names: string[] = [];
  source.forEachChild((node) => {
    if (!ts.isClassDeclaration(node) || node.name?.text !== className) return;
    for (const member of node.members) {
      const modifiers = ts.canHaveModifiers(member) ? (ts.getModifiers(member) ?? []) : [];
      if (modifiers.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword)) continue;
      if (member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) names.push(member.name.text);
    }
  });
  return names;
}

test('lib/mp-checkout.d.ts: the element exposes only the documented API', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'mp-checkout-lib-'));
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.json', '--outDir', outDir], { stdio: 'pipe' });
    const file = join(outDir, 'mp-checkout.d.ts');
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const members = publicMembers(source, 'MpCheckoutElement');
    assert.deepEqual([...new Set(members)].sort(), [...ATTRIBUTE_PROPERTIES, ...METHODS, ...PLATFORM].sort());

    // The package entry exports the element, its events and the POST body's types, nothing internal.
    const index = ts.createSourceFile('index.d.ts', readFileSync(join(outDir, 'index.d.ts'), 'utf8'), ts.ScriptTarget.Latest, true);
    const exported = index.statements.filter(ts.isExportDeclaration).map((d) => d.moduleSpecifier && (d.moduleSpecifier as ts.StringLiteral).text);
    assert.deepEqual(exported.sort(), ['./events/events.js', './merchant/payload.js', './mp-checkout.js']);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});

test('npm pack ships the element, never the sandbox double or the tests', () => {
  // --ignore-scripts: `prepack` would build dist/ under the other end-to-end tests' feet.
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  ) as Array<{
    files: Array<{ path: string }>;
  }>;
  const paths = pack.files.map((f) => f.path);
  assert.ok(paths.includes('dist/mp-checkout.js'), 'the CDN build');
  assert.ok(paths.includes('custom-elements.json'));
  assert.deepEqual(
    paths.filter((p) => /(^|\/)(sandbox|test|server|integrations|demo|examples)\//.test(p)),
    [],
  );
  // The framework types and the editor data, which package.json's `exports` and `web-types` name.
  for (const path of [
    'types/react.d.ts',
    'types/generated/jsx.d.ts',
    'types/generated/vue.d.ts',
    'editors/web-types.json',
    'editors/vscode.html-custom-data.json',
  ]) {
    assert.ok(paths.includes(path), path);
  }
});
