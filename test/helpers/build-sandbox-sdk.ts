/** Bundles sandbox/sdk-entry.ts as a classic script, once per process, from the current source. */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

let bundle: Promise<string> | undefined;

export function buildSandboxSdk(): Promise<string> {
  bundle ??= build({
    entryPoints: [fileURLToPath(new URL('../../sandbox/sdk-entry.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
  }).then((result) => result.outputFiles[0].text);
  return bundle;
}
