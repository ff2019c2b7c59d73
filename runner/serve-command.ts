import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Middleware } from 'koa';
import type { Config, TargetConfig } from '../config/schema.ts';
import type { IdpContext, MountedProvider } from '../idp/context.ts';
import { SESSION_PATH } from '../idp/http/guard.ts';
import { staticUi } from '../idp/http/static.ts';
import type { IdpServer, IdpServerOptions } from '../idp/server.ts';
import { describeError } from '../lib/errors.ts';
import type { RunnerApiOptions } from './api/index.ts';
import { restoreSavedSps } from './api/sp-registration.ts';
import { RunnerError } from './errors.ts';
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
 * a JSON 404 for unknown API paths, then the built UI. The API's modules (the catalog, the
 * runner, explain) load on the first request under `/api/`, so the providers serve without
 * waiting for them; the SPs of saved targets are registered again at start.
 */
export function harnessExtensions(options: RunnerApiOptions & { uiDir?: string } = {}): {
  extensions: NonNullable<IdpServerOptions['extensions']>;
  ready(): Promise<void>;
} {
  let restored: Promise<void> = Promise.resolve();
  const api = (context: IdpContext, providers: Map<string, MountedProvider>): Middleware => {
    restored = restoreSavedSps(
      providers,
      new TargetsStore(context.config.stateDir, context.log),
      context.log,
    ).catch((error: unknown) =>
      context.log(`warning: cannot read the saved targets: ${describeError(error)}`),
    );
    let loading: Promise<Middleware[]> | undefined;
    const load = async (): Promise<Middleware[]> => {
      const [idp, runner, explain] = await Promise.all([
        import('../idp/api/index.ts'),
        import('./api/index.ts'),
        import('../explain/api.ts'),
      ]);
      return [
        idp.idpApi()(context, providers),
        runner.runnerApi({ ...options, restoreSavedSps: false }).extension(context, providers),
        explain.explainApi({ targets: savedTargets })(context, providers),
        idp.apiNotFound(),
      ];
    };
    return async (ctx, next) => {
      if (!ctx.path.startsWith('/api/') && ctx.path !== '/api') return next();
      if (!loading) {
        loading = load();
        loading.catch(() => {
          loading = undefined;
        });
      }
      const chain = await loading;
      await restored;
      const step = (i: number): Promise<unknown> =>
        i < chain.length ? Promise.resolve(chain[i]!(ctx, () => step(i + 1))) : next();
      await step(0);
    };
  };
  return {
    extensions: [api, () => staticUi({ dir: options.uiDir ?? uiDir })],
    ready: () => restored,
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
    const label = provider.protocol === 'saml' ? 'metadata ' : 'discovery';
    console.log(
      `  ${provider.protocol.toUpperCase().padEnd(4)} ${provider.id.padEnd(24)} ${label} ${provider.metadataUrl}${provider.config.disabled ? '  (disabled)' : ''}`,
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
    const [{ loadScenarios, resolveSuite }, { faultRegistry }, { createHttpDriver }, { RunHistory }] =
      await Promise.all([
        import('../scenarios/index.ts'),
        import('../idp/faults/index.ts'),
        import('./drivers/http.ts'),
        import('./history.ts'),
      ]);
    const [{ listReporter }, { runScenarios }, { defaultWorkers }] = await Promise.all([
      import('./reporters/list.ts'),
      import('./run.ts'),
      import('./run-command.ts'),
    ]);
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
