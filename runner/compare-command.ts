import { loadConfig } from '../config/load.ts';
import { type ComparedResult, type ComparedSide, compareRuns, type RunComparison } from './compare.ts';
import { RunnerError } from './errors.ts';
import { RunHistory } from './history.ts';
import { verdictMarks } from './reporters/list.ts';
import type { RunRecord } from './types.ts';

export interface CompareCommandOptions {
  config?: string | undefined;
  stateDir?: string | undefined;
  json?: boolean | undefined;
}

/**
 * `sso-harness compare A B`: run B's results against run A's, from the run history of the
 * state folder. Prints a table (or, with `--json`, the `RunComparison`), and returns the exit
 * code: 1 when a verdict changed, else 0 (results that only appeared or disappeared are
 * listed but do not fail it: a different selection of scenarios is not a regression).
 *
 * @throws RunnerError `BAD_OPTION` naming a run that is not in the history.
 */
export async function compareCommand(a: string, b: string, options: CompareCommandOptions): Promise<number> {
  const { config } = await loadConfig({ file: options.config, flags: { stateDir: options.stateDir } });
  const history = new RunHistory(config.stateDir, { log: (line) => process.stderr.write(`${line}\n`) });
  const comparison = compareRuns(await findRun(history, a, 'A'), await findRun(history, b, 'B'));
  process.stdout.write(
    options.json ? `${JSON.stringify(comparison, null, 2)}\n` : formatComparison(comparison),
  );
  return comparison.counts.changed > 0 ? 1 : 0;
}

async function findRun(history: RunHistory, id: string, which: 'A' | 'B'): Promise<RunRecord> {
  const record = await history.get(id);
  if (record) return record;
  const recent = (await history.list({ limit: 5 })).map((r) => r.id);
  throw new RunnerError(
    'BAD_OPTION',
    `there is no run "${id}" (run ${which}) in ${history.file}; recent runs: ${recent.join(', ') || '(none)'}`,
  );
}

/** The comparison as the terminal table: every result that moved, unchanged ones as a count. */
export function formatComparison(c: RunComparison): string {
  const lines = [
    `A ${c.a.id}  ${c.a.startedAt}  ${totals(c.a.summary)}`,
    `B ${c.b.id}  ${c.b.startedAt}  ${totals(c.b.summary)}`,
    '',
  ];
  const moved = c.results.filter((r) => r.change !== 'unchanged');
  const width = Math.min(60, Math.max(8, ...moved.map((r) => r.key.length)));
  if (moved.length) {
    lines.push(`${'change'.padEnd(12)}${'result'.padEnd(width + 2)}${'A'.padEnd(10)}B`);
    for (const r of moved) lines.push(...rowOf(r, width));
    lines.push('');
  }
  const n = c.counts;
  lines.push(
    `${n.changed} changed, ${n.appeared} appeared, ${n.disappeared} disappeared, ${n.unchanged} unchanged`,
  );
  return `${lines.join('\n')}\n`;
}

function rowOf(r: ComparedResult, width: number): string[] {
  const mark = (side: ComparedSide | undefined) => (side ? verdictMarks[side.verdict] : '-');
  const rows = [`${r.change.padEnd(12)}${r.key.padEnd(width + 2)}${mark(r.a).padEnd(10)}${mark(r.b)}`];
  for (const [name, side] of [
    ['A', r.a],
    ['B', r.b],
  ] as const) {
    if (side) rows.push(`${' '.repeat(12)}${name}: ${side.observed} (${side.reason})`);
  }
  return rows;
}

function totals(s: RunRecord['summary']): string {
  return `${s.passed} pass, ${s.failed} fail, ${s.errored} error${s.skipped ? `, ${s.skipped} skipped` : ''}`;
}
