/**
 * The browser phase of `npm run bench`: the catalog (or the scenarios matching `grep`) through
 * `sso-harness run --driver browser` against the bundled demo SP, with the driver's default
 * workers unless told otherwise, then the same scenarios through the HTTP driver to compare
 * every job's verdict. Figures: scenarios, jobs, wall seconds, seconds per scenario beside the
 * 0.5 s target, timeouts and errors, CPU seconds of the run (harness, demo SP and Chromium).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinConfig } from '../../config/builtin.ts';
import { freePort } from '../../test/support/demo.ts';
import { exited, track } from './util.ts';

const root = new URL('../..', import.meta.url).pathname;
/** Seconds per scenario the browser driver should stay under (issue 15). */
export const TARGET_SECONDS_PER_SCENARIO = 0.5;

/** One `sso-harness run`; times in seconds. */
export interface CatalogRun {
  driver: 'http' | 'browser';
  exitCode: number | null;
  workers: number;
  scenarios: number;
  jobs: number;
  /** From spawn to exit, start-up and calibration included. */
  wallSeconds: number;
  /** User + system CPU of the run and everything it started (Chromium included). */
  cpuSeconds: number;
  verdicts: Record<string, string>;
  /** Jobs that ended with `timed out after … ms`. */
  timeouts: string[];
  errors: string[];
  /** Median and slowest job, in seconds. */
  jobMedianSeconds: number;
  jobMaxSeconds: number;
}

/** User + system CPU of this process's reaped children so far, in seconds (Linux /proc). */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are fields 16 and 17 of stat (13 and 14 after the command name), in clock ticks.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

interface Report {
  options: { workers: number };
  results: { key: string; scenarioId: string; verdict: string; reason: string; durationMs: number }[];
}

/** Runs the catalog once with one driver against the embedded demo, on free ports. */
export async function runCatalog(
  driver: 'http' | 'browser',
  options: { grep?: string | undefined; workers?: number | undefined } = {},
): Promise<CatalogRun> {
  const work = mkdtempSync(join(tmpdir(), `sso-harness-bench-${driver}-`));
  const report = join(work, 'report.json');
  const demo = builtinConfig(`http://127.0.0.1:${await freePort()}`);
  writeFileSync(
    join(work, 'sso-harness.config.json'),
    JSON.stringify({ ...demo, server: { port: await freePort() } }),
  );
  const args = [
    join(root, 'bin/sso-harness.js'),
    'run',
    '--driver',
    driver,
    '--reporter',
    `json=${report}`,
    '--state-dir',
    join(work, 'state'),
    ...(options.grep ? ['--grep', options.grep] : []),
    ...(options.workers ? ['--workers', String(options.workers)] : []),
  ];
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const exitCode = await exited(track(spawn(process.execPath, args, { cwd: work, stdio: 'ignore' })));
  const wallSeconds = (performance.now() - started) / 1000;
  const cpuSeconds = childrenCpuSeconds() - cpuBefore;
  const record = JSON.parse(readFileSync(report, 'utf8')) as Report;
  const ran = record.results.filter((r) => r.verdict !== 'skipped');
  const durations = ran.map((r) => r.durationMs / 1000).sort((a, b) => a - b);
  return {
    driver,
    exitCode,
    workers: record.options.workers,
    scenarios: new Set(record.results.map((r) => r.scenarioId)).size,
    jobs: record.results.length,
    wallSeconds,
    cpuSeconds,
    verdicts: Object.fromEntries(record.results.map((r) => [r.key, r.verdict])),
    timeouts: ran.filter((r) => /timed out after/.test(r.reason)).map((r) => r.key),
    errors: ran.filter((r) => r.verdict === 'error').map((r) => r.key),
    jobMedianSeconds: durations[Math.floor(durations.length / 2)] ?? 0,
    jobMaxSeconds: durations.at(-1) ?? 0,
  };
}

/** The browser figures as a Markdown table, with the HTTP run's verdicts compared job by job. */
export function browserTable(browser: CatalogRun, http: CatalogRun | undefined): string {
  const perScenario = browser.wallSeconds / browser.scenarios;
  const differing = http
    ? Object.entries(browser.verdicts).filter(([key, verdict]) => http.verdicts[key] !== verdict)
    : [];
  const rows: Array<[string, string]> = [
    ['scenarios / jobs', `${browser.scenarios} / ${browser.jobs}`],
    ['workers (the driver default unless --browser-workers)', String(browser.workers)],
    ['wall, start-up and calibration included', `${browser.wallSeconds.toFixed(1)} s`],
    [
      'seconds per scenario (wall / scenarios)',
      `${perScenario.toFixed(2)} s (target ≤ ${TARGET_SECONDS_PER_SCENARIO} s: ${perScenario <= TARGET_SECONDS_PER_SCENARIO ? 'met' : 'not met'})`,
    ],
    [
      'CPU, run and Chromium',
      `${browser.cpuSeconds.toFixed(1)} s (${(browser.cpuSeconds / browser.jobs).toFixed(2)} s per job)`,
    ],
    [
      'job duration, median / slowest',
      `${browser.jobMedianSeconds.toFixed(2)} s / ${browser.jobMaxSeconds.toFixed(2)} s`,
    ],
    [
      'timeouts',
      `${browser.timeouts.length}${browser.timeouts.length ? ` (${browser.timeouts.join(', ')})` : ''}`,
    ],
    ['errors (timeouts included)', String(browser.errors.length)],
  ];
  if (http) {
    rows.push(
      [
        'HTTP driver, same scenarios',
        `${http.wallSeconds.toFixed(1)} s wall, ${http.cpuSeconds.toFixed(1)} s CPU, ${http.errors.length} errors, ${http.workers} workers`,
      ],
      [
        'jobs whose verdict differs from the HTTP driver’s',
        `${differing.length}${differing.length ? ` (${differing.map(([key, v]) => `${key}: ${v} vs ${http.verdicts[key]}`).join(', ')})` : ''}`,
      ],
    );
  }
  return [
    '| browser driver (sso-harness run --driver browser, demo SP) | figure |',
    '| --- | --- |',
    ...rows.map(([what, value]) => `| ${what} | ${value} |`),
  ].join('\n');
}
