import { availableParallelism } from 'node:os';
import { type LoadedConfig, loadConfig, validateConfig } from '../config/load.ts';
import type { Config, ConfigInput, TargetConfig } from '../config/schema.ts';
import { unknownUser } from '../idp/directory/user.ts';
import { needsExclusiveProvider } from '../idp/faults/compile.ts';
import { compileHooks, faultRegistry, resolveFaults } from '../idp/faults/index.ts';
import { type FaultRef, FLOW_COOKIE } from '../idp/flows.ts';
import { type IdpServer, type IdpServerOptions, startIdpServer } from '../idp/server.ts';
import type { TraceEntry } from '../idp/trace.ts';
import { loadScenarios } from '../scenarios/index.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { createBrowserDriver } from './drivers/browser.ts';
import { createHttpDriver } from './drivers/http.ts';
import { RunnerError } from './errors.ts';
import { RunHistory } from './history.ts';
import type { Reporter } from './reporters/types.ts';
import { runScenarios, type ScenarioFilter } from './run.ts';
import type { RunRecord } from './types.ts';

export interface StartHarnessOptions {
  /** A config object, a config file path, or nothing (search the working directory). */
  config?: ConfigInput | string | undefined;
  /** Overrides the config's port; 0 picks a free one. */
  port?: number | undefined;
  host?: string | undefined;
  stateDir?: string | undefined;
  log?: ((line: string) => void) | undefined;
  extensions?: IdpServerOptions['extensions'];
}

/** A login bound to your own test: set `cookie` in your browser or HTTP client, then start the SP's login. */
export interface HarnessFlow {
  id: string;
  /** The flow cookie for the IdP origin (Playwright's `context.addCookies([flow.cookie])`). */
  cookie: { name: string; value: string; url: string };
  /** Every message the IdP exchanged in this flow, decoded. */
  trace(): TraceEntry[];
  /** Forgets the flow and its trace. */
  end(): void;
}

export interface HarnessFlowSpec {
  provider: string;
  /** A directory user id, or an email that is not in the directory. */
  user: string;
  faults?: FaultRef[];
}

export interface Harness {
  url: string;
  config: Config;
  server: IdpServer;
  /** Binds the next login of one browser to a user and faults, without the login page. */
  flow(spec: HarnessFlowSpec): HarnessFlow;
  /** Runs scenarios (the catalog plus the config's) against targets. */
  run(options?: HarnessRunOptions): Promise<RunRecord>;
  close(): Promise<void>;
}

export interface HarnessRunOptions extends ScenarioFilter {
  targets?: Record<string, TargetConfig> | string[];
  scenarios?: readonly Scenario[];
  driver?: 'http' | 'browser';
  workers?: number;
  timeoutMs?: number;
  reporters?: Reporter[];
  /** Save the run in the state folder's history (default true). */
  saveHistory?: boolean;
}

/**
 * Starts the mock IdP in-process.
 *
 * @example
 * const harness = await startHarness({ config: 'sso-harness.config.ts', port: 0 });
 * const flow = harness.flow({ provider: 'okta', user: 'alice', faults: [{ fault: 'saml.audience', params: { audiences: ['https://other.example'] } }] });
 * await context.addCookies([flow.cookie]);      // Playwright
 * await page.goto('http://localhost:3000/login'); // your SP
 * await harness.close();
 */
export async function startHarness(options: StartHarnessOptions = {}): Promise<Harness> {
  const loaded = await loadHarnessConfig(options);
  const server = await startIdpServer({
    config: loaded.config,
    baseDir: loaded.baseDir,
    log: options.log ?? (() => {}),
    extensions: options.extensions,
  });
  const { flows, trace, directory } = server.context;
  return {
    url: server.url,
    config: loaded.config,
    server,
    flow(spec) {
      const user = directory.get(spec.user) ?? (spec.user.includes('@') ? unknownUser(spec.user) : undefined);
      if (!user)
        throw new RunnerError(
          'BAD_OPTION',
          `no user "${spec.user}" in the directory (pass an id or an email)`,
        );
      const faults = resolveFaults(spec.faults ?? [], faultRegistry);
      const flow = flows.create(
        {
          providerId: spec.provider,
          user,
          faults: spec.faults ?? [],
          exclusive: needsExclusiveProvider(faults),
        },
        compileHooks(faults),
      );
      return {
        id: flow.id,
        cookie: { name: FLOW_COOKIE, value: flow.id, url: server.url },
        trace: () => trace.list({ flowId: flow.id }),
        end: () => {
          flows.remove(flow.id);
          trace.forgetFlow(flow.id);
        },
      };
    },
    async run(runOptions = {}) {
      const targets =
        Array.isArray(runOptions.targets) || !runOptions.targets
          ? pickTargets(loaded.config, runOptions.targets)
          : runOptions.targets;
      const driver = runOptions.driver === 'browser' ? await createBrowserDriver() : createHttpDriver();
      try {
        return await runScenarios({
          harness: server,
          scenarios: runOptions.scenarios ?? loadScenarios(loaded.config),
          targets,
          registry: faultRegistry,
          driver,
          filter: runOptions,
          workers: runOptions.workers ?? Math.max(1, availableParallelism()),
          timeoutMs: runOptions.timeoutMs ?? 20_000,
          reporters: runOptions.reporters,
          history:
            runOptions.saveHistory === false
              ? undefined
              : new RunHistory(loaded.config.stateDir, loaded.config.history),
        });
      } finally {
        await driver.close();
      }
    },
    close: () => server.close(),
  };
}

async function loadHarnessConfig(options: StartHarnessOptions): Promise<LoadedConfig> {
  const flags = { port: options.port, host: options.host, stateDir: options.stateDir };
  if (typeof options.config === 'object') {
    const raw = { ...options.config } as Record<string, unknown>;
    const server = { ...((raw.server as object | undefined) ?? {}) } as Record<string, unknown>;
    if (flags.port !== undefined) server.port = flags.port;
    if (flags.host !== undefined) server.host = flags.host;
    if (flags.stateDir !== undefined) raw.stateDir = flags.stateDir;
    const config = validateConfig({ ...raw, server });
    return { config, file: undefined, baseDir: process.cwd(), portChosenBy: undefined };
  }
  return loadConfig({ file: options.config, flags });
}

function pickTargets(config: Config, names: string[] | undefined): Record<string, TargetConfig> {
  const ids = names?.length ? names : Object.keys(config.targets);
  return Object.fromEntries(
    ids.map((id) => {
      const target = config.targets[id];
      if (!target)
        throw new RunnerError(
          'TARGET_UNKNOWN',
          `unknown target "${id}"; known: ${Object.keys(config.targets).join(', ')}`,
        );
      return [id, target];
    }),
  );
}
