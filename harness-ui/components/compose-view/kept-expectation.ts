// The planner's own rule (pure, no dependencies but words), so Compose shows what a run will judge.
import { judgeBySkew } from '../../../runner/timing/expectation.ts';
import type { TargetListing } from '../../api/types.ts';
import type { KeptExpectation } from './scenario-draft.ts';

/** What a kept expectation means for the chosen target: a short verdict word and the sentence behind it. */
export interface KeptWords {
  /** The radio button's label. */
  label: string;
  /** `accept` / `reject` as the run will judge it, `skipped` at the skew, undefined when it is not one outcome. */
  outcome: 'accept' | 'reject' | 'skipped' | undefined;
  /** e.g. "expects accept", "at the skew: skipped". */
  badge: string;
  /** Why, naming the setting it depends on. */
  text: string;
}

/**
 * A timing scenario (`{ withinSkew }`) judged as the planner judges it against the target's
 * `clockSkewSeconds` (runner/timing/expectation.ts): accept below the skew, reject above,
 * skipped at exactly the skew. Other kept expectations (`acceptAs`, `steps`) in words.
 */
export function keptWords(kept: KeptExpectation, target: TargetListing | undefined): KeptWords {
  if ('withinSkew' in kept) {
    const label = "decides by the target's clock skew (a timing scenario)";
    if (!target) {
      return {
        label,
        outcome: undefined,
        badge: 'by the clock skew',
        text: `${kept.withinSkew.field} is ${kept.withinSkew.seconds} s off: accepted below the target's clock skew, refused above it. Choose a target to see which.`,
      };
    }
    const skew = target.target.clockSkewSeconds;
    const judged = judgeBySkew(kept.withinSkew, skew, target.id);
    if ('skip' in judged) {
      return {
        label,
        outcome: 'skipped',
        badge: 'at the skew: skipped',
        text: `${kept.withinSkew.field}: ${judged.skip}`,
      };
    }
    return {
      label,
      outcome: judged.expect,
      badge: `expects ${judged.expect}`,
      text: `${kept.withinSkew.field} ${judged.note}`,
    };
  }
  if ('acceptAs' in kept) {
    return {
      label: `logs in as ${kept.acceptAs}`,
      outcome: 'accept',
      badge: 'expects accept',
      text: `logged in, as ${kept.acceptAs}`,
    };
  }
  return {
    label: `the scenario's ${kept.steps.length} steps`,
    outcome: undefined,
    badge: `${kept.steps.length} steps`,
    text: kept.steps
      .map((s, i) => `${i + 1}. ${s.action}: ${s.expect}${s.notAs ? ` ${s.notAs}` : ''}`)
      .join(', '),
  };
}
