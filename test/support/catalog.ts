import { defaultClockSkewSeconds } from '../../examples/demo-sp/config.ts';
import { judgeBySkew } from '../../runner/timing/expectation.ts';
import type { Scenario } from '../../scenarios/schema.ts';

/**
 * What a scenario expects of the demo SP's target: a login (`positive`), no login or not as
 * the attacker (`negative`), or nothing, because a timing scenario sits at the demo's
 * declared clock skew exactly (`not-judged`: the run skips it).
 */
export function demoExpectation(
  s: Scenario,
  declaredSkewSeconds = defaultClockSkewSeconds,
): 'positive' | 'negative' | 'not-judged' {
  const e = s.expect;
  if (e === 'accept' || (typeof e === 'object' && 'acceptAs' in e)) return 'positive';
  if (typeof e === 'object' && 'withinSkew' in e) {
    const judged = judgeBySkew(e.withinSkew, declaredSkewSeconds, 'demo-sp');
    if ('skip' in judged) return 'not-judged';
    return judged.expect === 'accept' ? 'positive' : 'negative';
  }
  return 'negative';
}
