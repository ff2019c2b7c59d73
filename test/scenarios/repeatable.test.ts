import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunRecord } from '../../runner/types.ts';
import { catalog } from '../../scenarios/index.ts';
import { demoExpectation } from '../support/catalog.ts';
import { type Demo, startDemo } from '../support/demo.ts';

/**
 * A scenario leaves the SP as it found it, or uses identities made afresh for each run
 * (the stranger role): the catalog run twice against one SP gives the same verdicts.
 */
let demo: Demo;
let first: RunRecord;
let second: RunRecord;

beforeAll(async () => {
  demo = await startDemo();
  first = await demo.run(catalog());
  second = await demo.run(catalog());
}, 300_000);

afterAll(() => demo?.close());

it('gives every scenario the same verdict the second time', () => {
  const verdicts = (run: RunRecord) => Object.fromEntries(run.results.map((r) => [r.scenarioId, r.verdict]));
  expect(verdicts(second)).toEqual(verdicts(first));
  // Timing scenarios at the demo's declared clock skew exactly are skipped, not judged.
  const notJudged = catalog().filter((s) => demoExpectation(s) === 'not-judged').length;
  expect(second.summary.skipped).toBe(notJudged);
  expect(second.summary.passed).toBe(second.summary.total - notJudged);
});
