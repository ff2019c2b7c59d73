import { Router } from '@koa/router';
import type { Middleware } from 'koa';
import { composeRouter } from '../../idp/api/index.ts';
import type { IdpContext, MountedProvider } from '../../idp/context.ts';
import { faultRegistry } from '../../idp/faults/index.ts';
import type { AnyFault } from '../../idp/faults/types.ts';
import { describeError } from '../../lib/errors.ts';
import { loadScenarios } from '../../scenarios/index.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { findChromium } from '../drivers/find-chromium.ts';
import { RunHistory } from '../history.ts';
import { TargetsStore } from '../targets-store.ts';
import { catalogRoutes } from './catalog.ts';
import { compareRoutes } from './compare.ts';
import { ReproductionsStore, reproductionRoutes } from './reproductions.ts';
import { RunHub } from './run-hub.ts';
import { runRoutes } from './runs.ts';
import { restoreSavedSps } from './sp-registration.ts';
import { stateRoutes } from './state.ts';
import { targetRoutes } from './targets.ts';
import type { RunOptionsAnswer } from './types.ts';

export interface RunnerApiOptions {
  /** The scenarios to offer; default: the catalog plus the config's. */
  scenarios?: ((config: IdpContext['config']) => Scenario[]) | undefined;
  registry?: Readonly<Record<string, AnyFault>> | undefined;
  /** Per-scenario timeout of runs started from the UI. */
  timeoutMs?: number | undefined;
  workers?: number | undefined;
  /** Register the SPs of saved targets again when mounted (default true; `serve` does it itself, at start). */
  restoreSavedSps?: boolean | undefined;
}

export interface RunnerApi {
  /** The server extension (`startIdpServer({ extensions: [..., api.extension] })`). */
  extension: (context: IdpContext, providers: Map<string, MountedProvider>) => Middleware;
  /** Settles once the SPs of saved targets are registered again (after a restart). */
  ready(): Promise<void>;
}

/**
 * The part of the UI's API that needs the runner: scenarios, faults, targets, runs with
 * their live events, the run history, and saved reproductions.
 */
export function runnerApi(options: RunnerApiOptions = {}): RunnerApi {
  let restored: Promise<void> = Promise.resolve();
  return {
    extension(context, providers) {
      const config = context.config;
      const registry = () => options.registry ?? faultRegistry;
      const scenarios = () => (options.scenarios ? options.scenarios(config) : loadScenarios(config));
      const store = new TargetsStore(config.stateDir, context.log);
      if (options.restoreSavedSps !== false) {
        restored = restoreSavedSps(providers, store, context.log).catch((error: unknown) =>
          context.log(`warning: cannot read the saved targets: ${describeError(error)}`),
        );
      }
      const router = new Router({ prefix: '/api' });
      router.get('/run-options', (ctx) => {
        ctx.body = runOptions();
      });
      catalogRoutes(router, { config, scenarios, registry });
      stateRoutes(router, store.state);
      targetRoutes(router, { context, providers, store });
      const history = new RunHistory(config.stateDir, { ...config.history, log: context.log });
      compareRoutes(router, history);
      runRoutes(router, {
        context,
        providers,
        store,
        history,
        hub: new RunHub(),
        scenarios,
        registry,
        timeoutMs: options.timeoutMs ?? 20_000,
        workers: options.workers,
      });
      reproductionRoutes(router, { store: new ReproductionsStore(config.stateDir), registry });
      const routes = composeRouter(router);
      return async (ctx, next) => {
        if (ctx.path.startsWith('/api/')) await restored;
        return routes(ctx, next);
      };
    },
    ready: () => restored,
  };
}

function runOptions(): RunOptionsAnswer {
  let browser: { available: boolean; reason?: string } = { available: true };
  try {
    findChromium();
  } catch (error) {
    browser = { available: false, reason: describeError(error) };
  }
  return {
    drivers: [
      { name: 'http', available: true },
      { name: 'browser', ...browser },
    ],
  };
}

export type * from './types.ts';
