import ts from 'typescript';

// The manifest documents the public API only (PRODUCT.md §6): the element, its events and the
// entry points. Sessions, controllers, adapters and views are internals, and so are private and
// protected members.
//
// The same run writes, from the manifest, the files that type <mp-checkout> in each framework and
// editor, with the manifest's own ecosystem tools (break-stuff's cem-tools). They ship in the package
// (`types/generated/`, `editors/`) and `scripts/check-manifest.mjs` regenerates them all into a scratch folder
// to catch drift. MP_GENERATED_OUTDIR points there; it is the repository root otherwise.
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementSolidJsPlugin } from 'custom-element-solidjs-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { customElementSveltePlugin } from 'custom-element-svelte-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { readFileSync, writeFileSync } from 'node:fs';

const root = process.env.MP_GENERATED_OUTDIR ?? '.';
// The generated declarations import the element's and the events' classes from the package's own
// typings, relative to `types/generated/`, so they resolve the same in this repository and in node_modules.
const typings = { globalTypePath: '../../lib/index.js', hideLogs: true };

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
    // First: the integrations below read the theme's custom properties from the manifest.
    themeCssProperties(await loadTheme()),
    customElementJsxPlugin({ ...typings, outdir: `${root}/types/generated`, fileName: 'jsx.d.ts' }),
    customElementSolidJsPlugin({ ...typings, outdir: `${root}/types/generated`, fileName: 'solid.d.ts' }),
    customElementVuejsPlugin({ ...typings, outdir: `${root}/types/generated`, fileName: 'vue.d.ts' }),
    customElementSveltePlugin({ ...typings, outdir: `${root}/types/generated`, fileName: 'svelte.d.ts' }),
    customElementVsCodePlugin({
      outdir: `${root}/editors`,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      hideLogs: true,
    }),
    customElementJetBrainsPlugin({ outdir: `${root}/editors`, webTypesFileName: 'web-types.json', packageJson: false, hideLogs: true }),
    {
      // The integrations type a listener's argument as `CustomEvent<T>`, reading the manifest's
      // event type as the detail's type. The manifest's schema makes it the event object's type,
      // and here it is: `MpPaymentEvent` extends `CustomEvent<MpPaymentDetail>`. Without this,
      // `e.detail.status` would not type-check in any framework.
      name: 'mp-listeners-receive-the-event-class',
      packageLinkPhase() {
        for (const file of ['jsx', 'solid', 'vue', 'svelte']) {
          const path = `${root}/types/generated/${file}.d.ts`;
          writeFileSync(path, readFileSync(path, 'utf8').replace(/CustomEvent<(Mp\w+Event)>/g, '$1'));
        }
      },
    },
  ],
};

/**
 * src/view/theme.ts, the table the styles are built from, with what each property does from
 * src/view/theme-docs.ts. Neither has a runtime import, so each is compiled on its own and loaded
 * from a data: URL (here, before the analyzer runs: its phases are synchronous).
 */
async function loadTheme() {
  const load = async (file) => {
    const source = readFileSync(new URL(file, import.meta.url), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    return import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);
  };
  const [{ THEME }, { THEME_DESCRIPTIONS }] = await Promise.all([load('./src/view/theme.ts'), load('./src/view/theme-docs.ts')]);
  return Object.fromEntries(Object.entries(THEME).map(([name, values]) => [name, { ...values, description: THEME_DESCRIPTIONS[name] }]));
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
