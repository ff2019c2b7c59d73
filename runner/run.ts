import { randomBytes } from 'node:crypto';
import type { TargetConfig } from '../config/schema.ts';
import { needsExclusiveProvider, resolveFaults } from '../idp/faults/compile.ts';
import type { AnyFault } from '../idp/faults/types.ts';
import type { IdpServer } from '../idp/server.ts';
import { describeError } from '../lib/errors.ts';
import type { TextPattern } from '../lib/pattern.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { reproductionTag } from '../scenarios/schema.ts';
import type { ScimScenario } from '../scenarios/scim/schema.ts';
import { type Calibration, calibrateTarget } from './calibrate.ts';
import type { Driver } from './drivers/types.ts';
import { RunnerError } from './errors.ts';
import { executeJob } from './execute.ts';
import type { RunHistory } from './history.ts';
import { type Job, planJobs } from './plan.ts';
import { ReporterMultiplexer } from './reporters/multiplexer.ts';
import type { Reporter } from './reporters/types.ts';
import { readAsReproduction } from './reproduction.ts';
import { schedule } from './scheduler.ts';
import { executeScimJob } from './scim/execute.ts';
import { planScimJobs } from './scim/plan.ts';
import { type RunRecord, type ScenarioResult, summarize } from './types.ts';

export interface ScenarioFilter {
  /** Matched against id and title; compile people's patterns with `compilePattern` (linear time). */
  grep?: TextPattern | undefined;
  tags?: string[] | undefined;
  protocol?: 'saml' | 'oidc' | 'scim' | undefined;
  /** Exact scenario ids (a suite's list). */
  ids?: string[] | undefined;
}

export interface RunOptions {
  harness: IdpServer;
  scenarios: readonly Scenario[];
  targets: Readonly<Record<string, TargetConfig>>;
  registry: Readonly<Record<string, AnyFault>>;
  driver: Driver;
  filter?: ScenarioFilter;
  workers: number;
  /** 1-based shard of n: deterministic, so CI machines split a suite without overlap. */
  shard?: { index: number; total: number } | undefined;
  timeoutMs: number;
  reporters?: Reporter[];
  history?: RunHistory | undefined;
  /** Aborting marks the run interrupted; running scenarios finish, queued ones are dropped. */
  signal?: AbortSignal | undefined;
  suite?: string | undefined;
  /** SCIM provisioning and conformance scenarios to run as well (`scenarios/scim/`). */
  scimScenarios?: readonly ScimScenario[] | undefined;
  /** Which connections run each scenario: `first` (default), `all`, or a connection name (see `PlanOptions`). */
  connection?: string | undefined;
  /** Calibrate each target before its first scenario (default true; see `runner/calibrate.ts`). */
  calibrate?: boolean | undefined;
  /** Browser screenshots of results that fail or error (`failures`, default), or of all results. */
  screenshots?: 'failures' | 'all' | undefined;
}

export function filterScenarios(scenarios: readonly Scenario[], filter: ScenarioFilter = {}): Scenario[] {
  return scenarios.filter(
    (s) =>
      (!filter.protocol || s.protocol === filter.protocol) &&
      (!filter.grep || filter.grep.test(s.id) || filter.grep.test(s.title)) &&
      (!filter.tags?.length || filter.tags.some((t) => s.tags.includes(t))) &&
      (!filter.ids || filter.ids.includes(s.id)),
  );
}

