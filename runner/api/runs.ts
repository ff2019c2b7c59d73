import type { Router } from '@koa/router';
import { parseInput, readJson } from '../../idp/api/json.ts';
import { openEventStream } from '../../idp/api/sse.ts';
import type { IdpContext, MountedProvider } from '../../idp/context.ts';
import { IdpError } from '../../idp/errors.ts';
import type { AnyFault } from '../../idp/faults/types.ts';
import type { IdpServer } from '../../idp/server.ts';
import { describeError } from '../../lib/errors.ts';
import { maskSecrets } from '../../lib/mask.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { createBrowserDriver } from '../drivers/browser.ts';
import { createHttpDriver } from '../drivers/http.ts';
import type { Driver } from '../drivers/types.ts';
import type { RunHistory } from '../history.ts';
import { renderHtmlReport, toJsonReport } from '../reporters/index.ts';
import { filterScenarios, runScenarios } from '../run.ts';
import { defaultWorkers } from '../run-command.ts';
import type { TargetsStore } from '../targets-store.ts';
import type { RunRecord, ScenarioResult } from '../types.ts';
import { cleanRun } from './baseline.ts';
import { eventsOfRecord, type RunHub } from './run-hub.ts';
import { chooseScenarios, runRequestSchema, screenshotsOf } from './run-request.ts';
import { findTarget } from './targets.ts';
import type { RunEvent, RunStarted } from './types.ts';

export interface RunRoutesOptions {
  context: IdpContext;
  providers: Map<string, MountedProvider>;
  store: TargetsStore;
  history: RunHistory;
  hub: RunHub;
  scenarios: () => Scenario[];
  registry: () => Readonly<Record<string, AnyFault>>;
  timeoutMs: number;
  workers?: number | undefined;
}

