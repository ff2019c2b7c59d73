import { StateDatabase } from './state/database.ts';
import { upsertResult, upsertRun } from './state/runs-table.ts';
import { describeIssues, resultShape, runShape } from './state/shapes.ts';
import type { RunRecord, RunSummary, ScenarioResult } from './types.ts';

export interface RunListing {
  id: string;
  status: RunRecord['status'];
  startedAt: string;
  finishedAt?: string | undefined;
  targets: string[];
  driver: string;
  summary: RunSummary;
  /** A run of reproductions (Compose, Explain): its totals read reproduced / not reproduced. */
  reproduction?: boolean | undefined;
}

export interface HistoryOptions {
  /** Finished runs kept; older ones are deleted after each run (config history.keepRuns). */
  keepRuns?: number | undefined;
  /** Megabytes of results kept; the oldest runs go first (config history.keepMegabytes). */
  keepMegabytes?: number | undefined;
  log?: ((line: string) => void) | undefined;
}

/**
 * Past runs, in the state folder's database (`<stateDir>/state.db`). A run's row is
 * written when it begins, each result the moment it completes (so `kill -9` loses at most
 * the results in flight), and the totals when it ends; then the history is pruned to
 * `keepRuns` runs and `keepMegabytes` of results. Listing is one indexed query, paged.
 */
export class RunHistory {
  readonly state: StateDatabase;
  private readonly keepRuns: number;
  private readonly keepBytes: number;
  /**
   * The run each result object was last committed under by this history: a result is not
   * changed once reported, so saving its whole run again need not write it again (a full
   * catalog's results are megabytes of JSON).
   */
  private readonly committed = new WeakMap<ScenarioResult, string>();

  constructor(stateDir: string, options: HistoryOptions = {}) {
    this.state = StateDatabase.of(stateDir, options.log);
    this.keepRuns = options.keepRuns ?? 500;
    this.keepBytes = (options.keepMegabytes ?? 512) * 1024 * 1024;
  }

  /** Where the history is kept, for messages. */
  get file(): string {
    return this.state.file;
  }

  /**
   * Saves the whole run (its row and every result; a result object this history already
   * committed for this run keeps its row); prunes once the run is no longer running.
   */
  async save(record: RunRecord): Promise<void> {
    const { db } = this.state;
    const written: ScenarioResult[] = [];
    this.state.transaction(() => {
      upsertRun(db, record);
      record.results.forEach((result, i) => {
        if (this.committed.get(result) === record.id) return;
        upsertResult(db, record.id, result, i);
        written.push(result);
      });
    });
    for (const result of written) this.committed.set(result, record.id);
    if (record.status !== 'running') this.prune();
  }

  /** Saves one result as it completes: committed when this returns. */
  async saveResult(runId: string, result: ScenarioResult, position: number): Promise<void> {
    this.state.transaction(() => upsertResult(this.state.db, runId, result, position));
    this.committed.set(result, runId);
  }

  async get(id: string): Promise<RunRecord | undefined> {
    if (!/^[\w.-]+$/.test(id)) return undefined;
    const { db } = this.state;
    const row = db.prepare('SELECT head FROM runs WHERE id = ?').get(id) as { head: string } | undefined;
    if (!row) return undefined;
    const results: ScenarioResult[] = [];
    const rows = db
      .prepare('SELECT key, json FROM results WHERE run_id = ? ORDER BY position, rowid')
      .all(id) as Array<{
      key: string;
      json: string;
    }>;
    for (const { key, json } of rows) {
      const result = this.readRow(`run ${id}, result "${key}"`, json, resultShape);
      if (result) results.push(result as unknown as ScenarioResult);
    }
    const head = this.readRow(`run ${id}`, row.head, runShape.omit({ results: true }));
    if (!head) return undefined;
    return markInterrupted({ ...(head as unknown as RunRecord), results });
  }

  /**
   * Newest first, `limit` runs from `offset`. A run left 'running' by a process that is
   * gone reads as interrupted.
   */
  async list(page: { limit?: number; offset?: number } = {}): Promise<RunListing[]> {
    const rows = this.state.db
      .prepare('SELECT id, head FROM runs ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?')
      .all(page.limit ?? 100, page.offset ?? 0) as Array<{ id: string; head: string }>;
    return rows.flatMap(({ id, head }) => {
      const parsed = this.readRow(`run ${id}`, head, runShape.omit({ results: true }));
      if (!parsed) return [];
      const r = markInterrupted(parsed as unknown as RunRecord);
      return [
        {
          id: r.id,
          status: r.status,
          startedAt: r.startedAt,
          finishedAt: r.finishedAt,
          targets: r.options.targets,
          driver: r.options.driver,
          summary: r.summary,
          reproduction: r.options.reproduction,
        },
      ];
    });
  }

  /** How many runs the history holds. */
  count(): number {
    return (this.state.db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n;
  }

  /** Deletes the oldest finished runs beyond `keepRuns`, then beyond `keepMegabytes`. */
  prune(): void {
    const { db } = this.state;
    this.state.transaction(() => {
      db.prepare(
        `DELETE FROM runs WHERE status != 'running' AND id NOT IN (
           SELECT id FROM runs ORDER BY started_at DESC, id DESC LIMIT ?)`,
      ).run(this.keepRuns);
      let total = (db.prepare('SELECT coalesce(sum(bytes), 0) AS n FROM runs').get() as { n: number }).n;
      while (total > this.keepBytes) {
        const oldest = db
          .prepare(
            `SELECT id, bytes FROM runs WHERE status != 'running' ORDER BY started_at, id LIMIT 1 OFFSET 0`,
          )
          .get() as { id: string; bytes: number } | undefined;
        const newest = db.prepare('SELECT id FROM runs ORDER BY started_at DESC, id DESC LIMIT 1').get() as
          | { id: string }
          | undefined;
        // The newest run stays, whatever its size.
        if (!oldest || oldest.id === newest?.id) break;
        db.prepare('DELETE FROM runs WHERE id = ?').run(oldest.id);
        total -= oldest.bytes;
      }
    });
  }

  private readRow(
    what: string,
    json: string,
    shape: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: unknown } },
  ): Record<string, unknown> | undefined {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      this.state.notice(
        this.state.file,
        `${this.state.file}: ${what} is not valid JSON (${(error as Error).message}); skipped`,
      );
      return undefined;
    }
    const checked = shape.safeParse(value);
    if (!checked.success) {
      this.state.notice(
        this.state.file,
        `${this.state.file}: ${what} is not a valid record (${describeIssues(checked.error as never)}); skipped`,
      );
      return undefined;
    }
    return value as Record<string, unknown>;
  }
}

function markInterrupted(record: RunRecord): RunRecord {
  if (record.status === 'running' && !processAlive(record.pid)) return { ...record, status: 'interrupted' };
  return record;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
