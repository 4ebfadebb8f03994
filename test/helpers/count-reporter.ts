/** A web-test-runner reporter that writes the pass/fail counts for the final summary line. */
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
  testResults?: Suite;
  passed?: boolean;
  errors?: unknown[];
}

function count(suite: Suite | undefined, totals: { passed: number; failed: number; skipped: number }) {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites) count(child, totals);
}

export function countReporter(file: string) {
  return {
    onTestRunFinished({ sessions }: { sessions: Session[] }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that could not even load counts as one failure, never as zero tests.
        if (!session.passed && !session.testResults?.tests.length && !session.testResults?.suites.length) totals.failed++;
      }
      mkdirSync('.cache', { recursive: true });
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
