// Fails when custom-elements.json, or a file generated from it (the framework types in
// types/generated/, the editor data in editors/), is stale: regenerates everything into .cache/
// and compares. (The analyzer treats --outdir as relative to the working directory, so it stays in
// the repo; the config writes the generated files under MP_GENERATED_OUTDIR.)
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';

const out = '.cache/manifest-check';
const GENERATED = ['types/generated', 'editors'];
try {
  execFileSync('npx', ['cem', 'analyze', '--outdir', out], { stdio: 'pipe', env: { ...process.env, MP_GENERATED_OUTDIR: out } });
  const stale = [];
  const fresh = readFileSync(`${out}/custom-elements.json`, 'utf8');
  if (JSON.stringify(JSON.parse(fresh)) !== JSON.stringify(JSON.parse(readFileSync('custom-elements.json', 'utf8')))) stale.push('custom-elements.json');
  for (const dir of GENERATED) {
    const names = new Set([...readdirSync(`${out}/${dir}`), ...listOrNone(dir)]);
    for (const name of names) {
      const path = `${dir}/${name}`;
      if (readOrNone(`${out}/${path}`) !== readOrNone(path)) stale.push(path);
    }
  }
  if (stale.length) {
    console.error(`manifest: stale ${stale.join(', ')}; run \`npm run analyze\` and commit the result.`);
    process.exit(1);
  }
  console.log(`manifest: custom-elements.json, ${GENERATED.join('/ and ')}/ match the source`);
} finally {
  rmSync(out, { recursive: true, force: true });
}

function listOrNone(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function readOrNone(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
