import type { Config, ConnectionConfig, TargetConfig } from '../config/schema.ts';
import type { Directory } from '../idp/directory/directory.ts';
import { type DirectoryUser, unknownUser } from '../idp/directory/user.ts';
import type { FaultRef } from '../idp/flows.ts';
import type { Expectation, Scenario } from '../scenarios/schema.ts';
import { isRoleName, renderTemplates, rolesNeeded } from '../scenarios/templates.ts';
import { type Cast, castRoles, castTemplateValues, castUser } from './roles.ts';
import { judgeBySkew } from './timing/expectation.ts';
import type { TimingResult } from './types.ts';
import { type NormalizedStep, normalizeExpectation } from './verdict.ts';

/** One step of a job with the accounts it is judged against. */
export interface PlannedStep extends NormalizedStep {
  /** For `accept`: the account the SP must show. */
  expectedUser: DirectoryUser;
  /** For `not-as`: the account the SP must not show. */
  forbiddenUser?: DirectoryUser | undefined;
  /** A login step that logs in as another role than the scenario's user. */
  loginAs?: DirectoryUser | undefined;
  /** A login step with its own faults (placeholders filled). */
  faults?: FaultRef[] | undefined;
}

/** One scenario against one connection of one target, with everything it needs decided up front. */
export interface Job {
  key: string;
  scenario: Scenario;
  targetId: string;
  target: TargetConfig;
  /** Undefined when the job is skipped before a connection was chosen. */
  connectionName: string | undefined;
  connection: ConnectionConfig | undefined;
  providerId: string | undefined;
  /** Who logs in. */
  user: DirectoryUser | undefined;
  /** The target's cast of roles on this connection. */
  cast: Cast | undefined;
  /** The scenario's faults with their placeholders filled from the cast. */
  faults: FaultRef[];
  /**
   * The scenario's expectation, or the target's override (its documented policy); a timing
   * scenario's is decided here against the target's declared clock skew.
   */
  expectation: Expectation;
  /** A timing scenario: the time it moves and what the target's declared skew makes of it. */
  timing?: TimingResult | undefined;
  steps: PlannedStep[];
  /** Why the job cannot run on this target (a skip, reported as such, never a pass). */
  skip: string | undefined;
}

export interface PlanOptions {
  /**
   * Which connections run a scenario: `first` (default), the first connection of the
   * scenario's protocol that fits it; `all`, every one that fits (the key then names the
   * connection); or a connection name, that one only.
   */
  connection?: string | undefined;
}

/** Decides, for each scenario and target, which connection and people it runs with. */
export function planJobs(
  scenarios: readonly Scenario[],
  targets: Readonly<Record<string, TargetConfig>>,
  config: Pick<Config, 'providers'>,
  directory: Directory,
  options: PlanOptions = {},
): Job[] {
  const jobs: Job[] = [];
  const mode = options.connection ?? 'first';
  for (const [targetId, target] of Object.entries(targets)) {
    for (const scenario of scenarios) {
      const fits = fittingConnections(scenario, target, config);
      const base = baseJob(scenario, targetId, target);
      if (typeof fits === 'string') {
        jobs.push({ ...base, skip: fits });
        continue;
      }
      let chosen = fits;
      if (mode === 'first') chosen = fits.slice(0, 1);
      else if (mode !== 'all') {
        chosen = fits.filter((name) => name === mode);
        if (chosen.length === 0) {
          jobs.push({
            ...base,
            skip: Object.hasOwn(target.connections, mode)
              ? `connection "${mode}" does not fit it (${describeRequirements(scenario)})`
              : `target "${targetId}" has no connection "${mode}"`,
          });
          continue;
        }
      }
      for (const name of chosen) {
        const job = planJob(scenario, base, name, config, directory);
        jobs.push(mode === 'all' ? { ...job, key: `${scenario.id} @ ${targetId}/${name}` } : job);
      }
    }
  }
  return jobs;
}

