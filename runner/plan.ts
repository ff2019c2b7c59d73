import type { Config, ConnectionConfig, TargetConfig } from '../config/schema.ts';
import type { Directory } from '../idp/directory/directory.ts';
import { type DirectoryUser, unknownUser } from '../idp/directory/user.ts';
import type { Expectation, Scenario } from '../scenarios/schema.ts';

/** One scenario against one target, with everything it needs decided up front. */
export interface Job {
  key: string;
  scenario: Scenario;
  targetId: string;
  target: TargetConfig;
  /** Undefined when the job is skipped. */
  connectionName: string | undefined;
  connection: ConnectionConfig | undefined;
  providerId: string | undefined;
  user: DirectoryUser | undefined;
  /** The scenario's expectation, or the target's override (its documented policy). */
  expectation: Expectation;
  /** Why the job cannot run on this target (a skip, reported as such, never a pass). */
  skip: string | undefined;
}

/** Decides, for each scenario and target, which connection and user it runs with. */
export function planJobs(
  scenarios: readonly Scenario[],
  targets: Readonly<Record<string, TargetConfig>>,
  config: Pick<Config, 'providers'>,
  directory: Directory,
): Job[] {
  const jobs: Job[] = [];
  for (const [targetId, target] of Object.entries(targets)) {
    for (const scenario of scenarios) {
      jobs.push(planJob(scenario, targetId, target, config, directory));
    }
  }
  return jobs;
}

function planJob(
  scenario: Scenario,
  targetId: string,
  target: TargetConfig,
  config: Pick<Config, 'providers'>,
  directory: Directory,
): Job {
  const override = target.expectations[scenario.id] as Expectation | undefined;
  const base: Job = {
    key: `${scenario.id} @ ${targetId}`,
    scenario,
    targetId,
    target,
    connectionName: undefined,
    connection: undefined,
    providerId: undefined,
    user: undefined,
    expectation: override ?? scenario.expect,
    skip: undefined,
  };
  const connection = chooseConnection(scenario, target, config);
  if (typeof connection === 'string') return { ...base, skip: connection };
  const [connectionName, chosen] = connection;
  const user = chooseUser(scenario, chosen, directory);
  if (typeof user === 'string') return { ...base, connectionName, connection: chosen, skip: user };
  return {
    ...base,
    connectionName,
    connection: chosen,
    providerId: scenario.provider ?? chosen.provider,
    user,
  };
}

function chooseConnection(
  scenario: Scenario,
  target: TargetConfig,
  config: Pick<Config, 'providers'>,
): [string, ConnectionConfig] | string {
  const entries = Object.entries(target.connections);
  if (scenario.connection) {
    const named = target.connections[scenario.connection];
    return named ? [scenario.connection, named] : `the target has no connection "${scenario.connection}"`;
  }
  const fits = entries.filter(([, c]) => {
    const provider = config.providers[c.provider];
    if (!provider || provider.protocol !== scenario.protocol) return false;
    if (scenario.provider && c.provider !== scenario.provider) return false;
    if (scenario.requires?.persona && provider.persona !== scenario.requires.persona) return false;
    if (scenario.requires?.tag && !c.tags.includes(scenario.requires.tag)) return false;
    // A disabled provider is only used by scenarios that ask for it by name or by tag.
    return !provider.disabled || Boolean(scenario.provider || scenario.requires?.tag);
  });
  const first = fits[0];
  if (first) return first;
  const wanted = [
    scenario.protocol.toUpperCase(),
    scenario.provider && `provider "${scenario.provider}"`,
    scenario.requires?.persona && `persona ${scenario.requires.persona}`,
    scenario.requires?.tag && `tag "${scenario.requires.tag}"`,
  ]
    .filter(Boolean)
    .join(', ');
  return `the target has no connection that fits (${wanted})`;
}

function chooseUser(
  scenario: Scenario,
  connection: ConnectionConfig,
  directory: Directory,
): DirectoryUser | string {
  const wanted = scenario.user ?? connection.user;
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
  return (
    directory.usersFor(connection.provider)[0] ??
    `no directory user may log in through "${connection.provider}"`
  );
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
