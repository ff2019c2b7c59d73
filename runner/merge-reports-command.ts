import { readFile } from 'node:fs/promises';
import { describeError } from '../lib/errors.ts';
import { RunnerError } from './errors.ts';
import { mergeRunRecords } from './merge-reports.ts';
import { parseReporters } from './reporters/index.ts';
import { reportSchema } from './reporters/json.ts';
import { ReporterMultiplexer } from './reporters/multiplexer.ts';
import type { RunRecord } from './types.ts';

export interface MergeReportsOptions {
  reporter?: string | undefined;
}

/**
 * `sso-harness merge-reports a.json b.json --reporter html=all.html,junit=all.xml`: reads the
 * JSON reports of sharded runs and feeds the merged run to the reporters, as if it had been
 * one run. Returns the exit code of that run (0 passed, 1 something failed or errored).
 *
 * @throws RunnerError `BAD_OPTION` naming a file that cannot be read or is not a JSON report.
 */
export async function mergeReportsCommand(files: string[], options: MergeReportsOptions): Promise<number> {
  const reporters = new ReporterMultiplexer(parseReporters(options.reporter ?? 'list'));
  const records = await Promise.all(files.map(readReport));
  const merged = mergeRunRecords(records);
  await reporters.onBegin({
    runId: merged.id,
    total: merged.results.length,
    keys: merged.results.map((r) => r.key),
    options: merged.options,
  });
  let done = 0;
  for (const result of merged.results) {
    await reporters.onResult(result, { done: ++done, total: merged.results.length });
  }
  await reporters.onEnd(merged);
  if (reporters.errors.length) {
    throw new RunnerError('BAD_OPTION', `a reporter failed: ${reporters.errors.join('; ')}`);
  }
  const s = merged.summary;
  return s.failed + s.errored > 0 || merged.status === 'interrupted' ? 1 : 0;
}

async function readReport(file: string): Promise<RunRecord> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new RunnerError(
      'BAD_OPTION',
      `cannot read the JSON report ${file}: ${describeError(error)}`,
      error,
    );
  }
  const schema = (data as { schema?: unknown } | null)?.schema;
  if (schema !== reportSchema || !Array.isArray((data as RunRecord).results)) {
    throw new RunnerError(
      'BAD_OPTION',
      `${file} is not an sso-harness JSON report (schema "${String(schema)}", expected "${reportSchema}"); write one with run --reporter json=FILE`,
    );
  }
  const { schema: _schema, ...record } = data as RunRecord & { schema: string };
  return record;
}
