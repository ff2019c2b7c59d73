import type { Config, ConnectionConfig, ScimDialectName, TargetConfig } from '../../config/schema.ts';
import type { Directory } from '../../idp/directory/directory.ts';
import type { DirectoryUser } from '../../idp/directory/user.ts';
import { scimDialect } from '../../idp/scim/dialects/index.ts';
import { type ScimTarget, scimTargetOf } from '../../idp/scim/endpoint.ts';
import type { ScimScenario } from '../../scenarios/scim/schema.ts';

/** One SCIM scenario against one SCIM-enabled connection of a target, decided up front. */
export interface ScimJob {
  /** `<scenario id> @ <target> [<connection>]`, with ` as <dialect>` when the dialect is forced. */
  key: string;
  scenario: ScimScenario;
  targetId: string;
  target: TargetConfig;
  connectionName: string | undefined;
  connection: ConnectionConfig | undefined;
  providerId: string | undefined;
  /** The SP's SCIM endpoint and the dialect the pushes are sent in. */
  scim: ScimTarget | undefined;
  /** The directory user whose shape the scenario's fresh users copy (domain, names). */
  template: DirectoryUser | undefined;
  /** Why the job cannot run (reported as skipped, never as a pass). */
  skip: string | undefined;
}

export interface PlanScimOptions {
  /**
   * Run every scenario once per dialect named here, on the connection whose provider
   * speaks it (else the first SCIM connection), instead of once per SCIM connection in
   * its provider's own dialect. Proves each dialect against one SP.
   */
  dialects?: readonly ScimDialectName[] | undefined;
}

/**
 * Plans SCIM scenarios: each runs once per connection of the target whose provider (or
 * the connection itself) names a SCIM endpoint, in that provider's dialect; a target
 * without one gets a skipped job that says so.
 */
export function planScimJobs(
  scenarios: readonly ScimScenario[],
  targets: Readonly<Record<string, TargetConfig>>,
  config: Pick<Config, 'providers'>,
  directory: Directory,
  options: PlanScimOptions = {},
): ScimJob[] {
  const jobs: ScimJob[] = [];
  for (const [targetId, target] of Object.entries(targets)) {
    const connections = scimConnections(target, config);
    for (const scenario of scenarios) {
      if (connections.length === 0) {
        jobs.push({
          ...empty(scenario, targetId, target),
          skip: "no connection of the target has a SCIM endpoint (providers.<id>.scim.baseUrl or the connection's scim.baseUrl)",
        });
        continue;
      }
      const runs: Array<[string, ConnectionConfig, ScimTarget, boolean]> = options.dialects
        ? options.dialects.map((dialect) => {
            const [name, connection, scim] =
              connections.find(([, , s]) => s.dialect === dialect) ?? connections[0]!;
            return [name, connection, { ...scim, dialect }, scim.dialect !== dialect];
          })
        : connections.map(([name, connection, scim]) => [name, connection, scim, false]);
      for (const [name, connection, scim, forced] of runs) {
        jobs.push(planOne(scenario, targetId, target, name, connection, scim, forced, directory));
      }
    }
  }
  return jobs;
}

function planOne(
  scenario: ScimScenario,
  targetId: string,
  target: TargetConfig,
  connectionName: string,
  connection: ConnectionConfig,
  scim: ScimTarget,
  forced: boolean,
  directory: Directory,
): ScimJob {
  const job: ScimJob = {
    ...empty(scenario, targetId, target),
    key: `${scenario.id} @ ${targetId} [${connectionName}${forced ? ` as ${scim.dialect}` : ''}]`,
    connectionName,
    connection,
    providerId: connection.provider,
    scim,
  };
  const template =
    (connection.user ? directory.get(connection.user) : undefined) ??
    directory.usersFor(connection.provider)[0];
  if (!template) return { ...job, skip: `no directory user may log in through "${connection.provider}"` };
  job.template = template;
  if (scenario.kind === 'provisioning') {
    if (scenario.requires?.roleGroup && !connection.scim?.roleGroup) {
      return {
        ...job,
        skip: `connection "${connectionName}" names no role group (scim.roleGroup: a group the SP maps to a role, and what its probe shows then)`,
      };
    }
    if (scenario.requires?.deletes && !scimDialect(scim.dialect).deletesUsers) {
      return {
        ...job,
        skip: `${scimDialect(scim.dialect).title} never sends DELETE /Users (it deactivates)`,
      };
    }
  }
  return job;
}

/** The target's connections that can be provisioned, with their endpoint and dialect. */
function scimConnections(
  target: TargetConfig,
  config: Pick<Config, 'providers'>,
): Array<[string, ConnectionConfig, ScimTarget]> {
  const out: Array<[string, ConnectionConfig, ScimTarget]> = [];
  for (const [name, connection] of Object.entries(target.connections)) {
    const provider = config.providers[connection.provider];
    if (!provider || provider.disabled) continue;
    if (!provider.scim?.baseUrl && !connection.scim?.baseUrl) continue;
    out.push([name, connection, scimTargetOf(connection.provider, provider, connection)]);
  }
  return out;
}

function empty(scenario: ScimScenario, targetId: string, target: TargetConfig): ScimJob {
  return {
    key: `${scenario.id} @ ${targetId}`,
    scenario,
    targetId,
    target,
    connectionName: undefined,
    connection: undefined,
    providerId: undefined,
    scim: undefined,
    template: undefined,
    skip: undefined,
  };
}
