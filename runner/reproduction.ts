import { reproductionTag } from '../scenarios/schema.ts';
import type { ReproductionReading, ScenarioResult } from './types.ts';

/**
 * A result of a reproduction, read as one: the verdict is unchanged (pass when the SP did
 * what the scenario expects), but a pass means the SP did what the customer saw
 * (*reproduced*), a fail that it did something else (*not reproduced*), an error or a skip
 * that the run could not tell (*not judged*). Other results come back as they are.
 */
export function readAsReproduction(result: ScenarioResult): ScenarioResult {
  if (!result.tags.includes(reproductionTag)) return result;
  return { ...result, reproduction: reproductionReading(result) };
}

function reproductionReading(r: ScenarioResult): ReproductionReading {
  const faults = r.faults.length ? r.faults.map((f) => f.fault).join(', ') : 'no fault';
  const what = `${r.expected} at ${r.target} when the IdP commits ${faults}`;
  switch (r.verdict) {
    case 'pass':
      return { outcome: 'reproduced', what, line: `reproduced: ${what} (${r.observed})` };
    case 'fail':
      return {
        outcome: 'not-reproduced',
        what,
        line: `not reproduced: looked for ${what}; the SP gave ${r.observed}`,
      };
    case 'error':
      return { outcome: 'not-judged', what, line: `not judged: the run could not tell (${r.reason})` };
    default:
      return { outcome: 'not-judged', what, line: `not judged: not run (${r.reason})` };
  }
}
