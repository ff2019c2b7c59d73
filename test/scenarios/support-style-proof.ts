import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FailureStyle } from '../../examples/demo-sp/index.ts';
import type { ScenarioResult } from '../../runner/types.ts';
import { catalog } from '../../scenarios/index.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { demoExpectation } from '../support/catalog.ts';
import { type Demo, startDemo } from '../support/demo.ts';

/** The README's minimal probe: the page shows the user's email. Nothing else. */
export const minimalProbe = (spUrl: string) => ({ url: `${spUrl}/me`, contains: '{{user.email}}' });

const isNegative = (s: Scenario) =>
  demoExpectation(s) === 'negative' || (typeof s.expect === 'object' && 'acceptAs' in s.expect);

/**
 * A failure style changes how the SP says "no session", not its clock: of the timing
 * scenarios at every distance, one accepted (30 s) and one refused (10 min) per field suffice.
 */
const inStyleProof = (s: Scenario) => !s.tags.includes('timing-distance') || /-(30s|10m)$/.test(s.id);

/**
 * The whole catalog against the demo SP in one failure style, with the README's minimal
 * probe: every scenario passes against the strict SP, and every negative one fails with
 * the lax switch it exists to catch: the same verdicts as in the plain style.
 */
export function proveUnderFailureStyle(style: FailureStyle): void {
  const scenarios = catalog().filter(inStyleProof);
  const negatives = scenarios.filter(isNegative);
  const byLax = new Map<string, Scenario[]>();
  for (const scenario of negatives) {
    const key = (scenario.caughtBy ?? []).join(',');
    if (key) byLax.set(key, [...(byLax.get(key) ?? []), scenario]);
  }
  let demo: Demo;
  const strict = new Map<string, ScenarioResult>();
  const lax = new Map<string, ScenarioResult>();

  beforeAll(async () => {
    demo = await startDemo({ failureStyle: style, probe: minimalProbe });
    for (const result of (await demo.run(scenarios)).results) strict.set(result.scenarioId, result);
    for (const [switches, group] of byLax) {
      await demo.restartSp(switches.split(','));
      for (const result of (await demo.run(group)).results) lax.set(result.scenarioId, result);
    }
  }, 600_000);

  afterAll(async () => {
    await demo?.close();
  });

  const explain = (r: ScenarioResult | undefined) => (r ? `${r.verdict}: ${r.reason}` : 'no result');

  describe(`failure style ${style}, minimal probe: the strict demo SP`, () => {
    it('passes every scenario', () => {
      const wrong = scenarios
        .map((s) => strict.get(s.id))
        .filter((r) => r?.verdict !== 'pass')
        .map((r) => `${r?.scenarioId}: ${explain(r)}`);
      expect(wrong, wrong.join('\n')).toEqual([]);
    });
  });

  describe(`failure style ${style}, minimal probe: the demo SP with each lax switch`, () => {
    it('fails every negative scenario', () => {
      const wrong = negatives
        .filter((s) => s.caughtBy?.length)
        .map((s) => lax.get(s.id))
        .filter((r) => r?.verdict !== 'fail')
        .map((r) => `${r?.scenarioId}: ${explain(r)}`);
      expect(wrong, wrong.join('\n')).toEqual([]);
    });
  });
}
