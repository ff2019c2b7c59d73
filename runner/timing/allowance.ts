import { secondsInWords as inWords, timeDirectionWords } from '../../lib/time-words.ts';
import type { ScenarioResult, TimingResult } from '../types.ts';

/**
 * The clock skew an SP showed it allows on one time field, from a run's timing scenarios
 * (JSON report: `clockSkew[]`, docs/report-json.md). Seconds throughout.
 */
export interface ClockSkewAllowance {
  target: string;
  protocol: 'saml' | 'oidc';
  /** The time in the spec's words, e.g. "Conditions NotOnOrAfter" or "exp". */
  field: string;
  /** `past`: how late (expired) the SP still accepts; `future`: how far ahead (not yet valid). */
  direction: TimingResult['direction'];
  /** What the target declares (`targets.<t>.clockSkewSeconds`). */
  declaredSkewSeconds: number;
  /** The largest distance the SP accepted; absent when it accepted none of those tried. */
  acceptedUpToSeconds?: number | undefined;
  /** The smallest distance the SP refused; absent when it refused none of those tried. */
  refusedFromSeconds?: number | undefined;
  /** False when the SP accepted a larger distance than one it refused. */
  consistent: boolean;
  /** In words: "accepts up to 2 min late, refuses 3 min (declared 3 min)". */
  summary: string;
  /** The scenarios it was read from (judged ones only: a skipped or errored result says nothing). */
  scenarioIds: string[];
}

/**
 * Derives, per target and time field, what the SP accepted and refused: scenario results
 * in (any order, any mix), one allowance per field that a judged timing result measured out.
 * A result counts when it carries `timing` with an expectation and its verdict is pass or
 * fail: the SP accepted when it passed an `accept` or failed a `reject`.
 */
export function clockSkewAllowances(results: readonly ScenarioResult[]): ClockSkewAllowance[] {
  const byField = new Map<string, ClockSkewAllowance>();
  for (const r of results) {
    const t = r.timing;
    if (!t?.expect || (r.verdict !== 'pass' && r.verdict !== 'fail') || r.protocol === 'scim') continue;
    const key = JSON.stringify([r.target, r.protocol, t.field, t.direction]);
    const entry = byField.get(key) ?? {
      target: r.target,
      protocol: r.protocol,
      field: t.field,
      direction: t.direction,
      declaredSkewSeconds: t.declaredSkewSeconds,
      consistent: true,
      summary: '',
      scenarioIds: [],
    };
    const accepted = (r.verdict === 'pass') === (t.expect === 'accept');
    if (accepted) entry.acceptedUpToSeconds = Math.max(entry.acceptedUpToSeconds ?? 0, t.seconds);
    else entry.refusedFromSeconds = Math.min(entry.refusedFromSeconds ?? Number.POSITIVE_INFINITY, t.seconds);
    entry.scenarioIds.push(r.scenarioId);
    byField.set(key, entry);
  }
  return [...byField.values()].map((entry) => {
    const { acceptedUpToSeconds: ok, refusedFromSeconds: no } = entry;
    const consistent = ok === undefined || no === undefined || ok < no;
    return { ...entry, consistent, summary: describe({ ...entry, consistent }) };
  });
}

function describe(a: Omit<ClockSkewAllowance, 'summary'>): string {
  const way = timeDirectionWords[a.direction];
  const ok = a.acceptedUpToSeconds;
  const no = a.refusedFromSeconds;
  const declared = `(declared ${inWords(a.declaredSkewSeconds)})`;
  if (ok !== undefined && no !== undefined && !a.consistent)
    return `inconsistent: accepts ${inWords(ok)} ${way} but refuses ${inWords(no)} ${declared}`;
  if (ok !== undefined && no !== undefined)
    return `accepts up to ${inWords(ok)} ${way}, refuses ${inWords(no)} ${declared}`;
  if (ok !== undefined) return `accepts up to ${inWords(ok)} ${way}, the most tried ${declared}`;
  return `refuses from ${inWords(no ?? 0)} ${way}, the least tried ${declared}`;
}

/** One line per field, e.g. "Conditions NotOnOrAfter: accepts up to 30 s late, refuses 2 min (declared 1 min)". */
export function describeAllowances(allowances: readonly ClockSkewAllowance[]): string[] {
  return allowances.map((a) => `${a.field}: ${a.summary}`);
}
