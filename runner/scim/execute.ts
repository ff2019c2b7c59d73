import { setMaxListeners } from 'node:events';
import { ScimClient, type ScimExchange } from '../../idp/scim/client.ts';
import { scimDialect } from '../../idp/scim/dialects/index.ts';
import { ScimProvisioner } from '../../idp/scim/provisioner.ts';
import { traceScimExchange } from '../../idp/scim/trace.ts';
import type { IdpServer } from '../../idp/server.ts';
import { describeError } from '../../lib/errors.ts';
import type { Driver } from '../drivers/types.ts';
import type { ScenarioResult, StepResult } from '../types.ts';
import { combineVerdicts } from '../verdict.ts';
import { runConformanceCheck } from './conformance.ts';
import type { ScimJob } from './plan.ts';
import { describeStep, runStep, type ScimRun } from './steps.ts';
import { runToken } from './users.ts';

export interface ScimExecuteOptions {
  harness: IdpServer;
  /** Opens the browser sessions of login and probe steps (runner/drivers). */
  driver: Driver;
  /** Per-scenario budget in ms (a scenario's own timeoutMs wins). */
  timeoutMs: number;
  /** Unassigns (or deletes) what the scenario provisioned once it is judged. Default true. */
  cleanup?: boolean | undefined;
  /** Base of the client's retry backoff in ms (tests shorten it). */
  backoffMs?: number | undefined;
}

/**
 * Runs one SCIM job: a provisioning scenario's steps (pushes in the job's dialect, SCIM
 * reads of the SP's state, SSO logins and probes through the driver) or one conformance
 * check. Stops at the first step that does not pass. A SCIM answer that cannot be used
 * (unreachable, timeout, oversize, not SCIM JSON, a redirect elsewhere) is `error` with
 * the reason; a usable answer that is wrong is `fail`.
 */
export async function executeScimJob(job: ScimJob, options: ScimExecuteOptions): Promise<ScenarioResult> {
  const started = Date.now();
  const { scenario } = job;
  const result: ScenarioResult = {
    key: job.key,
    scenarioId: scenario.id,
    title: scenario.title,
    protocol: 'scim',
    target: job.targetId,
    connection: job.connectionName,
    provider: job.providerId,
    user: undefined,
    driver: options.driver.name,
    verdict: 'error',
    expected:
      scenario.kind === 'provisioning'
        ? scenario.steps.map(describeStep).join('; ')
        : `the SP's SCIM service passes the check "${scenario.check}"`,
    observed: '',
    reason: '',
    faults: [],
    faultSummaries: job.scim ? [`SCIM dialect: ${scimDialect(job.scim.dialect).title}`] : [],
    tags: scenario.tags,
    why: scenario.why,
    refs: scenario.refs,
    startedAt: new Date(started).toISOString(),
    durationMs: 0,
    steps: [],
    http: [],
    trace: [],
  };
  if (job.skip || !job.scim || !job.template || !job.connection || !job.providerId) {
    result.verdict = 'skipped';
    result.reason = job.skip ?? 'the job has no SCIM endpoint';
    result.observed = 'not run';
    return finish(result, started);
  }

  const abort = new AbortController();
  // Every concurrent request of a burst listens on this signal.
  setMaxListeners(1000, abort.signal);
  const timeoutMs = scenario.timeoutMs ?? options.timeoutMs;
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const { trace, flows } = options.harness.context;
  const token = runToken();
  const traceFlow = `scim-${token}`;
  const exchanges: ScimExchange[] = [];
  const providerId = job.providerId;
  const client = new ScimClient(job.scim.endpoint, {
    signal: abort.signal,
    backoffMs: options.backoffMs,
    onExchange: (exchange) => {
      exchanges.push(exchange);
      traceScimExchange(trace, exchange, { provider: providerId, flowId: traceFlow });
    },
  });
  const run: ScimRun = {
    job,
    token,
    harness: options.harness,
    driver: options.driver,
    signal: abort.signal,
    client,
    provisioner: new ScimProvisioner({ client, dialect: scimDialect(job.scim.dialect), providerId }),
    users: new Map(),
    groups: new Map(),
    sessions: new Map(),
    flowIds: [],
    http: [],
  };
  try {
    const work =
      scenario.kind === 'provisioning'
        ? (async () => {
            for (const step of scenario.steps) {
              const before = exchanges.length;
              const outcome = await runStep(run, step).catch((error: unknown) => errorStep(step.do, error));
              outcome.exchanges ??= exchanges.slice(before);
              result.steps.push(outcome);
              if (outcome.verdict !== 'pass') break;
            }
          })()
        : (async () => {
            result.steps.push(await runConformanceCheck(scenario.check, run));
          })();
    await Promise.race([
      work,
      new Promise<never>((_, reject) =>
        abort.signal.addEventListener('abort', () => reject(new Error(`timed out after ${timeoutMs} ms`)), {
          once: true,
        }),
      ),
    ]);
    result.verdict = combineVerdicts(result.steps);
    result.observed = result.steps.map((s) => s.observed).join('; ');
    result.reason = reasonFor(result);
  } catch (error) {
    result.verdict = 'error';
    result.observed = result.steps.map((s) => s.observed).join('; ') || 'not judged';
    result.reason = describeError(error);
  } finally {
    clearTimeout(timer);
    result.user = run.users.get('subject')?.email ?? [...run.users.values()][0]?.email;
    if (options.cleanup !== false && !abort.signal.aborted) await cleanUp(run).catch(() => {});
    await client.close();
    for (const session of run.sessions.values()) await session.close().catch(() => {});
    result.http = run.http;
    result.trace = [traceFlow, ...run.flowIds]
      .flatMap((id) => trace.list({ flowId: id }))
      .sort((a, b) => a.id - b.id);
    for (const id of run.flowIds) flows.remove(id);
    for (const id of [traceFlow, ...run.flowIds]) trace.forgetFlow(id);
  }
  return finish(result, started);
}

/** Whatever the scenario provisioned and did not remove, unassigned the dialect's way. */
async function cleanUp(run: ScimRun): Promise<void> {
  const { provisioner } = run;
  for (const record of provisioner.users.values()) {
    if (record.state === 'deleted') continue;
    if (provisioner.dialect.deletesUsers) await provisioner.delete(record.user);
    else if (record.state === 'active') await provisioner.setActive(record.user, false);
  }
}

function errorStep(action: string, error: unknown): StepResult {
  return {
    action: 'scim',
    title: action,
    expect: 'accept',
    verdict: 'error',
    observed: describeError(error),
  };
}

function reasonFor(result: ScenarioResult): string {
  if (result.verdict === 'pass') return `as expected: ${result.expected}`;
  const bad = result.steps.find((s) => s.verdict === result.verdict);
  return bad ? `${bad.title ?? bad.action}: ${bad.observed}` : result.verdict;
}

function finish(result: ScenarioResult, started: number): ScenarioResult {
  result.durationMs = Date.now() - started;
  return result;
}