function baseJob(scenario: Scenario, targetId: string, target: TargetConfig): Job {
  const override = Object.hasOwn(target.expectations, scenario.id)
    ? (target.expectations[scenario.id] as Expectation)
    : undefined;
  const job: Job = {
    key: `${scenario.id} @ ${targetId}`,
    scenario,
    targetId,
    target,
    connectionName: undefined,
    connection: undefined,
    providerId: undefined,
    user: undefined,
    cast: undefined,
    faults: scenario.faults,
    expectation: override ?? scenario.expect,
    steps: [],
    skip: undefined,
  };
  const expect = scenario.expect;
  if (override || typeof expect !== 'object' || !('withinSkew' in expect)) return job;
  const judged = judgeBySkew(expect.withinSkew, target.clockSkewSeconds, targetId);
  const timing = { ...expect.withinSkew, declaredSkewSeconds: target.clockSkewSeconds };
  if ('skip' in judged) return { ...job, timing, skip: judged.skip };
  return {
    ...job,
    expectation: judged.expect,
    timing: { ...timing, expect: judged.expect, note: judged.note },
  };
}

function planJob(
  scenario: Scenario,
  base: Job,
  connectionName: string,
  config: Pick<Config, 'providers'>,
  directory: Directory,
): Job {
  const connection = base.target.connections[connectionName]!;
  const withConnection: Job = {
    ...base,
    connectionName,
    connection,
    providerId: scenario.provider ?? connection.provider,
  };
  if (base.skip) return withConnection;
  const casting = castRoles({
    targetId: base.targetId,
    target: base.target,
    connectionName,
    config,
    directory,
    needed: rolesNeeded(scenario),
  });
  if ('missing' in casting) return { ...withConnection, skip: casting.missing };
  const { cast } = casting;
  const user = loginUser(scenario, cast, directory);
  if (typeof user === 'string') return { ...withConnection, cast, skip: user };
  const accountOf = (name: string): DirectoryUser =>
    isRoleName(name) ? castUser(cast, name)! : (directory.findByEmail(name) ?? unknownUser(name));
  const values = castTemplateValues(cast, base.target.clockSkewSeconds);
  let steps: PlannedStep[];
  // A step that does not log in (wait, probe, logout, ...) expects whoever logged in last.
  let lastLogin = user;
  try {
    steps = normalizeExpectation(base.expectation).map((step): PlannedStep => {
      const loginAs = step.role ? castUser(cast, step.role) : undefined;
      if (step.action === 'login') lastLogin = loginAs ?? user;
      return {
        ...step,
        expectedUser: step.acceptAs
          ? accountOf(step.acceptAs)
          : step.action === 'login'
            ? lastLogin
            : (loginAs ?? lastLogin),
        forbiddenUser: step.forbiddenIdentity ? accountOf(step.forbiddenIdentity) : undefined,
        loginAs,
        faults: step.faults ? renderTemplates(step.faults, values) : undefined,
      };
    });
  } catch (error) {
    return { ...withConnection, cast, skip: (error as Error).message };
  }
  if (steps.some((s) => s.action === 'logout') && !connection.logoutUrl) {
    return {
      ...withConnection,
      cast,
      skip: `it logs out, and connection "${connectionName}" has no logout URL (set targets.${base.targetId}.connections.${connectionName}.logoutUrl)`,
    };
  }
  const logoutEndpoint =
    backChannelLogoutSkip(steps, withConnection, config) ?? idpLogoutSkip(steps, withConnection, config);
  if (logoutEndpoint) return { ...withConnection, cast, skip: logoutEndpoint };
  let faults: FaultRef[];
  try {
    faults = renderTemplates(scenario.faults, values);
  } catch (error) {
    return { ...withConnection, cast, skip: (error as Error).message };
  }
  return { ...withConnection, user, cast, faults, steps };
}

/**
 * Why a scenario with a back-channel or front-channel logout step cannot run on this
 * connection: its client has no backchannel_logout_uri (OIDC Back-Channel Logout 1.0 §2.2)
 * or frontchannel_logout_uri (Front-Channel Logout 1.0 §2) at the provider.
 */
function backChannelLogoutSkip(
  steps: readonly PlannedStep[],
  job: Job,
  config: Pick<Config, 'providers'>,
): string | undefined {
  const provider = job.providerId ? config.providers[job.providerId] : undefined;
  if (provider?.protocol !== 'oidc') return undefined;
  const clientId = job.connection?.client ?? Object.keys(provider.clients)[0];
  const client = clientId ? provider.clients[clientId] : undefined;
  const needs = [
    ['backchannel-logout', 'a back-channel', 'backchannel_logout_uri', 'backchannelLogoutUri'],
    ['frontchannel-logout', 'a front-channel', 'frontchannel_logout_uri', 'frontchannelLogoutUri'],
  ] as const;
  for (const [action, what, metadata, setting] of needs) {
    if (!steps.some((s) => s.action === action) || client?.[setting]) continue;
    return `it sends ${what} logout, and client "${clientId ?? '(none)'}" of provider "${job.providerId}" has no ${metadata} (set providers.${job.providerId}.clients.${clientId ?? '<client>'}.${setting} to the RP's endpoint, if it has one)`;
  }
  return undefined;
}

