import { setTimeout as sleep } from 'node:timers/promises';
import type { DirectoryUser } from '../idp/directory/user.ts';
import { compileHooks, needsExclusiveProvider, resolveFaults } from '../idp/faults/compile.ts';
import type { AnyFault } from '../idp/faults/types.ts';
import { backChannelLogoutPath } from '../idp/oidc/backchannel-logout.ts';
import { frontChannelLogoutPath } from '../idp/oidc/frontchannel-logout.ts';
import type { IdpServer } from '../idp/server.ts';
import { describeError } from '../lib/errors.ts';
import { maxWaitSeconds } from '../scenarios/schema.ts';
import type { Calibration } from './calibrate.ts';
import type { Driver, DriverSession } from './drivers/types.ts';
import { renderUserTemplate } from './identity.ts';
import { type IdentityCandidate, identityTemplate, judgeProbe } from './outcome.ts';
import type { Job, PlannedStep } from './plan.ts';
import { shownIdentity } from './roles.ts';
import type { ScenarioResult, StepResult } from './types.ts';
import { combineVerdicts, judgeStep } from './verdict.ts';

export interface ExecuteOptions {
  harness: IdpServer;
  registry: Readonly<Record<string, AnyFault>>;
  driver: Driver;
  timeoutMs: number;
  /** The target's calibration: a failed one makes the job `error` without running it. */
  calibration?: Calibration | undefined;
  /** Browser screenshots: of results that fail or error (default), or of every result. */
  screenshots?: 'failures' | 'all' | undefined;
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
    faults: job.faults,
    faultSummaries: job.faults.map((f) =>
      Object.hasOwn(options.registry, f.fault) ? options.registry[f.fault]!.summary : f.fault,
    ),
    tags: scenario.tags,
    why: scenario.why,
    refs: scenario.refs,
    startedAt: new Date(started).toISOString(),
    durationMs: 0,
    steps: [],
    http: [],
    trace: [],
  };
  const { steps } = job;
  result.expected = describeSteps(steps, job);
  if (job.timing) {
    result.timing = job.timing;
    if (job.timing.note) result.expected += ` (${job.timing.note})`;
  }
  if (job.skip) {
    result.verdict = 'skipped';
    result.reason = job.skip;
    result.observed = 'not run';
    return finish(result, started);
  }
  if (options.calibration && !options.calibration.ok) {
    result.verdict = 'error';
    result.observed = 'not judged';
    result.reason = `${options.calibration.summary}${options.calibration.hint ? `; ${options.calibration.hint}` : ''}`;
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
  /** Flows of login steps that log in as someone else or with other faults (multi-step scenarios). */
  const stepFlows: string[] = [];
  const { flows, trace } = options.harness.context;
  try {
    const faults = resolveFaults(job.faults, options.registry, scenario.protocol);
    const flow = flows.create(
      {
        scenarioId: scenario.id,
        title: scenario.title,
        providerId: job.providerId,
        user: job.user,
        faults: job.faults,
        exclusive: needsExclusiveProvider(faults),
        job: job.key,
      },
      compileHooks(faults, { connections: job.target.connections, connection: job.connectionName }),
    );
    flowId = flow.id;
    result.flowId = flow.id;
    const run = async () => {
      session = await options.driver.newSession({ signal: abort.signal });
      await session.bindFlow(options.harness.url, flow.id);
      let current = flow.id;
      for (const step of steps) {
        if (step.action === 'login' && (step.loginAs || step.faults)) {
          current = await stepFlow(step, job, session!, options);
          stepFlows.push(current);
        }
        result.steps.push(await runStep(step, job, session!, current, options, abort.signal));
      }
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
      const failed = result.verdict === 'fail' || result.verdict === 'error';
      if (failed || options.screenshots === 'all') {
        result.screenshot = await session.screenshot().catch(() => undefined);
      }
      if (failed) {
        result.playwrightTrace = await session.keepTrace(result.key).catch(() => undefined);
      }
      await session.close().catch(() => {});
    }
    for (const id of flowId ? [flowId, ...stepFlows] : []) {
      result.trace.push(...trace.list({ flowId: id }));
      flows.remove(id);
      trace.forgetFlow(id);
    }
  }
  return finish(result, started);
}

/** A new flow for a login step with its own user or faults, bound to the session. */
async function stepFlow(
  step: PlannedStep,
  job: Job,
  session: DriverSession,
  options: ExecuteOptions,
): Promise<string> {
  const faults = step.faults ?? job.faults;
  const resolved = resolveFaults(faults, options.registry, job.scenario.protocol);
  const flow = options.harness.context.flows.create(
    {
      scenarioId: job.scenario.id,
      title: `${job.scenario.title} (login as ${step.loginAs?.email ?? job.user?.email})`,
      providerId: job.providerId,
      user: step.loginAs ?? job.user,
      faults,
      exclusive: needsExclusiveProvider(resolved),
      job: job.key,
    },
    compileHooks(resolved, { connections: job.target.connections, connection: job.connectionName }),
  );
  await session.bindFlow(options.harness.url, flow.id);
  return flow.id;
}

