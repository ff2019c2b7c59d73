import type { Calibration } from '../calibrate.ts';
import { clockSkewAllowances } from '../timing/allowance.ts';
import type { ReproductionReading, RunRecord, ScenarioResult, Verdict } from '../types.ts';
import type { Reporter, RunBeginInfo } from './types.ts';

/** Verdicts differ in symbol and word, not only colour. */
export const verdictMarks: Record<Verdict, string> = {
  pass: '✓ pass',
  fail: '✗ FAIL',
  error: '! ERROR',
  skipped: '- skip',
};

/** A reproduction's reading, in the same style: a reproduction never reads pass or fail. */
export const reproductionMarks: Record<ReproductionReading['outcome'], string> = {
  reproduced: '✓ reproduced',
  'not-reproduced': '✗ NOT reproduced',
  'not-judged': '! not judged',
};

const outcomeOf: Record<Verdict, ReproductionReading['outcome']> = {
  pass: 'reproduced',
  fail: 'not-reproduced',
  error: 'not-judged',
  skipped: 'not-judged',
};

/** The mark of a result: its reproduction reading when it has one, else its verdict. */
export function markOf(result: ScenarioResult): string {
  return result.reproduction ? reproductionMarks[result.reproduction.outcome] : verdictMarks[result.verdict];
}

/** The mark of a verdict (a result's, a step's), read as a reproduction's when `reproduction`. */
export function markOfVerdict(verdict: Verdict, reproduction: boolean): string {
  return reproduction ? reproductionMarks[outcomeOf[verdict]] : verdictMarks[verdict];
}

/** Console: one line per result as it arrives, then a summary table. */
export function listReporter(write: (text: string) => void = (t) => process.stdout.write(t)): Reporter {
  const color = process.stdout.isTTY && !process.env.NO_COLOR;
  const paint = (verdict: Verdict, text: string) => {
    if (!color) return text;
    const code = { pass: 32, fail: 31, error: 35, skipped: 90 }[verdict];
    return `\x1b[${code}m${text}\x1b[0m`;
  };
  return {
    name: 'list',
    onBegin(info: RunBeginInfo) {
      write(
        `Running ${countJobs(info)} (${info.options.driver} driver, ${info.options.workers} worker${info.options.workers === 1 ? '' : 's'})\n\n`,
      );
    },
    onCalibration(calibration: Calibration) {
      const mark = calibration.ok ? 'calibrated' : paint('error', '! calibration failed');
      write(
        `${mark} ${calibration.targetId}: ${calibration.ok ? calibration.summary : calibration.summary.replace(/^calibration of target "[^"]+" failed: /, '')}\n`,
      );
      if (calibration.hint) write(`          ${calibration.hint}\n`);
      write('\n');
    },
    onResult(result: ScenarioResult, progress) {
      const counter = `[${String(progress.done).padStart(String(progress.total).length)}/${progress.total}]`;
      write(
        `${counter} ${paint(result.verdict, markOf(result).padEnd(7))} ${result.key} (${result.durationMs} ms)\n`,
      );
      if (result.reproduction) write(`          ${result.reproduction.line}\n`);
      else if (result.verdict === 'fail' || result.verdict === 'error') write(`          ${result.reason}\n`);
    },
    onEnd(record: RunRecord) {
      write(`\n${summaryTable(record)}\n`);
      const skew = clockSkewSummary(record.results);
      if (skew) write(`\n${skew}\n`);
      const skips = skipSummary(record.results);
      if (skips) write(`\n${paint('skipped', skips)}\n`);
    },
  };
}

export function summaryTable(record: RunRecord): string {
  const rows = record.results.map((r) => [
    markOf(r),
    r.scenarioId,
    r.connection ? `${r.target}/${r.connection}` : r.target,
    r.expected,
    r.verdict === 'pass' ? '' : r.observed,
  ]);
  const reproductions = record.results.length > 0 && record.results.every((r) => r.reproduction);
  const header = reproductions
    ? ['reproduction', 'scenario', 'target/connection', 'looked for', 'observed (when not reproduced)']
    : ['verdict', 'scenario', 'target/connection', 'expected', 'observed (when not passed)'];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((row) => row[i]!.length))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => truncate(c, widths[i]!).padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const s = record.summary;
  const seconds = `${(s.durationMs / 1000).toFixed(1)} s`;
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    reproductions
      ? `${s.total} reproduction${s.total === 1 ? '' : 's'}: ${s.passed} reproduced, ${s.failed} not reproduced, ${s.errored + s.skipped} not judged in ${seconds}`
      : `${scenariosAndJobs(new Set(record.results.map((r) => r.scenarioId)).size, s.total)}: ${s.passed} passed, ${s.failed} failed, ${s.errored} errors, ${s.skipped} skipped in ${seconds}`,
  ].join('\n');
}

/**
 * The effective clock-skew allowance the timing scenarios measured, per target and field:
 * "  Conditions NotOnOrAfter: accepts up to 30 s late, refuses 2 min (declared 1 min)".
 */
export function clockSkewSummary(results: readonly ScenarioResult[]): string {
  const allowances = clockSkewAllowances(results);
  if (allowances.length === 0) return '';
  const targets = [...new Set(allowances.map((a) => a.target))];
  return targets
    .flatMap((target) => [
      `Clock skew ${target} allows (from the timing scenarios):`,
      ...allowances
        .filter((a) => a.target === target)
        .map((a) => `  ${a.consistent ? '' : '! '}${a.field}: ${a.summary}`),
    ])
    .join('\n');
}

/**
 * Why scenarios were skipped, grouped by reason, most frequent first: a skip is never
 * silent, and each reason says which config would let the scenario run.
 */
export function skipSummary(results: readonly ScenarioResult[]): string {
  const byReason = new Map<string, string[]>();
  for (const r of results) {
    if (r.verdict !== 'skipped') continue;
    byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), r.scenarioId]);
  }
  if (byReason.size === 0) return '';
  const total = [...byReason.values()].reduce((n, ids) => n + ids.length, 0);
  const lines = [...byReason]
    .sort((a, b) => b[1].length - a[1].length)
    .map(
      ([reason, ids]) =>
        `  ${ids.length} × ${reason}\n      ${ids.slice(0, 6).join(', ')}${ids.length > 6 ? `, … ${ids.length - 6} more` : ''}`,
    );
  return [`${total} skipped (not run, not passed):`, ...lines].join('\n');
}

function truncate(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/**
 * "12 scenarios", or "12 scenarios as 20 jobs (one per target and connection)" when some
 * run on more than one connection or target: a job key is `<scenario id> @ <target>[/<connection>]`.
 */
function countJobs(info: RunBeginInfo): string {
  return scenariosAndJobs(new Set(info.keys.map((key) => key.split(' @ ')[0])).size, info.total);
}

/** "12 scenarios", or "12 scenarios as 20 jobs (one per target and connection)" when they differ. */
function scenariosAndJobs(scenarios: number, jobs: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (scenarios === jobs) return plural(jobs, 'scenario');
  return `${plural(scenarios, 'scenario')} as ${plural(jobs, 'job')} (one per target and connection)`;
}
