import { compileHooks, needsExclusiveProvider, resolveFaults } from '../idp/faults/compile.ts';
import type { AnyFault } from '../idp/faults/types.ts';
import type { IdpServer } from '../idp/server.ts';
import { describeError } from '../lib/errors.ts';
import type { Driver, DriverSession } from './drivers/types.ts';
import type { Job } from './plan.ts';
import { describeObservation, observeProbe } from './probe.ts';
import type { ScenarioResult, StepResult } from './types.ts';
import {
  combineVerdicts,
  describeExpectation,
  judgeStep,
  type NormalizedStep,
  normalizeExpectation,
} from './verdict.ts';

export interface ExecuteOptions {
  harness: IdpServer;
  registry: Readonly<Record<string, AnyFault>>;
  driver: Driver;
  timeoutMs: number;
}

/**
 * Runs one job: makes its flow, drives the login, asks the probe, judges each step.
 * Anything that stops the judgement (SP down, timeout, a flow that never reached the IdP,
 * a harness bug) is `error`, never `pass` and never `fail`.
 */
export async function executeJob(job: Job, options: ExecuteOptions): Promise<ScenarioResult> {
  const started = Date.now();
  const { scenario } = job;
  const result: ScenarioResult = {
    key: job.key,
    scenarioId: scenario.id,
    title: scenario.title,
    protocol: scenario.protocol,
    target: job.targetId,
    connection: job.connectionName,
    provider: job.providerId,
    user: job.user?.email,
    driver: options.driver.name,
    verdict: 'error',
    expected: '',
    observed: '',
    reason: '',
    faults: scenario.faults,
    faultSummaries: scenario.faults.map((f) => options.registry[f.fault]?.summary ?? f.fault),
    tags: scenario.tags,
    why: scenario.why,
    refs: scenario.refs,
    startedAt: new Date(started).toISOString(),
    durationMs: 0,
    steps: [],
    http: [],
    trace: [],
  };
  const steps = normalizeExpectation(job.expectation);
  result.expected = describeExpectation(steps, job.user?.email ?? '(no user)');
  if (job.skip) {
    result.verdict = 'skipped';
    result.reason = job.skip;
    result.observed = 'not run';
    return finish(result, started);
  }

  const abort = new AbortController();
  const timeoutMs = scenario.timeoutMs ?? options.timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Error(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  let session: DriverSession | undefined;
  let flowId: string | undefined;
  const { flows, trace } = options.harness.context;
  try {
    const faults = resolveFaults(scenario.faults, options.registry, scenario.protocol);
    const flow = flows.create(
      {
        scenarioId: scenario.id,
        title: scenario.title,
        providerId: job.providerId,
        user: job.user,
        faults: scenario.faults,
        exclusive: needsExclusiveProvider(faults),
      },
      compileHooks(faults, { connections: job.target.connections, connection: job.connectionName }),
    );
    flowId = flow.id;
    result.flowId = flow.id;
    const run = async () => {
      session = await options.driver.newSession({ signal: abort.signal });
      await session.bindFlow(options.harness.url, flow.id);
      for (const step of steps) result.steps.push(await runStep(step, job, session, flow.id, options));
    };
    await Promise.race([run(), timeout]);
    result.verdict = combineVerdicts(result.steps);
    result.observed = result.steps.map((s) => s.observed).join('; ');
    result.reason = reasonFor(result);
  } catch (error) {
    result.verdict = 'error';
    result.observed = result.steps.map((s) => s.observed).join('; ') || 'not judged';
    result.reason = describeError(error);
  } finally {
    clearTimeout(timer);
    if (session) {
      result.http = session.steps;
      if (result.verdict === 'fail' || result.verdict === 'error') {
        result.screenshot = await session.screenshot().catch(() => undefined);
        result.playwrightTrace = await session.keepTrace(result.key).catch(() => undefined);
      }
      await session.close().catch(() => {});
    }
    if (flowId) {
      result.trace = trace.list({ flowId });
      flows.remove(flowId);
      trace.forgetFlow(flowId);
    }
  }
  return finish(result, started);
}

async function runStep(
  step: NormalizedStep,
  job: Job,
  session: DriverSession,
  flowId: string,
  options: ExecuteOptions,
): Promise<StepResult> {
  const user = step.acceptAs ? { ...job.user!, email: step.acceptAs } : job.user!;
  const connection = job.connection!;
  const { probe } = job.target;
  let probed = session;
  switch (step.action) {
    case 'login': {
      await session.open(loginUrl(job, options.harness.url));
      const delivered = options.harness.context.trace.list({ flowId }).some((e) => e.direction === 'out');
      if (!delivered) {
        return {
          action: step.action,
          expect: step.expect,
          verdict: 'error',
          observed: `the login never reached the IdP with this scenario's flow (the SP at ${connection.loginUrl} did not redirect to provider "${job.providerId}"), so its faults were never applied`,
        };
      }
      break;
    }
    case 'replay':
      if (!session.hasPostToReplay()) {
        return {
          action: step.action,
          expect: step.expect,
          verdict: 'error',
          observed: 'nothing was posted to the SP, so there is nothing to replay',
        };
      }
      probed = await session.replayLastPost();
      break;
    case 'logout':
      if (!connection.logoutUrl) {
        return {
          action: step.action,
          expect: step.expect,
          verdict: 'error',
          observed: `connection "${job.connectionName}" has no logoutUrl`,
        };
      }
      await session.open(connection.logoutUrl);
      break;
    case 'probe':
      break;
  }
  const response = await probed.probe(probe.url, probe.selector);
  const observation = observeProbe(probe, response, user, step.forbiddenIdentity);
  const verdict = judgeStep(step, observation);
  return {
    action: step.action,
    expect: step.expect,
    verdict,
    observed:
      verdict === 'error'
        ? `the probe failed: HTTP ${observation.status} at ${observation.finalUrl}`
        : describeObservation(observation, user),
    probe: observation,
  };
}

/** Where the login starts: the SP's login URL, or the IdP's unsolicited-response URL. */
function loginUrl(job: Job, harnessUrl: string): string {
  const connection = job.connection!;
  if (job.scenario.flow.type === 'sp-initiated') return connection.loginUrl;
  if (job.scenario.protocol !== 'saml') {
    throw new Error('IdP-initiated login is a SAML flow; OIDC scenarios start at the SP');
  }
  const url = new URL(`${harnessUrl}/saml/${encodeURIComponent(job.providerId!)}/idp-init`);
  if (connection.sp) url.searchParams.set('sp', connection.sp);
  return url.href;
}

function reasonFor(result: ScenarioResult): string {
  if (result.verdict === 'pass') return `as expected: ${result.expected}`;
  const bad = result.steps.find((s) => s.verdict === result.verdict);
  return bad ? `expected ${result.expected}; observed ${bad.observed}` : result.verdict;
}

function finish(result: ScenarioResult, started: number): ScenarioResult {
  result.durationMs = Date.now() - started;
  return result;
}
