// ESLint flat config. `npm run lint` runs it; `npm test` runs it through scripts/test-all.mjs.
// TypeScript files get typescript-eslint's type-checked rules (tsconfig.test.json covers src/, sandbox/,
// test/ and demo/); JavaScript files get the untyped rules. Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import compat from 'eslint-plugin-compat';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  // server/ and integrations/wordpress/ are packages of their own, with their own dependencies.
  // types/ and examples/ are written for a consumer's project, against the installed package and the
  // frameworks' types: test/e2e/consumer.e2e.test.ts type-checks them there.
  globalIgnores(['dist/', 'lib/', '.cache/', 'server/', 'integrations/', 'types/', 'examples/']),

  // Every JS and TS file.
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // TypeScript: type-checked rules against the project's own tsconfig.
  {
    files: ['**/*.ts', '**/*.mts'],
    extends: [tseslint.configs.recommendedTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        project: './tsconfig.test.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `void promise` marks a deliberate fire-and-forget (ignoreVoid, the default).
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            // node:test's describe/it return promises that the runner itself awaits.
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'suite', 'test', 'before', 'after', 'beforeEach', 'afterEach'] },
            // @open-wc/semantic-dom-diff types every chai `.equal()` as a promise (for `.dom.equal`, which this project does not use).
            { from: 'package', package: '@open-wc/semantic-dom-diff', name: 'Equal' },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error', // already on in recommendedTypeChecked; stated for the reader
      // Stylistic, tuned to the code's existing conventions.
      '@typescript-eslint/array-type': ['error', { default: 'array-simple' }], // string[], but Array<{ … }> and Array<[…]>
      '@typescript-eslint/dot-notation': ['error', { allowIndexSignaturePropertyAccess: true }], // body['token'] marks unvalidated JSON
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }], // `attr || fallback` skips '' on purpose
      '@typescript-eslint/non-nullable-type-assertion-style': 'off', // its fix turns `querySelector(…) as HTMLButtonElement` into `querySelector(…)!`, losing the type
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }], // `declare global { namespace fields {…} }` augments the SDK's types
    },
  },

  // Tests poke at untyped JSON bodies and event details and stub interfaces with empty or async functions.
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-empty-function': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-expressions': 'off', // chai: expect(x).to.be.true
    },
  },

  // Lit templates, web components and their accessibility: the element, its tests and the demo.
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.{js,ts}'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended'], litA11y.configs.recommended],
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
  },

  // What ships to browsers: only APIs the supported browsers have (browserslist in package.json).
  // sandbox/ (the MercadoPago.js double of the demo and tests) never reaches buyers, so it is not held to this.
  {
    files: ['src/**/*.ts'],
    extends: [compat.configs['flat/recommended']],
    rules: {
      // eslint-plugin-compat does not know static methods (its API list skips MDN's `*_static` entries):
      // the ones below are missing from some browser in the browserslist.
      'no-restricted-properties': [
        'error',
        { object: 'AbortSignal', property: 'any', message: 'Not in Safari/iOS < 17.4, Chrome < 116, Firefox < 124, Samsung Internet < 24.' },
        { object: 'AbortSignal', property: 'timeout', message: 'Chrome/WebView < 124 and Samsung Internet < 27 abort with AbortError, not TimeoutError.' },
        { object: 'URL', property: 'canParse', message: 'Not in Safari/iOS < 17, Chrome < 120, Samsung Internet < 25.' },
        { object: 'URL', property: 'parse', message: 'Not in Safari/iOS < 18, Chrome < 126, Firefox < 126, Samsung Internet < 28.' },
        { object: 'Response', property: 'json', message: 'Not in Safari/iOS < 17.' },
        { object: 'Document', property: 'parseHTMLUnsafe', message: 'Not in Safari/iOS < 26, Chrome < 124, Firefox < 128.' },
      ],
    },
  },

  // Globals for the JavaScript files (TypeScript files take theirs from tsconfig's lib and types).
  { files: ['demo/**/*.js'], languageOptions: { globals: globals.browser } },
  { files: ['demo/sandbox-sw.js', 'test/helpers/sdk-double-sw.js'], languageOptions: { globals: globals.serviceworker } },
  { files: ['bin/**/*.mjs', 'scripts/**/*.mjs', '*.mjs'], languageOptions: { globals: globals.node } },

  // Last: turn off every rule that would fight Prettier.
  prettier,
]);
