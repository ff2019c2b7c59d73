import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStrictSwitch, laxNames } from '../../examples/demo-sp/index.ts';
import type { ScenarioResult } from '../../runner/types.ts';
import { catalog } from '../../scenarios/index.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { demoExpectation } from '../support/catalog.ts';
import { type Demo, startDemo } from '../support/demo.ts';

/**
 * The proof that the catalog is honest: against the strict demo SP every scenario
 * passes; against the demo SP with the lax switch a negative scenario exists to catch,
 * that scenario fails. A negative scenario that no switch can make fail is a defect.
 * A positive (must-accept) scenario with a `caughtBy` names an over-strict `strict-`
 * switch instead, and must fail with it: proof that a too-strict SP is caught too.
 */
const scenarios = catalog();
const negatives = scenarios.filter((s) => demoExpectation(s) === 'negative');
/**
 * Must-accept scenarios that name the switches breaking them: over-strict `strict-` ones, or
 * a behaviour a real SP gets wrong (state kept in a Lax cookie). Timing scenarios are proven
 * by `no-skew-allowance` below: their caughtBy is for targets on which they are negative.
 */
const tolerances = scenarios.filter(
  (s) =>
    demoExpectation(s) === 'positive' &&
    (s.caughtBy?.length ?? 0) > 0 &&
    !(typeof s.expect === 'object' && 'withinSkew' in s.expect),
);
/** Timing scenarios at the demo's declared clock skew exactly: the run skips them, loudly. */
const notJudged = new Set(scenarios.filter((s) => demoExpectation(s) === 'not-judged').map((s) => s.id));

/**
 * Timing scenarios the demo's skew makes it accept: an SP that allows no clock skew at all
 * refuses them (the `no-skew-allowance` switch), which proves they can fail too.
 */
const withinSkew = scenarios.filter(
  (s) => demoExpectation(s) === 'positive' && typeof s.expect === 'object' && 'withinSkew' in s.expect,
);
const noSkew = new Map<string, ScenarioResult>();

/** Scenarios grouped by the switches that make them fail (one demo SP per group). */
const byLax = new Map<string, Scenario[]>();
for (const scenario of [...negatives, ...tolerances]) {
  const key = (scenario.caughtBy ?? []).join(',');
  byLax.set(key, [...(byLax.get(key) ?? []), scenario]);
}

let demo: Demo;
const strict = new Map<string, ScenarioResult>();
const lax = new Map<string, ScenarioResult>();

beforeAll(async () => {
  demo = await startDemo();
  if (scenarios.length === 0) return;
  for (const result of (await demo.run(scenarios)).results) strict.set(result.scenarioId, result);
  for (const [switches, group] of byLax) {
    if (!switches) continue;
    await demo.restartSp(switches.split(','));
    for (const result of (await demo.run(group)).results) lax.set(result.scenarioId, result);
  }
  await demo.restartSp(['no-skew-allowance']);
  for (const result of (await demo.run(withinSkew)).results) noSkew.set(result.scenarioId, result);
}, 600_000);

afterAll(async () => {
  await demo?.close();
});

const explain = (r: ScenarioResult | undefined) => (r ? `${r.verdict}: ${r.reason}` : 'no result');

describe('the catalog against the strict demo SP', () => {
  it.each(scenarios.map((s) => [s.id, s] as const))('%s passes', (id) => {
    const result = strict.get(id);
    if (notJudged.has(id)) {
      expect(result?.verdict, explain(result)).toBe('skipped');
      expect(result?.reason).toMatch(/^at the declared 1 min clock skew exactly \(.*\); not judged$/);
      return;
    }
    expect(result?.verdict, explain(result)).toBe('pass');
  });
});

describe.skipIf(negatives.length === 0)(
  'every negative scenario fails against the demo SP with the switch it exists to catch',
  () => {
    it.each(negatives.map((s) => [s.id, s] as const))('%s', (id, scenario) => {
      expect(
        scenario.caughtBy?.length,
        `${id} names no lax switch (caughtBy) that makes it fail`,
      ).toBeTruthy();
      for (const name of scenario.caughtBy ?? []) {
        expect(laxNames).toContain(name);
        expect(isStrictSwitch(name), `${name} is an over-strict switch, for positive scenarios`).toBe(false);
      }
      const result = lax.get(id);
      expect(result?.verdict, `with --lax ${scenario.caughtBy?.join(',')}: ${explain(result)}`).toBe('fail');
    });
  },
);

describe('every timing scenario the demo accepts fails against the demo SP with no skew allowance', () => {
  it.each(withinSkew.map((s) => [s.id, s] as const))('%s', (id) => {
    const result = noSkew.get(id);
    expect(result?.verdict, `with --lax no-skew-allowance: ${explain(result)}`).toBe('fail');
  });
});

describe.skipIf(tolerances.length === 0)(
  'every positive scenario with a caughtBy fails against the demo SP with the switches it names',
  () => {
    it.each(tolerances.map((s) => [s.id, s] as const))('%s', (id, scenario) => {
      for (const name of scenario.caughtBy ?? []) expect(laxNames).toContain(name);
      const result = lax.get(id);
      expect(result?.verdict, `with --lax ${scenario.caughtBy?.join(',')}: ${explain(result)}`).toBe('fail');
    });
  },
);
