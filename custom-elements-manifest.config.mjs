import { readFileSync } from 'node:fs';
import ts from 'typescript';

// The manifest documents the public API only (PRODUCT.md §6): the element, its events and the
// entry points. Sessions, controllers, adapters and views are internals, and so are private and
// protected members.
export default {
  globs: ['src/index.ts', 'src/define.ts', 'src/mp-checkout.ts', 'src/events/*.ts'],
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // The analyzer also lists `dispatchEvent(new MpXEvent(...))` calls it cannot name; the
      // @event JSDoc tags already document every event.
      name: 'mp-events-from-jsdoc-only',
      packageLinkPhase({ customElementsManifest }) {
        // The analyzer lists modules in the order its async glob found them, which varies from
        // run to run; sorted, the manifest is the same every time and the drift check is stable.
        // A folder's files come before its subfolders, the order the glob yields most runs.
        customElementsManifest.modules.sort((a, b) => comparePaths(a.path, b.path));
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((e) => /^mp-/.test(e.name ?? ''));
            if (declaration.members) declaration.members = declaration.members.filter((m) => !m.privacy || m.privacy === 'public');
          }
        }
      },
    },
    themeCssProperties(await loadTheme()),
  ],
};

/**
 * src/view/theme.ts, the table the styles are built from. It has no imports, so it is compiled on
 * its own and loaded from a data: URL (here, before the analyzer runs: its phases are synchronous).
 */
async function loadTheme() {
  const source = readFileSync(new URL('./src/view/theme.ts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  const { THEME } = await import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);
  return THEME;
}

/** The element's `--mp-*` custom properties, every one the element reads and no other. */
function themeCssProperties(THEME) {
  return {
    name: 'mp-theme-css-properties',
    packageLinkPhase({ customElementsManifest }) {
      const cssProperties = Object.entries(THEME).map(([name, { description, light, dark }]) => ({
        name,
        description: dark === undefined ? description : `${description} Dark scheme: \`${dark}\`.`,
        ...(light === undefined ? {} : { default: light }),
      }));
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.customElement && declaration.name === 'MpCheckoutElement') declaration.cssProperties = cssProperties;
        }
      }
    },
  };
}

function comparePaths(a, b) {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    const xIsFile = i === x.length - 1;
    const yIsFile = i === y.length - 1;
    if (xIsFile !== yIsFile) return xIsFile ? -1 : 1;
    return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}
