import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Config, TargetConfig } from '../config/schema.ts';
import { explainApi } from '../explain/api.ts';
import { apiNotFound, idpApi } from '../idp/api/index.ts';
import { faultRegistry } from '../idp/faults/index.ts';
import { SESSION_PATH } from '../idp/http/guard.ts';
import { staticUi } from '../idp/http/static.ts';
import type { IdpServer, IdpServerOptions } from '../idp/server.ts';
import { loadScenarios, resolveSuite } from '../scenarios/index.ts';
import { type RunnerApiOptions, runnerApi } from './api/index.ts';
import { createHttpDriver } from './drivers/http.ts';
import { RunnerError } from './errors.ts';
import { RunHistory } from './history.ts';
import { listReporter } from './reporters/list.ts';
import { runScenarios } from './run.ts';
import { defaultWorkers } from './run-command.ts';
import { startServers } from './start-servers.ts';
import { TargetsStore } from './targets-store.ts';

/**
 * Where `vite build` puts the UI: `dist/ui` seen from the sources, `ui` seen from the
 * compiled files in `dist/` (the installed package).
 */
export const uiDir =
  [new URL('../dist/ui', import.meta.url), new URL('../ui', import.meta.url)]
    .map((url) => fileURLToPath(url))
    .find((dir) => existsSync(`${dir}/index.html`)) ?? fileURLToPath(new URL('../dist/ui', import.meta.url));

export interface ServeOptions {
  config?: string | undefined;
  port?: number | undefined;
  host?: string | undefined;
  stateDir?: string | undefined;
  /** Port of the bundled demo SP in the built-in configuration; 0 picks a free one. */
  demoSpPort?: number | undefined;
  /** Lax switches for targets that run the bundled demo SP. */
  lax?: string | undefined;
  /** Run this suite once (list reporter) after starting, then keep serving. */
  run?: string | undefined;
  /** Token the API and UI require; default env SSO_HARNESS_API_TOKEN. */
  apiToken?: string | undefined;
  keepRuns?: number | undefined;
}

/**
 * The server extensions of `sso-harness serve`: the JSON/SSE API (IdP and runner parts),
 * a JSON 404 for unknown API paths, then the built UI.
 */
export function harnessExtensions(options: RunnerApiOptions & { uiDir?: string } = {}): {
  extensions: NonNullable<IdpServerOptions['extensions']>;
  ready(): Promise<void>;
} {
  const runner = runnerApi(options);
  return {
    extensions: [
      idpApi(),
      runner.extension,
      explainApi({ targets: savedTargets }),
      () => apiNotFound(),
      () => staticUi({ dir: options.uiDir ?? uiDir }),
    ],
    ready: runner.ready,
  };
}

/** `sso-harness serve`: start the IdP with the API and the UI, print where everything is, serve until a signal. */
export async function serve(options: ServeOptions): Promise<IdpServer> {
  const composition = harnessExtensions();
  const started = await startServers({
    ...options,
    apiToken: options.apiToken ?? (process.env.SSO_HARNESS_API_TOKEN || undefined),
    extensions: composition.extensions,
  });
  const { loaded, harness: server } = started;
  const { config } = loaded;
  if (!isLoopback(config.server.host) && !config.server.apiToken) {
    throw new RunnerError(
      'BAD_OPTION',
      `listening on ${config.server.host} (beyond loopback) needs an API token: pass --api-token <token> or set SSO_HARNESS_API_TOKEN (16 characters or more)`,
    );
  }
  if (!isLoopback(config.server.host)) {
    console.warn(
      `WARNING: listening on ${config.server.host}, reachable from other machines. The keys of this IdP are TEST KEYS: anyone can read them from ${config.stateDir}. Never let a production SP trust it.`,
    );
  }
  await composition.ready();
  for (const note of started.notes) console.warn(`sso-harness: ${note}`);
  console.log(`sso-harness listening on ${server.url} (config: ${loaded.file ?? 'built-in'})`);
  for (const provider of server.providers.values()) {
    const info = await provider.info();
    const label = info.protocol === 'saml' ? 'metadata ' : 'discovery';
    console.log(
      `  ${info.protocol.toUpperCase().padEnd(4)} ${info.id.padEnd(24)} ${label} ${info.metadataUrl}${info.disabled ? '  (disabled)' : ''}`,
    );
  }
  const built = existsSync(`${uiDir}/index.html`);
  const uiUrl = config.server.apiToken
    ? `${server.url}${SESSION_PATH}?token=${encodeURIComponent(config.server.apiToken)}`
    : `${server.url}/`;
  console.log(`  UI   ${uiUrl}${built ? '' : '  (not built: run `npx vite build` for the full UI)'}`);
  if (config.server.apiToken)
    console.log(
      '       (opening it once sets the session cookie; the API takes Authorization: Bearer <token>)',
    );
  console.log(`  API  ${server.url}/api/`);
  for (const sp of started.demoSps) {
    console.log(
      `  SP   demo SP ${sp.url}/  (lax: ${[...sp.lax].join(', ') || 'none, strict'}; probe ${sp.url}/me)`,
    );
  }
  const stop = async () => {
    await started.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (options.run) {
    const scenarios = loadScenarios(config);
    const suite = resolveSuite(config, options.run, scenarios);
    const driver = createHttpDriver();
    const record = await runScenarios({
      harness: server,
      scenarios,
      targets: config.targets,
      registry: faultRegistry,
      driver,
      filter: suite,
      workers: defaultWorkers(),
      timeoutMs: 20_000,
      reporters: [listReporter()],
      history: new RunHistory(config.stateDir, config.history),
      suite: options.run,
    });
    await driver.close();
    console.log(
      `\nStill serving. Open ${server.url}/ for the UI (Run, Result, Trace, History: this run is ${record.id}); Ctrl-C stops.`,
    );
  }
  return server;
}

/** Targets saved from the UI (the Targets page), which the Explain view may name too. */
async function savedTargets(config: Config): Promise<Record<string, TargetConfig>> {
  const saved = await new TargetsStore(config.stateDir).list();
  return Object.fromEntries(saved.map(([id, record]) => [id, record.target]));
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
