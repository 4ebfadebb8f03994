// `npm test`: every check, in order, then one closing line `tests: N passed, N failed`.
//   typecheck → lint (ESLint: type-checked typescript-eslint, Lit, web-component, Lit a11y and
//   browser-compat rules; Prettier's format check; lit-analyzer on the Lit templates) → build →
//   bundle-size budget → drift of the manifest and the types generated from it → drift of the
//   README's API reference and SRI hash → browser tests (unit + element, web-test-runner in
//   Chromium, Firefox and WebKit side by side; counts printed per engine) → visual regression
//   (Chromium screenshots against committed baselines) → end-to-end tests (built bundle + demo
//   server; the packed tarball in a fresh project) → reference server
//   (server/: its typecheck and its node:test suite on PGlite, PostgreSQL, workerd and under load)
//   → WordPress plugin tests (PHP's CLI).
// The exit code is the verdict. Each step runs even if an earlier one failed, so one run shows all.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';

const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim() };
let passed = 0;
let failed = 0;

function run(label, command, args, parse) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: parse ? ['inherit', 'pipe', 'inherit'] : 'inherit', env });
  if (parse) process.stdout.write(result.stdout);
  const counted = parse ? parse(result.stdout?.toString() ?? '') : undefined;
  if (counted) {
    passed += counted.passed;
    failed += counted.failed;
    if (result.status !== 0 && counted.failed === 0) failed += 1; // the runner failed outside a test
  } else if (result.status === 0) {
    passed += 1;
  } else {
    failed += 1;
  }
  if (result.status !== 0) console.log(`✗ ${label} failed (exit ${result.status})`);
}

run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.test.json']);
run('eslint', 'npx', ['eslint', '.']);
run('prettier', 'npx', ['prettier', '--check', '.']);
run('lit-analyzer', 'npx', ['lit-analyzer', 'src', 'test', '--strict', '--maxWarnings', '0']);
run('build', 'npx', ['rollup', '-c', '--silent']);
run('bundle size', 'node', ['scripts/check-size.mjs']);
run('manifest', 'node', ['scripts/check-manifest.mjs']);
run('readme', 'node', ['scripts/readme.mjs', '--check']);

rmSync('.cache/wtr-counts.json', { force: true });
run('browser tests', 'npx', ['wtr'], () => {
  try {
    const counts = JSON.parse(readFileSync('.cache/wtr-counts.json', 'utf8'));
    console.log('\nbrowser tests per engine:');
    for (const [engine, c] of Object.entries(counts.engines ?? {})) {
      console.log(`  ${engine.padEnd(9)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (marked) in ${c.seconds} s`);
    }
    return counts;
  } catch {
    return { passed: 0, failed: 1 };
  }
});

// Screenshots of the main states against test/visual/baselines/, Chromium only (engines render text
// differently). After an intended change of the look: `npm run test:visual -- --update-visual-baseline`.
rmSync('.cache/wtr-visual-counts.json', { force: true });
run('visual regression', 'npx', ['wtr', '--config', 'web-test-runner.visual.config.mjs'], () => {
  try {
    return JSON.parse(readFileSync('.cache/wtr-visual-counts.json', 'utf8'));
  } catch {
    return { passed: 0, failed: 1 };
  }
});

const e2eFiles = readdirSync('test/e2e')
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `test/e2e/${f}`);
run('end-to-end tests', 'node', ['--test', '--test-reporter=spec', ...e2eFiles], (out) => {
  const pass = Number(/ℹ pass (\d+)/.exec(out)?.[1] ?? 0);
  const fail = Number(/ℹ fail (\d+)/.exec(out)?.[1] ?? 0);
  printE2eEngines(out);
  return { passed: pass, failed: fail || (pass ? 0 : 1) };
});

/** The payment suites name their engine (`… [chromium]`, `[firefox]`, `[webkit]`): one count line per engine. */
function printE2eEngines(out) {
  const engines = {};
  let engine;
  for (const line of out.split('\n')) {
    if (/^✖ failing tests:/.test(line)) break;
    const suite = /^▶ .*\[(chromium|firefox|webkit)\]/.exec(line);
    const skippedSuite = /^﹣ .*\[(chromium|firefox|webkit)\]/.exec(line);
    if (suite) engine = suite[1];
    else if (skippedSuite) (engines[skippedSuite[1]] ??= { passed: 0, failed: 0, skipped: 0 }).skipped++;
    else if (/^\S/.test(line))
      engine = undefined; // a top-level line ends the suite
    else if (engine) {
      const c = (engines[engine] ??= { passed: 0, failed: 0, skipped: 0 });
      if (/^\s+✔ /.test(line)) c.passed++;
      else if (/^\s+✖ /.test(line)) c.failed++;
      else if (/^\s+﹣ /.test(line)) c.skipped++;
    }
  }
  if (!Object.keys(engines).length) return;
  console.log('\nend-to-end payments per engine:');
  for (const [name, c] of Object.entries(engines)) console.log(`  ${name.padEnd(9)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
}

// The server package has its own dependencies (npm ci --prefix server) and its own test script.
const countNodeTests = (out) => {
  const pass = Number(/ℹ pass (\d+)/.exec(out)?.[1] ?? 0);
  const fail = Number(/ℹ fail (\d+)/.exec(out)?.[1] ?? 0);
  return { passed: pass, failed: fail || (pass ? 0 : 1) };
};
run('reference server tests', 'sh', ['-c', 'npm --prefix server run --silent typecheck && npm --prefix server test --silent'], countNodeTests);

// The WordPress plugin (integrations/wordpress), on PHP's CLI; its runner ends with `N passed, N failed`.
if (spawnSync('php', ['--version']).error) {
  console.log('\n✗ WordPress plugin tests: php not found (.ci/run installs php-cli)');
  failed += 1;
} else {
  run('WordPress plugin tests', 'php', ['integrations/wordpress/tests/run.php'], (out) => {
    const counts = /^(\d+) passed, (\d+) failed$/m.exec(out);
    return counts ? { passed: Number(counts[1]), failed: Number(counts[2]) } : { passed: 0, failed: 1 };
  });
}

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
