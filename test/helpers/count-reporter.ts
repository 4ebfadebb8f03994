/** A web-test-runner reporter that writes the pass/fail counts for the final summary line, per engine. */
import { mkdirSync, writeFileSync } from 'node:fs';

interface TestResult {
  passed: boolean;
  skipped: boolean;
}
interface Suite {
  tests: TestResult[];
  suites: Suite[];
}
interface Session {
  id: string;
  status?: string;
  testResults?: Suite;
  passed?: boolean;
  errors?: unknown[];
  browser?: { name?: string };
}
interface Sessions {
  on(event: 'session-status-updated', listener: (session: Session) => void): void;
}
interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

function count(suite: Suite | undefined, totals: Totals) {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites) count(child, totals);
}

/**
 * Writes `{passed, failed, skipped, engines: {Chromium: {passed, failed, skipped, seconds}, …}}`.
 * `seconds` is the engine's wall time from the start of the run to its last file finishing (the
 * engines run side by side).
 */
export function countReporter(file: string) {
  let runStart = Date.now();
  const finishedAt = new Map<string, number>();
  return {
    start({ sessions }: { sessions: Sessions }) {
      runStart = Date.now();
      sessions.on('session-status-updated', (session) => {
        if (session.status === 'FINISHED') finishedAt.set(session.id, Date.now());
      });
    },
    onTestRunFinished({ sessions }: { sessions: Session[] }) {
      const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
      const engines: Record<string, Totals & { end: number }> = {};
      for (const session of sessions) {
        const name = session.browser?.name ?? 'unknown';
        const engine = (engines[name] ??= { passed: 0, failed: 0, skipped: 0, end: runStart });
        const mine: Totals = { passed: 0, failed: 0, skipped: 0 };
        count(session.testResults, mine);
        // A file that could not even load counts as one failure, never as zero tests.
        if (!session.passed && !session.testResults?.tests.length && !session.testResults?.suites.length) mine.failed++;
        for (const key of ['passed', 'failed', 'skipped'] as const) {
          totals[key] += mine[key];
          engine[key] += mine[key];
        }
        engine.end = Math.max(engine.end, finishedAt.get(session.id) ?? Date.now());
      }
      const perEngine = Object.fromEntries(
        Object.entries(engines).map(([name, { end, ...rest }]) => [name, { ...rest, seconds: Math.round((end - runStart) / 1000) }]),
      );
      mkdirSync('.cache', { recursive: true });
      writeFileSync(file, JSON.stringify({ ...totals, engines: perEngine }));
    },
  };
}
