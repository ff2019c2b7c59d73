import type { RunRecord, RunSummary, ScenarioResult, Verdict } from './types.ts';

/**
 * How one result moved between run A and run B: its verdict `changed`, it `appeared`
 * (only in B), it `disappeared` (only in A), or it is `unchanged`.
 */
export type ResultChange = 'changed' | 'appeared' | 'disappeared' | 'unchanged';

/** One run's side of a compared result: what the side-by-side view shows. */
export interface ComparedSide {
  verdict: Verdict;
  observed: string;
  reason: string;
}

/** One result key in either run; `a` / `b` are absent where the run has no such result. */
export interface ComparedResult {
  /** The result key, `<scenario id> @ <target>` (results are matched by it). */
  key: string;
  scenarioId: string;
  title: string;
  change: ResultChange;
  a?: ComparedSide | undefined;
  b?: ComparedSide | undefined;
}

/** Which run a side of the comparison is. */
export interface ComparedRun {
  id: string;
  startedAt: string;
  status: RunRecord['status'];
  summary: RunSummary;
}

/** Run B compared with run A (A the earlier, by convention). */
export interface RunComparison {
  a: ComparedRun;
  b: ComparedRun;
  /** How many results of each kind of change. */
  counts: Record<ResultChange, number>;
  /** Changed first, then appeared, disappeared, unchanged; each in run B's order, then run A's. */
  results: ComparedResult[];
}

const order: readonly ResultChange[] = ['changed', 'appeared', 'disappeared', 'unchanged'];

/**
 * Matches the results of two runs by `key` and says, for each, whether its verdict changed,
 * it appeared or disappeared, or nothing changed. Pure: reads the two records only.
 */
export function compareRuns(a: RunRecord, b: RunRecord): RunComparison {
  const inA = new Map(a.results.map((r) => [r.key, r]));
  const inB = new Map(b.results.map((r) => [r.key, r]));
  const keys = [...new Set([...inB.keys(), ...inA.keys()])];
  const compared = keys.map((key) => compareOne(key, inA.get(key), inB.get(key)));
  const results = order.flatMap((change) => compared.filter((r) => r.change === change));
  const counts = { changed: 0, appeared: 0, disappeared: 0, unchanged: 0 };
  for (const r of results) counts[r.change]++;
  return { a: runOf(a), b: runOf(b), counts, results };
}

function compareOne(
  key: string,
  a: ScenarioResult | undefined,
  b: ScenarioResult | undefined,
): ComparedResult {
  const either = (b ?? a)!;
  const change: ResultChange = !a
    ? 'appeared'
    : !b
      ? 'disappeared'
      : a.verdict === b.verdict
        ? 'unchanged'
        : 'changed';
  return {
    key,
    scenarioId: either.scenarioId,
    title: either.title,
    change,
    a: a && sideOf(a),
    b: b && sideOf(b),
  };
}

function sideOf(r: ScenarioResult): ComparedSide {
  return { verdict: r.verdict, observed: r.observed, reason: r.reason };
}

function runOf(r: RunRecord): ComparedRun {
  return { id: r.id, startedAt: r.startedAt, status: r.status, summary: r.summary };
}
