import { timeDirectionWords as directionWords, secondsInWords as inWords } from '../../lib/time-words.ts';
import type { Timing } from '../../scenarios/schema.ts';

/** What a timing scenario expects of one target, or why it is not judged there. */
export type SkewJudgement =
  | {
      expect: 'accept' | 'reject';
      /** The rule in words, e.g. "2 min late, beyond the declared 60 s clock skew". */
      note: string;
    }
  | { skip: string };

/**
 * The expectation of a timing scenario (`expect: { withinSkew }`) against the clock skew a
 * target declares (`targets.<targetId>.clockSkewSeconds`, seconds): a time off by less
 * than the skew is accepted by a correct SP, off by more refused.
 *
 * Off by exactly the skew is not judged: whether `NotOnOrAfter == now - skew` passes
 * depends on `<` against `<=` in the SP, on whole-second rounding (OIDC times are whole
 * seconds) and on the milliseconds between building the response and the SP's check, so
 * either outcome is correct and a verdict would be noise.
 */
export function judgeBySkew(timing: Timing, declaredSkewSeconds: number, targetId: string): SkewJudgement {
  const distance = `${inWords(timing.seconds)} ${directionWords[timing.direction]}`;
  const setting = `targets.${targetId}.clockSkewSeconds`;
  const declared = `the declared ${inWords(declaredSkewSeconds)} clock skew (${setting})`;
  if (timing.seconds === declaredSkewSeconds) {
    // One reason for every field, so that the skip summary shows them as one group.
    return {
      skip: `at the declared ${inWords(declaredSkewSeconds)} clock skew exactly (${setting}); not judged`,
    };
  }
  return timing.seconds < declaredSkewSeconds
    ? { expect: 'accept', note: `${distance}, within ${declared}` }
    : { expect: 'reject', note: `${distance}, beyond ${declared}` };
}