/** Takes every n-th job of the sorted plan, so each shard is stable and disjoint. */
export function shardJobs<T extends { key: string }>(
  jobs: readonly T[],
  shard?: { index: number; total: number },
): T[] {
  const sorted = [...jobs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (!shard) return sorted;
  return sorted.filter((_, i) => i % shard.total === shard.index - 1);
}

/** One unit of a run: a login scenario or a SCIM scenario against one target. */
interface Task {
  key: string;
  targetId: string;
  providerId: string | undefined;
  skip: string | undefined;
  exclusive: boolean;
  /** Whether its target is calibrated first (login scenarios; SCIM judges the SP's state itself). */
  calibrate: boolean;
  run(calibration: Calibration | undefined): Promise<ScenarioResult>;
}

/** SCIM scenarios that pass the run's filter (protocol `scim`, grep, tags, ids). */
export function filterScimScenarios(
  scenarios: readonly ScimScenario[],
  filter: ScenarioFilter = {},
): ScimScenario[] {
  return scenarios.filter(
    (s) =>
      (!filter.protocol || filter.protocol === 'scim') &&
      (!filter.grep || filter.grep.test(s.id) || filter.grep.test(s.title)) &&
      (!filter.tags?.length || filter.tags.some((t) => s.tags.includes(t))) &&
      (!filter.ids || filter.ids.includes(s.id)),
  );
}

/** Plans, schedules and judges every scenario against every target; reports as results arrive. */
export async function runScenarios(options: RunOptions): Promise<RunRecord> {
  const started = Date.now();
  const scenarios = filterScenarios(options.scenarios, options.filter);
  const planned = shardJobs(
    planJobs(scenarios, options.targets, options.harness.context.config, options.harness.context.directory, {
      connection: options.connection,
    }),
    options.shard,
  );
  const execute = (job: Job, calibration?: Calibration) =>
    executeJob(job, {
      harness: options.harness,
      registry: options.registry,
      driver: options.driver,
      timeoutMs: options.timeoutMs,
      calibration,
      screenshots: options.screenshots,
    })
      .catch((error: unknown) => harnessFailure(job, error))
      .then(readAsReproduction);
  const loginTasks: Task[] = planned.map((job) => ({
    key: job.key,
    targetId: job.targetId,
    providerId: job.providerId,
    skip: job.skip,
    exclusive: isExclusive(job, options.registry),
    calibrate: true,
    run: (calibration) => execute(job, calibration),
  }));
  const scimScenarios = filterScimScenarios(options.scimScenarios ?? [], options.filter);
  const scimTasks: Task[] = shardJobs(
    planScimJobs(
      scimScenarios,
      options.targets,
      options.harness.context.config,
      options.harness.context.directory,
    ),
    options.shard,
  ).map((job) => ({
    key: job.key,
    targetId: job.targetId,
    providerId: job.providerId,
    skip: undefined,
    exclusive: false,
    calibrate: false,
    run: () =>
      executeScimJob(job, { harness: options.harness, driver: options.driver, timeoutMs: options.timeoutMs }),
  }));
  const jobs = [...loginTasks, ...scimTasks];
  const reporters = new ReporterMultiplexer(options.reporters ?? []);
  const record: RunRecord = {
    id: `${new Date(started).toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`,
    status: 'running',
    startedAt: new Date(started).toISOString(),
    pid: process.pid,
    options: {
      targets: Object.keys(options.targets),
      driver: options.driver.name,
      workers: options.workers,
      grep: options.filter?.grep?.source,
      tags: options.filter?.tags,
      protocol: options.filter?.protocol,
      shard: options.shard ? `${options.shard.index}/${options.shard.total}` : undefined,
      suite: options.suite,
      reproduction:
        (scimTasks.length === 0 &&
          planned.length > 0 &&
          planned.every((job) => job.scenario.tags.includes(reproductionTag))) ||
        undefined,
    },
    summary: summarize([], 0),
    calibrations: [],
    results: [],
    reporterErrors: reporters.errors,
  };
  await options.history?.save(record);
  await reporters.onBegin({
    runId: record.id,
    total: jobs.length,
    keys: jobs.map((j) => j.key),
    options: record.options,
  });

  const results = new Map<string, ScenarioResult>();
  const positions = new Map(jobs.map((job, i) => [job.key, i]));
  const report = async (result: ScenarioResult) => {
    results.set(result.key, result);
    record.results.push(result);
    // Durable before anyone hears of it: a crash after this line keeps the result.
    await options.history
      ?.saveResult(record.id, result, positions.get(result.key) ?? record.results.length)
      .catch((error: unknown) => reporters.errors.push(`history: ${describeError(error)}`));
    await reporters.onResult(result, { done: record.results.length, total: jobs.length });
  };
  for (const job of jobs.filter((j) => j.skip)) await report(await job.run(undefined));
  // One calibration per target that has something to run, before its first scenario.
  const calibrations = new Map<string, Calibration>();
  if (options.calibrate !== false) {
    for (const targetId of new Set(jobs.filter((j) => !j.skip && j.calibrate).map((j) => j.targetId))) {
      if (options.signal?.aborted) break;
      const calibration = await calibrateTarget({
        targetId,
        target: options.targets[targetId]!,
        harness: options.harness,
        driver: options.driver,
        config: options.harness.context.config,
        directory: options.harness.context.directory,
        timeoutMs: options.timeoutMs,
      });
      calibrations.set(targetId, calibration);
      record.calibrations.push(calibration);
      await reporters.onCalibration(calibration);
    }
  }
  await schedule(
    jobs.filter((j) => !j.skip),
    Math.max(1, options.workers),
    async (job) => {
      if (options.signal?.aborted) return;
      await report(await job.run(calibrations.get(job.targetId)));
    },
    options.harness.context.flows.locks,
  );

  // Results in plan order, whatever order they finished in.
  record.results = jobs.map((j) => results.get(j.key)).filter((r): r is ScenarioResult => r !== undefined);
  record.status = options.signal?.aborted ? 'interrupted' : 'finished';
  record.finishedAt = new Date().toISOString();
  record.summary = summarize(record.results, Date.now() - started);
  await reporters.onEnd(record);
  await options.history?.save(record);
  return record;
}

function isExclusive(job: Job, registry: Readonly<Record<string, AnyFault>>): boolean {
  if (job.skip) return false;
  try {
    const stepFaults = job.steps.flatMap((s) => s.faults ?? []);
    return needsExclusiveProvider(
      resolveFaults([...job.faults, ...stepFaults], registry, job.scenario.protocol),
    );
  } catch (error) {
    throw new RunnerError(
      'SCENARIO_INVALID',
      `scenario "${job.scenario.id}": ${describeError(error)}`,
      error,
    );
  }
}

/** A bug in the harness itself still yields a result, marked error. */
function harnessFailure(job: Job, error: unknown): ScenarioResult {
  return {
    key: job.key,
    scenarioId: job.scenario.id,
    title: job.scenario.title,
    protocol: job.scenario.protocol,
    target: job.targetId,
    connection: job.connectionName,
    provider: job.providerId,
    user: job.user?.email,
    driver: 'http',
    verdict: 'error',
    expected: '',
    observed: 'not judged',
    reason: `harness error: ${describeError(error)}`,
    faults: job.faults,
    faultSummaries: [],
    tags: job.scenario.tags,
    why: job.scenario.why,
    refs: job.scenario.refs,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    steps: [],
    http: [],
    trace: [],
  };
}
