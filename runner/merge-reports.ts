import { type RunRecord, type ScenarioResult, summarize } from './types.ts';

/**
 * One run made of the JSON reports of `run --shard i/n` (or of any runs): results in the
 * order of the shards given, counts recomputed; a result key that appears twice keeps the
 * later one. The merged run started with the first shard, finished with the last, and
 * took as long as the slowest shard (shards run side by side). It is `interrupted` when
 * any shard was.
 *
 * @throws Error naming the report when the list is empty.
 */
export function mergeRunRecords(records: readonly RunRecord[]): RunRecord {
  const first = records[0];
  if (!first) throw new Error('no reports to merge');
  const byKey = new Map<string, ScenarioResult>();
  for (const record of records) for (const result of record.results) byKey.set(result.key, result);
  const results = [...byKey.values()];
  const startedAt = min(records.map((r) => r.startedAt));
  const finished = records.map((r) => r.finishedAt).filter((t): t is string => Boolean(t));
  const durationMs = Math.max(...records.map((r) => r.summary.durationMs));
  const shards = records.map((r) => r.options.shard).filter((s): s is string => Boolean(s));
  return {
    id: `merged-${first.id}`,
    status: records.some((r) => r.status !== 'finished') ? 'interrupted' : 'finished',
    startedAt,
    finishedAt: finished.length ? max(finished) : undefined,
    pid: process.pid,
    options: {
      ...first.options,
      targets: [...new Set(records.flatMap((r) => r.options.targets))],
      workers: records.reduce((sum, r) => sum + r.options.workers, 0),
      shard: shards.length ? `merged ${shards.join(', ')}` : undefined,
    },
    summary: summarize(results, durationMs),
    // Each shard calibrated its targets; one calibration per target and fingerprint is enough.
    calibrations: [
      ...new Map(
        records.flatMap((r) => r.calibrations ?? []).map((c) => [`${c.targetId}\0${c.fingerprint}`, c]),
      ).values(),
    ],
    results,
    reporterErrors: records.flatMap((r) => r.reporterErrors),
  };
}

const min = (values: string[]) => values.reduce((a, b) => (b < a ? b : a));
const max = (values: string[]) => values.reduce((a, b) => (b > a ? b : a));
