import type { ScenarioResult } from '../../runner/types.ts';
import type { Scenario } from '../../scenarios/schema.ts';

/** Which way a timing scenario moves the clock: before validity, after it, or the issue instant. */
export type SkewDirection = 'early' | 'late' | 'issued-ahead' | 'issued-ago';

/** What one direction's timing scenarios showed: the largest offset accepted and the smallest refused. */
export interface SkewAllowance {
  direction: SkewDirection;
  /** Largest offset (seconds) the library accepted; undefined when it accepted none. */
  acceptedSeconds: number | undefined;
  /** Smallest offset (seconds) the library refused; undefined when it refused none. */
  refusedSeconds: number | undefined;
  /** The scenarios it was read from. */
  scenarioIds: string[];
}

/**
 * The catalog's time faults that move the validity window's edge by a number of seconds, by
 * fault name. An IdP clock behind is left out: it moves NotOnOrAfter by the offset less the
 * assertion's lifetime, so it measures the lifetime as much as the allowance; the bearer
 * confirmation's expiry is a check of its own, not a skew.
 */
const measures: Record<string, (params: Record<string, unknown>) => [SkewDirection, number] | undefined> = {
  'saml.not-before-future': (p) => seconds('early', p.seconds),
  'saml.assertion-expired': (p) => seconds('late', p.secondsAgo),
  'saml.clock-skew': (p) =>
    typeof p.seconds === 'number' && p.seconds > 0 ? seconds('early', p.seconds) : undefined,
  'saml.issue-instant': (p) =>
    typeof p.offsetSeconds === 'number'
      ? seconds(p.offsetSeconds > 0 ? 'issued-ahead' : 'issued-ago', Math.abs(p.offsetSeconds))
      : undefined,
  'oidc.id-token.expired': (p) => seconds('late', p.secondsAgo),
  'oidc.id-token.not-before': (p) => seconds('early', p.secondsAhead),
  'oidc.id-token.issued-at': (p) =>
    typeof p.offsetSeconds === 'number'
      ? seconds(p.offsetSeconds > 0 ? 'issued-ahead' : 'issued-ago', Math.abs(p.offsetSeconds))
      : undefined,
};

function seconds(direction: SkewDirection, value: unknown): [SkewDirection, number] | undefined {
  return typeof value === 'number' ? [direction, value] : undefined;
}

/**
 * The effective clock-skew allowance the `*.time.*` scenarios measured: for each direction,
 * the largest offset the library accepted and the smallest it refused. A scenario counts when
 * it has exactly one time fault with a numeric offset and a pass or fail verdict (its expected
 * outcome and verdict say whether the library logged the user in).
 */
export function clockSkew(
  scenarios: readonly Scenario[],
  results: readonly ScenarioResult[],
): SkewAllowance[] {
  const byDirection = new Map<SkewDirection, SkewAllowance>();
  for (const scenario of scenarios) {
    if (!/^(saml|oidc)\.time\./.test(scenario.id) || scenario.faults.length !== 1) continue;
    const fault = scenario.faults[0]!;
    const measured = measures[fault.fault]?.((fault.params ?? {}) as Record<string, unknown>);
    const result = results.find((r) => r.scenarioId === scenario.id);
    if (!measured || !result || (result.verdict !== 'pass' && result.verdict !== 'fail')) continue;
    if (typeof scenario.expect !== 'string') continue;
    const accepted = (result.verdict === 'pass') === (scenario.expect === 'accept');
    const [direction, offset] = measured;
    const entry = byDirection.get(direction) ?? {
      direction,
      acceptedSeconds: undefined,
      refusedSeconds: undefined,
      scenarioIds: [],
    };
    entry.scenarioIds.push(scenario.id);
    if (accepted) entry.acceptedSeconds = Math.max(entry.acceptedSeconds ?? 0, offset);
    else entry.refusedSeconds = Math.min(entry.refusedSeconds ?? Number.POSITIVE_INFINITY, offset);
    byDirection.set(direction, entry);
  }
  const order: SkewDirection[] = ['early', 'late', 'issued-ahead', 'issued-ago'];
  return order.flatMap((d) => (byDirection.has(d) ? [byDirection.get(d)!] : []));
}

const directionWords: Record<SkewDirection, string> = {
  early: 'early',
  late: 'late',
  'issued-ahead': 'issued in the future',
  'issued-ago': 'issued in the past',
};

/** One direction in words, e.g. "accepts 30 s early, refuses 2 min". */
export function describeSkew(allowance: SkewAllowance): string {
  const words = directionWords[allowance.direction];
  const { acceptedSeconds: ok, refusedSeconds: no } = allowance;
  if (ok !== undefined && no !== undefined && ok > no)
    return `inconsistent ${words}: accepts ${duration(ok)} but refuses ${duration(no)}`;
  if (ok !== undefined && no !== undefined)
    return `accepts ${duration(ok)} ${words}, refuses ${duration(no)}`;
  if (ok !== undefined) return `accepts ${duration(ok)} ${words} (the most tested)`;
  return `refuses ${duration(no ?? 0)} ${words} (the least tested)`;
}

/** The whole allowance on one line, e.g. "accepts 30 s early, refuses 2 min; accepts 45 s late, refuses 5 min". */
export function describeSkews(allowances: readonly SkewAllowance[]): string {
  return allowances.length ? allowances.map(describeSkew).join('; ') : 'not measured';
}

function duration(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
