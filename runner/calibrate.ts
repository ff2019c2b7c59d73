import { createHash } from 'node:crypto';
import type { Config, TargetConfig } from '../config/schema.ts';
import type { IdpContext } from '../idp/context.ts';
import type { Directory } from '../idp/directory/directory.ts';
import type { IdpServer } from '../idp/server.ts';
import { describeError } from '../lib/errors.ts';
import type { Driver, DriverSession } from './drivers/types.ts';
import { identityTemplate, judgeProbe, type LearnedProbe } from './outcome.ts';
import { castRoles, shownIdentity } from './roles.ts';
import type { ProbeObservation } from './types.ts';

/** What one calibration probe saw, kept for reports and the UI's target page. */
export interface CalibrationReading {
  status: number;
  finalUrl: string;
  /** The identity the page showed, if any (read without calibration's own learning). */
  identity: string | undefined;
  row: ProbeObservation['row'];
  reason: string;
}

/**
 * What *session* and *no session* look like on a target, measured before its first
 * scenario: one clean login and a probe, then a probe from a fresh browser state.
 */
export interface Calibration {
  targetId: string;
  ok: boolean;
  /** One line: what tells the two apart, or why nothing does. */
  summary: string;
  /** What to change in the target's config when calibration failed. */
  hint?: string | undefined;
  /** The connection and user of the clean login. */
  connection?: string | undefined;
  user?: string | undefined;
  session?: CalibrationReading | undefined;
  noSession?: CalibrationReading | undefined;
  /** What calibration learned about the probe (used by every scenario of the target). */
  learned: LearnedProbe;
  /** Hash of the target's config and the harness URL: a calibration is reused until it changes. */
  fingerprint: string;
  at: string;
}

export interface CalibrateInput {
  targetId: string;
  target: TargetConfig;
  harness: IdpServer;
  driver: Driver;
  config: Pick<Config, 'providers'>;
  directory: Directory;
  timeoutMs: number;
}

/** Calibrations per IdP (its context), by fingerprint: reused until the target's config changes. */
const cache = new WeakMap<IdpContext, Map<string, Calibration>>();

/**
 * The latest calibration of a target on this IdP, if its config has not changed since
 * (the UI's target page shows it). Undefined: not calibrated yet, or changed since.
 */
export function currentCalibration(
  context: IdpContext,
  targetId: string,
  target: TargetConfig,
): Calibration | undefined {
  return cache.get(context)?.get(calibrationFingerprint(targetId, target, context.baseUrl));
}

