import type { Router } from '@koa/router';
import { z } from 'zod';
import { parseInput, readJson } from '../../idp/api/json.ts';
import { openEventStream } from '../../idp/api/sse.ts';
import type { IdpContext, MountedProvider } from '../../idp/context.ts';
import { IdpError } from '../../idp/errors.ts';
import type { AnyFault } from '../../idp/faults/types.ts';
import type { IdpServer } from '../../idp/server.ts';
import { describeError } from '../../lib/errors.ts';
import { maskSecrets } from '../../lib/mask.ts';
import { resolveSuite } from '../../scenarios/index.ts';
import type { Scenario, ScenarioInput } from '../../scenarios/schema.ts';
import { outcomeSchema } from '../../scenarios/schema.ts';
import { validateScenarios } from '../../scenarios/validate.ts';
import { createBrowserDriver } from '../drivers/browser.ts';
import { createHttpDriver } from '../drivers/http.ts';
import type { Driver } from '../drivers/types.ts';
import type { RunHistory } from '../history.ts';
import { renderHtmlReport, toJsonReport } from '../reporters/index.ts';
import { filterScenarios, runScenarios, type ScenarioFilter } from '../run.ts';
import { defaultWorkers } from '../run-command.ts';
import type { TargetsStore } from '../targets-store.ts';
import type { RunRecord, ScenarioResult } from '../types.ts';
import { eventsOfRecord, type RunHub } from './run-hub.ts';
import { findTarget } from './targets.ts';
import type { RunEvent, RunStarted } from './types.ts';

const runRequestSchema = z.strictObject({
  target: z.string().min(1, 'name the target to run against'),
  scenarios: z.array(z.string()).optional(),
  suite: z.string().optional(),
  tags: z.array(z.string()).optional(),
  protocol: z.enum(['saml', 'oidc']).optional(),
  grep: z.string().optional(),
  driver: z.enum(['http', 'browser']).default('http'),
  scenario: z.unknown().optional(),
});

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

  router.post('/runs', async (ctx) => {
    const request = parseInput(runRequestSchema, await readJson(ctx), 'run request');
    const target = await findTarget(config, store, request.target);
    const { scenarios, filter } = chooseScenarios(request, options);
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
      workers: options.workers ?? defaultWorkers(),
      timeoutMs: options.timeoutMs,
      reporters: [reporter],
      history,
      suite: request.suite,
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
    ctx.body = await history.list();
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
    ctx.body = renderHtmlReport(record);
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
      baseline.catch(() => baselines.delete(cacheKey));
    }
    ctx.body = maskSecrets(await baseline);
  });
}

/** The scenarios a run request names: an ad-hoc one, ids, a suite, tags. */
function chooseScenarios(
  request: z.output<typeof runRequestSchema>,
  options: RunRoutesOptions,
): { scenarios: Scenario[]; filter: ScenarioFilter } {
  if (request.scenario !== undefined) {
    const [scenario] = validateScenarios([request.scenario], options.registry(), 'the composed scenario');
    return { scenarios: [scenario!], filter: {} };
  }
  const all = options.scenarios();
  const filter: ScenarioFilter = {
    protocol: request.protocol,
    tags: request.tags?.length ? request.tags : undefined,
  };
  if (request.grep) {
    try {
      filter.grep = new RegExp(request.grep, 'i');
    } catch (error) {
      throw new IdpError(
        'BAD_REQUEST',
        400,
        `grep is not a valid regular expression: ${(error as Error).message}`,
      );
    }
  }
  if (request.scenarios?.length) {
    const known = new Set(all.map((s) => s.id));
    const unknown = request.scenarios.filter((id) => !known.has(id));
    if (unknown.length) {
      throw new IdpError(
        'BAD_REQUEST',
        400,
        `unknown scenario${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
        {
          hint: 'See GET /api/scenarios (the Scenarios page) for the ids.',
        },
      );
    }
    filter.ids = request.scenarios;
  }
  if (request.suite) {
    const suite = resolveSuite(options.context.config, request.suite, all);
    filter.ids = suite.ids ?? filter.ids;
    filter.tags = suite.tags ?? filter.tags;
    filter.grep = suite.grep ?? filter.grep;
  }
  if (
    !request.scenarios?.length &&
    !request.suite &&
    !request.tags?.length &&
    !request.grep &&
    !request.protocol
  ) {
    throw new IdpError('BAD_REQUEST', 400, 'the run request names no scenarios', {
      hint: 'Send scenarios (ids), a suite, tags, or an ad-hoc scenario.',
    });
  }
  return { scenarios: all, filter };
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
      hint: `Runs are kept in ${options.history.dir}; the History page lists them.`,
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

/**
 * The same login as a result, without its faults: the evidence the Result page compares
 * against to show what the faults changed.
 */
async function cleanRun(
  result: ScenarioResult,
  options: RunRoutesOptions,
  harness: IdpServer,
): Promise<ScenarioResult> {
  if (!result.connection || result.verdict === 'skipped') {
    throw new IdpError(
      'BAD_REQUEST',
      400,
      `"${result.key}" was not run, so there is no login to compare with`,
    );
  }
  const target = await findTarget(options.context.config, options.store, result.target);
  const original = options.scenarios().find((s) => s.id === result.scenarioId);
  const directoryUser = result.user ? options.context.directory.findByEmail(result.user) : undefined;
  const input: ScenarioInput = {
    id: `${result.scenarioId}.baseline`.replace(/[^a-z0-9.-]/g, '-').replace(/^[^a-z0-9]+/, 'b'),
    title: `${result.title} (without faults)`,
    protocol: result.protocol,
    provider: result.provider,
    connection: result.connection,
    user: directoryUser ? directoryUser.id : result.user ? { email: result.user } : undefined,
    flow: original?.flow ?? { type: 'sp-initiated' },
    faults: [],
    expect: outcomeSchema.enum.accept,
    why: 'The same login without faults, to compare with.',
  };
  const [scenario] = validateScenarios([input], options.registry(), 'the baseline');
  const record = await runScenarios({
    harness,
    scenarios: [scenario!],
    targets: { [target.id]: target.target },
    registry: options.registry(),
    driver: createHttpDriver(),
    workers: 1,
    timeoutMs: options.timeoutMs,
  });
  const baseline = record.results[0];
  if (!baseline) throw new IdpError('INTERNAL', 500, 'the clean login produced no result');
  return baseline;
}
