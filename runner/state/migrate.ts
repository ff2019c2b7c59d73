import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { describeError } from '../../lib/errors.ts';
import type { RunRecord, ScenarioResult } from '../types.ts';
import type { StateDatabase } from './database.ts';
import { jsonFiles, readText } from './database.ts';
import { upsertResult, upsertRun } from './runs-table.ts';
import { describeIssues, reproductionShape, runShape, savedTargetShape } from './shapes.ts';

/** The record files of earlier versions and the kind their records become. */
const recordFiles = [
  { file: 'targets.json', schema: 'sso-harness/targets@1', kind: 'targets', shape: savedTargetShape },
  {
    file: 'reproductions.json',
    schema: 'sso-harness/reproductions@1',
    kind: 'reproductions',
    shape: reproductionShape,
  },
] as const;

/**
 * Imports the file-per-record state of earlier versions into the database, once: each
 * imported file or folder is renamed `*.imported`. A file that is not valid JSON or not
 * the expected shape goes to quarantine with a notice; a record file whose records are
 * partly bad keeps the good ones, and a copy goes to quarantine.
 */
export function migrateStateFiles(state: StateDatabase): void {
  migrateRuns(state);
  for (const spec of recordFiles) migrateRecords(state, spec);
}

function migrateRuns(state: StateDatabase): void {
  const dir = join(state.stateDir, 'runs');
  if (!existsSync(dir)) return;
  let imported = 0;
  for (const name of jsonFiles(dir)) {
    const path = join(dir, name);
    const record = readRunFile(path, (why) => {
      const moved = state.moveToQuarantine(path);
      state.notice(path, `run file ${path} ${why}; moved to ${moved}, the history does not show it`);
    });
    if (!record) continue;
    state.transaction(() => {
      upsertRun(state.db, record);
      record.results.forEach((result, i) => {
        upsertResult(state.db, record.id, result, i);
      });
    });
    imported++;
  }
  renameSync(dir, uniqueName(`${dir}.imported`));
  if (imported) state.notice(dir, `imported ${imported} run(s) from ${dir} into ${state.file}`);
}

function readRunFile(path: string, reject: (why: string) => void): RunRecord | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readText(path));
  } catch (error) {
    reject(`is not valid JSON (${describeError(error)}; a run cut off mid-write?)`);
    return undefined;
  }
  const checked = runShape.safeParse(parsed);
  if (!checked.success) {
    reject(`is not a run record (${describeIssues(checked.error)})`);
    return undefined;
  }
  return checked.data as unknown as RunRecord & { results: ScenarioResult[] };
}

function migrateRecords(
  state: StateDatabase,
  spec: { file: string; schema: string; kind: string; shape: z.ZodType },
): void {
  const path = join(state.stateDir, spec.file);
  if (!existsSync(path)) return;
  let parsed: { schema?: unknown; records?: unknown };
  try {
    parsed = JSON.parse(readText(path));
  } catch (error) {
    const moved = state.moveToQuarantine(path);
    state.notice(
      path,
      `${path} is not valid JSON (${describeError(error)}); moved to ${moved}, none of its records were kept`,
    );
    return;
  }
  if (parsed?.schema !== spec.schema || typeof parsed.records !== 'object' || parsed.records === null) {
    const moved = state.moveToQuarantine(path);
    state.notice(
      path,
      `${path} is not a ${spec.schema} file; moved to ${moved}, none of its records were kept`,
    );
    return;
  }
  const bad: string[] = [];
  state.transaction(() => {
    for (const [id, value] of Object.entries(parsed.records as Record<string, unknown>)) {
      const checked = spec.shape.safeParse(value);
      if (!checked.success) {
        bad.push(`"${id}" (${describeIssues(checked.error)})`);
        continue;
      }
      state.db
        .prepare('INSERT OR REPLACE INTO records (kind, id, json) VALUES (?, ?, ?)')
        .run(spec.kind, id, JSON.stringify(value));
    }
  });
  if (bad.length) {
    const folder = join(state.stateDir, 'quarantine');
    mkdirSync(folder, { recursive: true });
    const copy = join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${spec.file}`);
    copyFileSync(path, copy);
    state.notice(
      path,
      `${path}: record${bad.length > 1 ? 's' : ''} ${bad.join(', ')} could not be used and were dropped; the file as it was is in ${copy}`,
    );
  }
  renameSync(path, uniqueName(`${path}.imported`));
}

function uniqueName(path: string): string {
  if (!existsSync(path)) return path;
  return `${path}-${Date.now()}`;
}