/** The fingerprint a calibration is cached under: the target's config and where the harness runs. */
export function calibrationFingerprint(targetId: string, target: TargetConfig, harnessUrl: string): string {
  return createHash('sha256')
    .update(JSON.stringify([targetId, target, harnessUrl]))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Calibrates a target, or returns the calibration cached for the same target config on
 * this harness (a failed one is measured again). Never throws: an SP that cannot be
 * reached gives a failed calibration that says so.
 */
export async function calibrateTarget(input: CalibrateInput): Promise<Calibration> {
  const { context } = input.harness;
  const fingerprint = calibrationFingerprint(input.targetId, input.target, context.baseUrl);
  const byTarget = cache.get(context) ?? new Map<string, Calibration>();
  cache.set(context, byTarget);
  const cached = byTarget.get(fingerprint);
  if (cached?.ok) return cached;
  const calibration = await measure(input, fingerprint);
  byTarget.set(fingerprint, calibration);
  return calibration;
}

async function measure(input: CalibrateInput, fingerprint: string): Promise<Calibration> {
  const { targetId, target, harness } = input;
  const base = { targetId, fingerprint, at: new Date().toISOString(), learned: {} };
  const failed = (summary: string, hint?: string, extra: Partial<Calibration> = {}): Calibration => ({
    ...base,
    ...extra,
    ok: false,
    summary: `calibration of target "${targetId}" failed: ${summary}`,
    hint,
  });
  const connectionName = Object.keys(target.connections).find((name) => {
    const connection = target.connections[name]!;
    const provider = input.config.providers[connection.provider];
    return provider !== undefined && !provider.disabled && !connection.tags.includes('disabled');
  });
  if (!connectionName) return failed('it has no connection to an enabled provider');
  const casting = castRoles({
    targetId,
    target,
    connectionName,
    config: input.config,
    directory: input.directory,
    needed: { roles: new Set(['subject']), otherConnection: false },
  });
  if ('missing' in casting) return failed(casting.missing);
  const { connection, subject } = casting.cast;
  const candidates = [
    { role: 'expected' as const, shows: shownIdentity(identityTemplate(target.probe), subject, connection) },
  ];
  const harnessOrigins = [new URL(harness.url).origin];
  const judge = (response: Parameters<typeof judgeProbe>[0]['response'], learned?: LearnedProbe) =>
    judgeProbe({ probe: target.probe, response, candidates, harnessOrigins, learned });
  const about = { connection: connectionName, user: subject.email };

  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), input.timeoutMs);
  const sessions: DriverSession[] = [];
  const flows: string[] = [];
  try {
    const loggedIn = await input.driver.newSession({ signal: abort.signal });
    sessions.push(loggedIn);
    const flow = harness.context.flows.create({
      scenarioId: 'calibration',
      title: `Calibration of target "${targetId}"`,
      providerId: connection.provider,
      user: subject,
      faults: [],
    });
    flows.push(flow.id);
    await loggedIn.bindFlow(harness.url, flow.id);
    await loggedIn.open(connection.loginUrl);
    const entries = harness.context.trace.list({ flowId: flow.id });
    const refusal = entries.findLast((e) => e.kind === 'refusal');
    if (refusal) {
      return failed(
        `the IdP refused the SP's request during a clean login through connection "${connectionName}": ${refusal.error ?? refusal.summary}`,
        `register the SP at provider "${connection.provider}" as it sends its requests (entity ID, ACS URL or redirect URI)`,
        about,
      );
    }
    if (!entries.some((e) => e.direction === 'out')) {
      return failed(
        `a clean login through connection "${connectionName}" never reached the IdP (${connection.loginUrl} did not redirect to provider "${connection.provider}")`,
        `check targets.${targetId}.connections.${connectionName}.loginUrl`,
        about,
      );
    }
    harness.context.flows.setPhase(flow.id, 'probe');
    const withSession = await loggedIn.probe(target.probe.url);

    const fresh = await input.driver.newSession({ signal: abort.signal });
    sessions.push(fresh);
    const idle = harness.context.flows.create({
      scenarioId: 'calibration',
      providerId: connection.provider,
      faults: [],
    });
    flows.push(idle.id);
    harness.context.flows.setPhase(idle.id, 'probe');
    await fresh.bindFlow(harness.url, idle.id);
    const withoutSession = await fresh.probe(target.probe.url);

    const session = judge(withSession);
    const noSession = judge(withoutSession);
    const readings = { ...about, session: reading(session), noSession: reading(noSession) };
    if (!session.asExpectedUser) {
      return failed(
        `after a clean login of ${subject.email} through connection "${connectionName}", the probe shows no session of it (${session.reason})`,
        `check targets.${targetId}.probe: its url must show the logged-in user, and probe.contains (default {{user.email}}) what it shows, exactly`,
        readings,
      );
    }
    if (!noSession.session) {
      return {
        ...base,
        ...readings,
        ok: true,
        summary: `session: ${describe(session)}; no session: ${noSession.reason}`,
      };
    }
    const sessionPath = new URL(session.finalUrl).pathname;
    if (new URL(noSession.finalUrl).pathname !== sessionPath) {
      const learned = { sessionPath };
      if (!judge(withoutSession, learned).session) {
        return {
          ...base,
          ...readings,
          learned,
          ok: true,
          summary: `session: ${describe(session)}; no session: the page at ${noSession.finalUrl} also shows ${noSession.identity}, so only a probe that ends at ${sessionPath} counts as a session`,
        };
      }
    }
    return failed(
      `the probe page answers ${session.status} and shows ${session.identity} with and without a session`,
      `set targets.${targetId}.probe.finalUrl (a pattern only the logged-in page's URL matches), probe.selector, or probe.identity (where the page shows who is logged in)`,
      readings,
    );
  } catch (error) {
    return failed(
      abort.signal.aborted ? `timed out after ${input.timeoutMs} ms` : describeError(error),
      `check that the SP at targets.${targetId}.probe.url is up`,
      about,
    );
  } finally {
    clearTimeout(timer);
    for (const session of sessions) await session.close().catch(() => {});
    for (const id of flows) {
      harness.context.flows.remove(id);
      harness.context.trace.forgetFlow(id);
    }
  }
}

function reading(observation: ProbeObservation): CalibrationReading {
  return {
    status: observation.status,
    finalUrl: observation.finalUrl,
    identity: observation.identity,
    row: observation.row,
    reason: observation.reason,
  };
}

function describe(observation: ProbeObservation): string {
  return `${observation.status} at ${observation.finalUrl} showing ${observation.identity}`;
}