async function runStep(
  step: PlannedStep,
  job: Job,
  session: DriverSession,
  flowId: string,
  options: ExecuteOptions,
  signal: AbortSignal,
): Promise<StepResult> {
  const connection = job.connection!;
  const { probe } = job.target;
  const { flows, trace } = options.harness.context;
  const notJudged = (observed: string): StepResult => ({
    action: step.action,
    expect: step.expect,
    verdict: 'error',
    observed,
  });
  /** Opens an IdP URL in the scenario's browser (no login: the flow is in its probe phase); the trace entries it made. */
  const openAtIdp = async (url: string) => {
    flows.setPhase(flowId, 'probe');
    const before = trace.list({ flowId }).length;
    await session.open(url);
    return trace.list({ flowId }).slice(before);
  };
  const providerPath = (protocol: 'oidc' | 'saml') =>
    `${options.harness.url}/${protocol}/${encodeURIComponent(job.providerId!)}`;
  let probed = session;
  let did: string | undefined;
  switch (step.action) {
    case 'login': {
      flows.setPhase(flowId, 'login');
      const before = trace.list({ flowId }).filter((e) => e.direction === 'out').length;
      const delivery = job.scenario.flow.delivery ?? 'same-browser';
      await session.open(loginUrl(job, options.harness.url), { delivery });
      const delivered = trace.list({ flowId }).filter((e) => e.direction === 'out').length > before;
      if (!delivered) {
        const refusal = trace.list({ flowId }).findLast((e) => e.kind === 'refusal');
        if (refusal)
          return notJudged(`the IdP refused the SP's request: ${refusal.error ?? refusal.summary}`);
        // The request did reach the IdP, which could not build its answer (a fault that failed).
        const failed = trace.list({ flowId }).findLast((e) => e.error !== undefined);
        if (failed)
          return notJudged(`the IdP could not build its answer with this scenario's faults: ${failed.error}`);
        return notJudged(
          `the login never reached the IdP with this scenario's flow (the SP at ${connection.loginUrl} did not redirect to provider "${job.providerId}"), so its faults were never applied`,
        );
      }
      if (delivery === 'other-browser') {
        if (!session.hasPostToReplay())
          return notJudged('the IdP sent the SP no response to deliver from another browser');
        flows.setPhase(flowId, 'probe');
        probed = await session.replayLastPost();
      }
      break;
    }
    case 'replay':
      if (!session.hasPostToReplay())
        return notJudged('nothing was posted to the SP, so there is nothing to replay');
      flows.setPhase(flowId, 'probe');
      probed = await session.replayLastPost();
      break;
    case 'logout':
      if (!connection.logoutUrl) return notJudged(`connection "${job.connectionName}" has no logoutUrl`);
      flows.setPhase(flowId, 'probe');
      await session.open(connection.logoutUrl);
      break;
    case 'backchannel-logout': {
      const sent = (await openAtIdp(`${providerPath('oidc')}${backChannelLogoutPath}`)).findLast(
        (e) => e.kind === 'logout' && e.binding === 'back-channel',
      );
      if (!sent) return notJudged('the IdP sent no back-channel logout for this flow (see the trace)');
      if (sent.error) return notJudged(`the back-channel logout could not be delivered: ${sent.error}`);
      did = sent.summary.replace(/^.*: (HTTP \d+)$/, 'the RP answered the logout token with $1');
      break;
    }
    case 'frontchannel-logout': {
      const sent = (await openAtIdp(`${providerPath('oidc')}${frontChannelLogoutPath}`)).findLast(
        (e) => e.kind === 'logout' && e.binding === 'front-channel',
      );
      if (!sent) return notJudged('the IdP sent no front-channel logout for this flow (see the trace)');
      did = "the browser was sent to the RP's frontchannel_logout_uri";
      break;
    }
    case 'idp-logout': {
      const url = new URL(`${providerPath('saml')}/logout`);
      if (connection.sp) url.searchParams.set('sp', connection.sp);
      const entries = await openAtIdp(url.href);
      const sent = entries.find((e) => e.kind === 'LogoutRequest' && e.direction === 'out');
      if (!sent) {
        const refused = entries.findLast((e) => e.error);
        return notJudged(
          `the IdP sent no LogoutRequest for this flow${refused ? `: ${refused.error}` : ' (see the trace)'}`,
        );
      }
      const answer = entries.find((e) => e.kind === 'LogoutResponse' && e.direction === 'in');
      did = answer
        ? `the SP answered the IdP's LogoutRequest (${answer.summary.replace(/^LogoutResponse from \S+: /, '')})`
        : "the SP did not answer the IdP's LogoutRequest with a LogoutResponse";
      break;
    }
    case 'wait': {
      const wait = waitFor(step, job, options);
      trace.record({
        flowId,
        provider: job.providerId,
        protocol: 'http',
        direction: 'note',
        binding: undefined,
        kind: 'wait',
        summary: `the runner waits ${formatSeconds(wait.ms)}: ${wait.why}`,
      });
      await sleep(wait.ms, undefined, { signal });
      did = `waited ${formatSeconds(wait.ms)} (${wait.why})`;
      break;
    }
    case 'probe':
      break;
  }
  // From here until the next login step, a login request of this flow logs nobody in.
  flows.setPhase(flowId, 'probe');
  const response = await probed.probe(probe.url);
  const observation = judgeProbe({
    probe,
    response,
    candidates: identityCandidates(step, job),
    harnessOrigins: [new URL(options.harness.url).origin],
    learned: options.calibration?.learned,
  });
  const verdict = judgeStep(step, observation);
  return {
    action: step.action,
    expect: step.expect,
    verdict,
    observed: `${did ? `${did}, then ` : ''}${
      observation.session ? `logged in as ${observation.identity}` : `no session: ${observation.reason}`
    }`,
    probe: observation,
  };
}

