import { availableParallelism } from 'node:os';
import { loadConfig } from '../config/load.ts';
import type { TargetConfig } from '../config/schema.ts';
import { faultRegistry } from '../idp/faults/index.ts';
import { compilePattern, type TextPattern } from '../lib/pattern.ts';
import { loadScenarios, resolveSuite } from '../scenarios/index.ts';
import { scimCatalog } from '../scenarios/scim/index.ts';
import { createBrowserDriver } from './drivers/browser.ts';
import { createHttpDriver } from './drivers/http.ts';
import { RunnerError } from './errors.ts';
import { RunHistory } from './history.ts';
import { runRemote } from './remote-run.ts';
import { parseReporters } from './reporters/index.ts';
import { runScenarios } from './run.ts';
import { startServers } from './start-servers.ts';

export interface RunCommandOptions {
  config?: string | undefined;
  target?: string[] | undefined;
  grep?: string | undefined;
  tag?: string[] | undefined;
  protocol?: 'saml' | 'oidc' | 'scim' | undefined;
  driver?: 'http' | 'browser' | undefined;
  reporter?: string | undefined;
  workers?: number | undefined;
  shard?: string | undefined;
  suite?: string | undefined;
  /** `all`, or a connection name: see `PlanOptions.connection`. */
  connection?: string | undefined;
  timeout?: number | undefined;
  /** Lax switches for targets that run the bundled demo SP. */
  lax?: string | undefined;
  /** Folder for Playwright traces of failed and errored results (browser driver). */
  trace?: string | undefined;
  /** Browser screenshots: of failed and errored results (default), or of all. */
  screenshots?: 'failures' | 'all' | undefined;
  stateDir?: string | undefined;
  keepRuns?: number | undefined;
  /** Port of the in-process harness; 0 picks a free one. */
  port?: number | undefined;
  /** Port of the bundled demo SP in the built-in configuration; 0 picks a free one. */
  demoSpPort?: number | undefined;
  /** Run on an already running `sso-harness serve` at this URL instead of starting one. */
  harnessUrl?: string | undefined;
}

/**
 * Scenarios run at once when --workers is not given. HTTP scenarios wait on the network
 * more than on the CPU: twice the CPUs, at most 8. A browser scenario keeps a Chromium
 * renderer busy: one per CPU, at most 4 (more only queue on the CPU and stretch each
 * scenario towards its timeout; 4 on 2 CPUs timed replay scenarios out).
 */
export function defaultWorkers(driver: 'http' | 'browser' = 'http'): number {
  const cpus = availableParallelism();
  return driver === 'browser' ? Math.max(1, Math.min(4, cpus)) : Math.max(1, Math.min(8, cpus * 2));
}

/** `sso-harness run`: start the IdP in-process, run the scenarios, report, return the exit code. */
export async function runCommand(options: RunCommandOptions): Promise<number> {
  if (options.harnessUrl) return runRemote({ ...options, harnessUrl: options.harnessUrl });
  const loaded = await loadConfig({
    file: options.config,
    flags: { stateDir: options.stateDir, keepRuns: options.keepRuns },
  });
  const { config } = loaded;
  const scenarios = loadScenarios(config);
  const shard = options.shard ? parseShard(options.shard) : undefined;
  const reporters = parseReporters(options.reporter ?? 'list');
  const targetIds = options.target?.length ? options.target : Object.keys(config.targets);
  if (targetIds.length === 0) {
    throw new RunnerError(
      'TARGET_UNKNOWN',
      'the config has no targets; add one under `targets` (an SP with connections and a probe)',
    );
  }
  pickTargets(config.targets, targetIds);
  let grep: TextPattern | undefined;
  try {
    grep = options.grep ? compilePattern(options.grep) : undefined;
  } catch (error) {
    throw new RunnerError('BAD_OPTION', `--grep: ${(error as Error).message}`);
  }
  const suite = options.suite ? resolveSuite(config, options.suite, scenarios) : {};
  const filter = {
    grep: grep ?? suite.grep,
    tags: options.tag?.length ? options.tag : suite.tags,
    protocol: options.protocol,
    ids: suite.ids,
  };

  const started = await startServers({
    config: options.config,
    port: options.port,
    stateDir: options.stateDir,
    demoSpPort: options.demoSpPort,
    keepRuns: options.keepRuns,
    lax: options.lax,
    targets: targetIds,
    log: () => {},
  });
  for (const note of started.notes) console.error(`sso-harness: ${note}`);
  const harness = started.harness;
  const driver =
    options.driver === 'browser'
      ? await createBrowserDriver({ traceDir: options.trace }).catch(async (error: unknown) => {
          await started.close();
          throw error;
        })
      : createHttpDriver();
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort();
  process.once('SIGINT', onSignal);
  try {
    const record = await runScenarios({
      harness,
      scenarios,
      targets: pickTargets(started.loaded.config.targets, targetIds),
      registry: faultRegistry,
      driver,
      filter,
      workers: options.workers ?? defaultWorkers(options.driver === 'browser' ? 'browser' : 'http'),
      shard,
      timeoutMs: options.timeout ?? 20_000,
      reporters,
      history: new RunHistory(config.stateDir, config.history),
      signal: interrupt.signal,
      suite: options.suite,
      connection: options.connection,
      screenshots: options.screenshots,
      scimScenarios: scimCatalog(),
    });
    if (record.summary.total === 0) {
      throw new RunnerError(
        'BAD_OPTION',
        'no scenario matches the filters (--grep, --tag, --protocol, --suite, --shard)',
      );
    }
    if (record.summary.skipped === record.summary.total) {
      throw new RunnerError(
        'BAD_OPTION',
        `no scenario could run: all ${record.summary.total} were skipped; ${skipReasons(record.results)}`,
      );
    }
    return record.summary.failed + record.summary.errored > 0 || record.status === 'interrupted' ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    await driver.close();
    await started.close();
  }
}

/** The skip reasons of a run, most frequent first, for one message. */
function skipReasons(results: readonly { verdict: string; reason: string }[]): string {
  const counts = new Map<string, number>();
  for (const r of results) if (r.verdict === 'skipped') counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([reason, n]) => `${n} × ${reason}`)
    .join('; ');
}

export function parseShard(text: string): { index: number; total: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total) {
    throw new RunnerError('BAD_OPTION', `--shard expects i/n with 1 <= i <= n, such as 2/4; got "${text}"`);
  }
  return { index, total };
}

/** The targets named, in order. @throws RunnerError `TARGET_UNKNOWN` naming the config's targets. */
function pickTargets(
  all: Readonly<Record<string, TargetConfig>>,
  ids: readonly string[],
): Record<string, TargetConfig> {
  return Object.fromEntries(
    ids.map((id) => {
      const target = Object.hasOwn(all, id) ? all[id] : undefined;
      if (!target) {
        throw new RunnerError(
          'TARGET_UNKNOWN',
          `unknown target "${id}"; targets in the config: ${Object.keys(all).join(', ')}`,
        );
      }
      return [id, target];
    }),
  );
}
