import type { Expectation, Step } from '../scenarios/schema.ts';
import type { ProbeObservation, StepResult, Verdict } from './types.ts';

/** An expectation in one shape: the steps to take and what each must show. */
export interface NormalizedStep {
  action: Step['action'];
  expect: 'accept' | 'reject' | 'not-as';
  forbiddenIdentity?: string | undefined;
  /** For accept: the email the SP shows, when it is not the asserted user's own. */
  acceptAs?: string | undefined;
  /** A login step as another role (multi-step scenarios). */
  role?: Step['role'];
  /** A login step with its own faults. */
  faults?: Step['faults'];
  /** A wait step: seconds, and the cache it waits out. */
  seconds?: Step['seconds'];
  until?: Step['until'];
}

/** Throws for `{ withinSkew }`: the planner turns it into accept or reject first. */
export function normalizeExpectation(expectation: Expectation): NormalizedStep[] {
  if (expectation === 'accept' || expectation === 'reject') return [{ action: 'login', expect: expectation }];
  if ('notAs' in expectation)
    return [{ action: 'login', expect: 'not-as', forbiddenIdentity: expectation.notAs }];
  if ('acceptAs' in expectation)
    return [{ action: 'login', expect: 'accept', acceptAs: expectation.acceptAs }];
  if ('withinSkew' in expectation) {
    throw new Error(
      'a timing expectation ({ withinSkew }) is decided against the target by the planner (runner/timing/expectation.ts)',
    );
  }
  return expectation.steps.map((s) => ({
    action: s.action,
    expect: s.expect,
    ...(s.notAs ? { forbiddenIdentity: s.notAs } : {}),
    ...(s.role ? { role: s.role } : {}),
    ...(s.faults ? { faults: s.faults } : {}),
    ...(s.seconds !== undefined ? { seconds: s.seconds } : {}),
    ...(s.until ? { until: s.until } : {}),
  }));
}

/**
 * The verdict of one step from what the probe saw (already read through the outcome
 * table, `runner/outcome.ts`). A 5xx is the SP's "no session", not an error: a probe
 * that could not be judged at all never reaches here.
 */
export function judgeStep(step: Pick<NormalizedStep, 'expect'>, observation: ProbeObservation): Verdict {
  switch (step.expect) {
    case 'accept':
      return observation.asExpectedUser ? 'pass' : 'fail';
    case 'reject':
      return observation.session ? 'fail' : 'pass';
    case 'not-as':
      return observation.asForbiddenIdentity ? 'fail' : 'pass';
  }
}

/**
 * The scenario's verdict: any error wins, then any fail; a scenario whose every step was
 * skipped (a SCIM check the SP does not advertise) is skipped; otherwise all steps passed.
 */
export function combineVerdicts(steps: readonly StepResult[]): Verdict {
  if (steps.length === 0) return 'error';
  if (steps.some((s) => s.verdict === 'error')) return 'error';
  if (steps.some((s) => s.verdict === 'fail')) return 'fail';
  if (steps.every((s) => s.verdict === 'skipped')) return 'skipped';
  return 'pass';
}
