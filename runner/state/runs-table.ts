import type { DatabaseSync } from 'node:sqlite';
import type { RunRecord, ScenarioResult } from '../types.ts';

/** The run without its results: what the `runs` table keeps in `head`. */
export function runHead(record: RunRecord): Omit<RunRecord, 'results'> {
  const { results: _results, ...head } = record;
  return head;
}

/** Inserts or updates a run's row (not its results). */
export function upsertRun(db: DatabaseSync, record: RunRecord): void {
  db.prepare(
    `INSERT INTO runs (id, status, started_at, finished_at, pid, head) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, finished_at = excluded.finished_at, head = excluded.head`,
  ).run(
    record.id,
    record.status,
    record.startedAt,
    record.finishedAt ?? null,
    record.pid,
    JSON.stringify(runHead(record)),
  );
}

/** Inserts or replaces one result of a run, at `position` in the run's plan order. */
export function upsertResult(
  db: DatabaseSync,
  runId: string,
  result: ScenarioResult,
  position: number,
): void {
  const json = JSON.stringify(result);
  const bytes = Buffer.byteLength(json);
  const previous = db
    .prepare('SELECT bytes FROM results WHERE run_id = ? AND key = ?')
    .get(runId, result.key) as { bytes: number } | undefined;
  db.prepare(
    `INSERT INTO results (run_id, key, position, json, bytes) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (run_id, key) DO UPDATE SET position = excluded.position, json = excluded.json, bytes = excluded.bytes`,
  ).run(runId, result.key, position, json, bytes);
  db.prepare('UPDATE runs SET bytes = bytes + ? WHERE id = ?').run(bytes - (previous?.bytes ?? 0), runId);
}
