// Two builds:
//  - dist/mp-checkout.js: the CDN build — one minified ESM file with Lit and i18next bundled, each
//    locale a lazy chunk (only the active one is fetched);
//  - dist/sandbox/mercadopago-sdk.js: the sandbox double as a classic script, served AT the
//    official SDK URL by the demo and tests. It is never part of the production bundle.
// npm consumers get lib/ (tsc output), which leaves Lit and i18next to their bundler.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import terser from '@rollup/plugin-terser';
import { rmSync } from 'node:fs';
// Lit's own minifier for the html`` and css`` literals, which terser leaves as written: their
// indentation and comments would otherwise ship to every buyer.
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

const plugins = (tsconfig = './tsconfig.json', include = ['src/**/*.ts']) => [
  nodeResolve({ browser: true, exportConditions: ['production'] }),
  commonjs({ include: /node_modules/ }),
  json({ preferConst: true, compact: true }),
  typescript({ tsconfig, declaration: false, declarationMap: false, sourceMap: true, outDir: undefined, rootDir: undefined, noEmit: false, include }),
  minifyHTML({ failOnError: true }),
  terser({ ecma: 2020, module: true, compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true }, format: { comments: false } }),
];

// Chunk names carry content hashes: clear the old ones so dist/ holds exactly what one build makes.
rmSync('dist/chunks', { recursive: true, force: true });

export default [
  {
    input: 'src/index.ts',
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'mp-checkout.js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: plugins(),
  },
  {
    input: 'sandbox/sdk-entry.ts',
    output: { file: 'dist/sandbox/mercadopago-sdk.js', format: 'iife', sourcemap: true },
    plugins: plugins('./sandbox/tsconfig.json', ['sandbox/**/*.ts', 'src/**/*.ts']),
  },
];