/** Longest wait of a step, whatever the cache it waits out says (milliseconds). */
const MAX_WAIT_MS = maxWaitSeconds * 1000;

/**
 * How long a wait step waits, and why. `until`: until the document the SP last fetched
 * from this provider (the trace knows when), the OIDC JWKS or the SAML metadata, is older
 * than the `Cache-Control: max-age` the harness sent with it, plus a second; `seconds` is
 * the least wait. Never more than 60 seconds.
 */
function waitFor(step: PlannedStep, job: Job, options: ExecuteOptions): { ms: number; why: string } {
  const least = (step.seconds ?? 0) * 1000;
  if (!step.until) return { ms: Math.min(least, MAX_WAIT_MS), why: 'as the scenario asks' };
  const provider = job.providerId ? options.harness.context.config.providers[job.providerId] : undefined;
  const { kind, setting, maxAge } =
    step.until === 'jwks-max-age'
      ? {
          kind: 'jwks',
          setting: 'jwksMaxAgeSeconds',
          maxAge: provider?.protocol === 'oidc' ? provider.jwksMaxAgeSeconds : 0,
        }
      : {
          kind: 'metadata',
          setting: 'metadataMaxAgeSeconds',
          maxAge: provider?.protocol === 'saml' ? provider.metadataMaxAgeSeconds : 0,
        };
  const what = kind === 'jwks' ? 'JWKS' : 'IdP metadata';
  const fetched = options.harness.context.trace
    .list({ provider: job.providerId })
    .findLast((e) => e.kind === kind && e.direction === 'out');
  if (!fetched) {
    return {
      ms: Math.min(least, MAX_WAIT_MS),
      why: `no ${what} of provider "${job.providerId}" was fetched in this harness's trace, so no cache to wait out`,
    };
  }
  const staleAt = Date.parse(fetched.time) + (maxAge + 1) * 1000;
  const ms = Math.min(Math.max(least, staleAt - Date.now()), MAX_WAIT_MS);
  return {
    ms: Math.max(0, ms),
    why: `the ${what} last fetched at ${fetched.time} was sent with max-age=${maxAge} s (providers.${job.providerId}.${setting})`,
  };
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * The identities the probe looks for: the step's expected and forbidden accounts, then
 * every other account in play (the cast, the login user), as this connection shows them and
 * as they are, so that a `reject` step sees a session as anyone.
 */
function identityCandidates(step: PlannedStep, job: Job): IdentityCandidate[] {
  const template = identityTemplate(job.target.probe);
  const connection = job.connection!;
  const candidates: IdentityCandidate[] = [
    { role: 'expected', shows: shownIdentity(template, step.expectedUser, connection) },
  ];
  if (step.forbiddenUser) {
    candidates.push({ role: 'forbidden', shows: shownIdentity(template, step.forbiddenUser, connection) });
  }
  const cast = job.cast;
  const others = [job.user, cast?.subject, cast?.victim, cast?.stranger, cast?.otherSubject];
  for (const user of others) {
    if (!user) continue;
    for (const shows of [shownIdentity(template, user, connection), renderUserTemplate(template, user)]) {
      if (!candidates.some((c) => c.shows === shows)) candidates.push({ role: 'other', shows });
    }
  }
  return candidates;
}

/** What a correct SP does, in words, with the accounts of this target. */
function describeSteps(steps: readonly PlannedStep[], job: Job): string {
  const account = (user: DirectoryUser | undefined) =>
    user && job.connection ? shownIdentity('{{user.email}}', user, job.connection) : user?.email;
  const one = (s: PlannedStep) =>
    s.expect === 'accept'
      ? `logged in as ${account(s.expectedUser)}`
      : s.expect === 'reject'
        ? 'no session'
        : `not logged in as ${account(s.forbiddenUser)}`;
  if (steps.length === 0) return '(not planned)';
  if (steps.length === 1) return one(steps[0]!);
  return steps.map((s) => `${s.action}: ${one(s)}`).join('; ');
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
  if (!bad) return result.verdict;
  // An error was not judged: what stopped the judgement is the whole reason.
  return result.verdict === 'error' ? bad.observed : `expected ${result.expected}; observed ${bad.observed}`;
}

function finish(result: ScenarioResult, started: number): ScenarioResult {
  result.durationMs = Date.now() - started;
  return result;
}
