import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Writes the run's counts for scripts/test.ts, which prints the project's one summary
 * line (`N passed, N failed`) after the lint, type and build checks. A file that failed
 * to load, or an unhandled error, counts as a failure.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of modules) {
      let tests = 0;
      for (const test of module.children.allTests()) {
        tests++;
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (tests === 0 && module.state() === 'failed') failed++;
    }
    const file = process.env.SSO_HARNESS_TEST_SUMMARY;
    if (file) {
      mkdirSync(new URL('.', `file://${file}`).pathname, { recursive: true });
      writeFileSync(file, JSON.stringify({ passed, failed, skipped }));
    }
  }
}