/**
 * Why a scenario in which the IdP starts SAML single logout cannot run on this connection:
 * the IdP knows no SingleLogoutService of its SP (no sloUrl, no metadata that may name one).
 */
function idpLogoutSkip(
  steps: readonly PlannedStep[],
  job: Job,
  config: Pick<Config, 'providers'>,
): string | undefined {
  if (!steps.some((s) => s.action === 'idp-logout')) return undefined;
  const provider = job.providerId ? config.providers[job.providerId] : undefined;
  if (provider?.protocol !== 'saml') return undefined;
  const spName = job.connection?.sp ?? Object.keys(provider.sps)[0];
  const sp = spName ? provider.sps[spName] : undefined;
  if (sp?.sloUrl || sp?.metadataUrl || sp?.metadataFile) return undefined;
  return `the IdP sends it a LogoutRequest, and SP "${spName ?? '(none)'}" of provider "${job.providerId}" has no SingleLogoutService (set providers.${job.providerId}.sps.${spName ?? '<sp>'}.sloUrl, if the SP has one)`;
}

/** Names of the target's connections that fit the scenario, in config order, or why none does. */
function fittingConnections(
  scenario: Scenario,
  target: TargetConfig,
  config: Pick<Config, 'providers'>,
): string[] | string {
  if (scenario.connection) {
    return Object.hasOwn(target.connections, scenario.connection)
      ? [scenario.connection]
      : `the target has no connection "${scenario.connection}"`;
  }
  const fits = Object.entries(target.connections).filter(([, c]) => {
    if (!Object.hasOwn(config.providers, c.provider)) return false;
    const provider = config.providers[c.provider]!;
    if (provider.protocol !== scenario.protocol) return false;
    if (scenario.provider && c.provider !== scenario.provider) return false;
    const requires = scenario.requires;
    if (requires?.persona && provider.persona !== requires.persona) return false;
    if (requires?.tag && !c.tags.includes(requires.tag)) return false;
    if (requires?.notTag && c.tags.includes(requires.notTag)) return false;
    // A disabled provider, or a connection the SP has switched off (tag "disabled"), is only
    // used by scenarios that ask for it by name or by tag.
    const off = provider.disabled || c.tags.includes('disabled');
    return !off || Boolean(scenario.provider || requires?.tag);
  });
  if (fits.length > 0) return fits.map(([name]) => name);
  return `the target has no connection that fits (${describeRequirements(scenario)}); ${enableHint(scenario)}`;
}

function describeRequirements(scenario: Scenario): string {
  return [
    scenario.protocol.toUpperCase(),
    scenario.provider && `provider "${scenario.provider}"`,
    scenario.requires?.persona && `persona ${scenario.requires.persona}`,
    scenario.requires?.tag && `tag "${scenario.requires.tag}"`,
    scenario.requires?.notTag && `without tag "${scenario.requires.notTag}"`,
  ]
    .filter(Boolean)
    .join(', ');
}

function enableHint(scenario: Scenario): string {
  const requires = scenario.requires;
  const parts = [`a ${scenario.protocol.toUpperCase()} connection`];
  if (requires?.persona) parts.push(`to a provider with persona "${requires.persona}"`);
  if (requires?.tag) parts.push(`with tags: ["${requires.tag}"]`);
  return `add ${parts.join(' ')} to the target's connections if the SP has one`;
}

/** Who logs in: the scenario's role (default subject), or a user it names. */
function loginUser(scenario: Scenario, cast: Cast, directory: Directory): DirectoryUser | string {
  const wanted = scenario.user;
  if (typeof wanted === 'object') {
    const { attributes, groups, roles, ...rest } = wanted;
    return unknownUser(wanted.email, {
      ...definedOnly(rest),
      ...(attributes ? { attributes } : {}),
      ...(groups ? { groups } : {}),
      ...(roles ? { roles } : {}),
    });
  }
  if (wanted) return directory.get(wanted) ?? `no user "${wanted}" in the directory`;
  return castUser(cast, scenario.role ?? 'subject') ?? `no ${scenario.role} on this target`;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