/** Starting runs, their live events, the history, one result, reports, and a clean baseline login. */
export function runRoutes(router: Router, options: RunRoutesOptions): void {
  const { context, store, history, hub } = options;
  const config = context.config;
  const harness: IdpServer = {
    url: context.baseUrl,
    context,
    providers: options.providers,
    close: async () => {},
  };
  const baselines = new Map<string, Promise<ScenarioResult>>();
  /** Clean logins made for the Result page, by run id then result key: the HTML report diffs against them too. */
  const madeBaselines = new Map<string, Map<string, ScenarioResult>>();

  router.post('/runs', async (ctx) => {
    const request = parseInput(runRequestSchema, await readJson(ctx), 'run request');
    const target = await findTarget(config, store, request.target);
    const { scenarios, filter } = chooseScenarios(request, { ...options, config });
    const planned = filterScenarios(scenarios, filter);
    if (planned.length === 0) {
      throw new IdpError('BAD_REQUEST', 400, 'no scenario matches this choice (scenarios, suite, tags)', {
        hint: 'Pick at least one scenario, or a suite that has some.',
      });
    }
    const driver = await makeDriver(request.driver);
    const { reporter, begun } = hub.reporter(history);
    const running = runScenarios({
      harness,
      scenarios,
      targets: { [target.id]: target.target },
      registry: options.registry(),
      driver,
      filter,
      workers: options.workers ?? defaultWorkers(driver.name),
      timeoutMs: options.timeoutMs,
      reporters: [reporter],
      history,
      suite: request.suite,
      screenshots: screenshotsOf(request),
    }).finally(() => driver.close().catch(() => {}));
    running.catch((error: unknown) =>
      context.log(`error: a run from the UI failed: ${describeError(error)}`),
    );
    const info = await Promise.race([begun, running.then(() => undefined)]);
    if (!info) throw new IdpError('INTERNAL', 500, 'the run ended before it began');
    const answer: RunStarted = { id: info.runId, total: info.total };
    ctx.status = 202;
    ctx.body = answer;
  });

  router.get('/runs', async (ctx) => {
    const limit = pageNumber(ctx.query.limit, 100, 1, 1000, 'limit');
    const offset = pageNumber(ctx.query.offset, 0, 0, Number.MAX_SAFE_INTEGER, 'offset');
    ctx.set('X-Total-Count', String(history.count()));
    ctx.body = await history.list({ limit, offset });
  });

  router.get('/runs/:id', async (ctx) => {
    ctx.body = maskSecrets(await findRun(options, ctx.params.id!));
  });

  router.get('/runs/:id/events', async (ctx) => {
    const id = ctx.params.id!;
    const stream = openEventStream(ctx);
    const send = (event: RunEvent) => {
      stream.send(event.type, event);
      if (event.type === 'end') stream.close();
    };
    const live = hub.subscribe(id, send);
    if (live) {
      stream.onClose(live.stop);
      for (const event of live.backlog) send(event);
      return;
    }
    const record = await history.get(id);
    if (!record) {
      stream.send('failure', { message: `there is no run "${id}"` });
      stream.close();
      return;
    }
    for (const event of eventsOfRecord(record)) send(event);
    if (!stream.closed) stream.close();
  });

  router.get('/runs/:id/report.html', async (ctx) => {
    const record = await findRun(options, ctx.params.id!);
    ctx.type = 'html';
    if (ctx.query.download !== undefined) ctx.attachment(`sso-harness-${record.id}.html`);
    ctx.body = renderHtmlReport(record, { baselines: madeBaselines.get(record.id) });
  });

  router.get('/runs/:id/report.json', async (ctx) => {
    const record = await findRun(options, ctx.params.id!);
    ctx.attachment(`sso-harness-${record.id}.json`);
    ctx.type = 'application/json';
    ctx.body = `${JSON.stringify(toJsonReport(record), null, 2)}\n`;
  });

  router.get('/runs/:id/results/:key', async (ctx) => {
    const record = await findRun(options, ctx.params.id!);
    ctx.body = maskSecrets(findResult(record, ctx.params.key!));
  });

  router.post('/runs/:id/results/:key/baseline', async (ctx) => {
    const record = await findRun(options, ctx.params.id!);
    const result = findResult(record, ctx.params.key!);
    const cacheKey = `${record.id}\n${result.key}`;
    let baseline = baselines.get(cacheKey);
    if (!baseline) {
      baseline = cleanRun(result, options, harness);
      baselines.set(cacheKey, baseline);
      baseline.then(
        (made) => {
          const ofRun = madeBaselines.get(record.id) ?? new Map<string, ScenarioResult>();
          madeBaselines.set(record.id, ofRun.set(result.key, made));
        },
        () => baselines.delete(cacheKey),
      );
    }
    ctx.body = maskSecrets(await baseline);
  });
}

async function makeDriver(name: 'http' | 'browser'): Promise<Driver> {
  if (name === 'http') return createHttpDriver();
  try {
    return await createBrowserDriver();
  } catch (error) {
    throw new IdpError('BAD_REQUEST', 400, `the browser driver cannot start: ${describeError(error)}`, {
      hint: 'Use the HTTP driver, or install Chromium (Debian: apt-get install chromium) or set SSO_HARNESS_CHROMIUM.',
    });
  }
}

async function findRun(options: RunRoutesOptions, id: string): Promise<RunRecord> {
  const record = await options.history.get(id);
  if (!record) {
    throw new IdpError('NOT_FOUND', 404, `there is no run "${id}" in the history`, {
      hint: `Runs are kept in ${options.history.file}; the History page lists them.`,
    });
  }
  const partial = options.hub.partialResults(id);
  return partial && record.status === 'running' ? { ...record, results: partial } : record;
}

function findResult(record: RunRecord, key: string): ScenarioResult {
  const result = record.results.find((r) => r.key === key || r.scenarioId === key);
  if (!result) {
    throw new IdpError('NOT_FOUND', 404, `run ${record.id} has no result "${key}"`, {
      hint: `Its results: ${
        record.results
          .map((r) => r.key)
          .slice(0, 20)
          .join(', ') || '(none yet)'
      }.`,
    });
  }
  return result;
}

/** A paging parameter: a whole number within bounds, or the default when absent. */
function pageNumber(value: unknown, fallback: number, min: number, max: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(Array.isArray(value) ? value[0] : value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new IdpError('BAD_REQUEST', 400, `${name} must be a whole number from ${min} to ${max}`);
  }
  return n;
}
