// Fails when custom-elements.json is stale: regenerates it into .cache/ and compares.
// (The analyzer treats --outdir as relative to the working directory, so it stays in the repo.)
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const out = '.cache/manifest-check';
try {
  execFileSync('npx', ['cem', 'analyze', '--outdir', out], { stdio: 'pipe' });
  const fresh = readFileSync(`${out}/custom-elements.json`, 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (JSON.stringify(JSON.parse(fresh)) !== JSON.stringify(JSON.parse(committed))) {
    console.error('manifest: custom-elements.json is stale; run `npm run analyze` and commit it.');
    process.exit(1);
  }
  console.log('manifest: custom-elements.json matches the source');
} finally {
  rmSync(out, { recursive: true, force: true });
}
