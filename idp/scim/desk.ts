import type { IdpContext } from '../context.ts';
import type { DirectoryUser } from '../directory/user.ts';
import { ScimClient } from './client.ts';
import { scimDialect } from './dialects/index.ts';
import type { ScimQuirk } from './dialects/types.ts';
import { scimTargetOf } from './endpoint.ts';
import { ScimClientError } from './errors.ts';
import { type ScimOutcome, ScimProvisioner } from './provisioner.ts';
import { traceScimExchange } from './trace.ts';

export type ScimUserAction = 'push' | 'deactivate' | 'reactivate' | 'delete';

/** One provider's provisioning as the UI shows it: what it pushed, and in which dialect. */
export interface ProvisioningState {
  provider: string;
  displayName: string;
  /** The SP's SCIM base URL, when configured. */
  baseUrl: string | undefined;
  /** Why this provider cannot provision (no base URL). */
  problem: string | undefined;
  dialect: { name: string; title: string; description: string; quirks: ScimQuirk[]; deletesUsers: boolean };
  users: Array<{
    id: string;
    email: string;
    displayName: string;
    groups: string[];
    scimId: string | undefined;
    state: 'not pushed' | 'active' | 'inactive' | 'deleted';
  }>;
  groups: Array<{ name: string; scimId: string | undefined; members: string[] }>;
}

/** What one action did. */
export interface ProvisioningAnswer {
  ok: boolean;
  summary: string;
  problem: string | undefined;
  state: ProvisioningState;
}

/**
 * Provisioning by hand (the UI's Provisioning view): per provider, the directory users
 * who may log in through it and their groups, pushed to the SP over SCIM in the
 * provider's dialect. Every exchange lands in the trace under the provider.
 */
export class ProvisioningDesk {
  private readonly context: IdpContext;
  private readonly provisioners = new Map<string, ScimProvisioner>();

  constructor(context: IdpContext) {
    this.context = context;
  }

  /** Providers that name a SCIM endpoint, or whose persona implies a dialect (shown with the problem). */
  providers(): string[] {
    return Object.entries(this.context.config.providers)
      .filter(([, p]) => p.scim)
      .map(([id]) => id);
  }

  state(providerId: string): ProvisioningState {
    const provider = this.provider(providerId);
    let baseUrl: string | undefined;
    let problem: string | undefined;
    let dialectName = provider.scim?.dialect ?? 'rfc';
    try {
      const target = scimTargetOf(providerId, provider);
      baseUrl = target.endpoint.baseUrl;
      dialectName = target.dialect;
    } catch (error) {
      problem = (error as Error).message;
    }
    const dialect = scimDialect(dialectName);
    const provisioner = this.provisioners.get(providerId);
    const users = this.context.directory.usersFor(providerId);
    const groupNames = [...new Set(users.flatMap((u) => u.groups))].sort();
    return {
      provider: providerId,
      displayName: provider.displayName ?? providerId,
      baseUrl,
      problem,
      dialect: {
        name: dialect.name,
        title: dialect.title,
        description: dialect.description,
        quirks: dialect.quirks,
        deletesUsers: dialect.deletesUsers,
      },
      users: users.map((u) => {
        const record = provisioner?.users.get(u.id);
        return {
          id: u.id,
          email: u.email,
          displayName: u.displayName,
          groups: u.groups,
          scimId: record?.scimId,
          state: record ? record.state : 'not pushed',
        };
      }),
      groups: groupNames.map((name) => {
        const group = provisioner?.groups.get(name);
        return {
          name,
          scimId: group && !group.deleted ? group.scimId : undefined,
          members: [...(group?.members ?? [])],
        };
      }),
    };
  }

  /** Push (create, or update when pushed before), deactivate, reactivate or delete one user. */
  async userAction(providerId: string, userId: string, action: ScimUserAction): Promise<ProvisioningAnswer> {
    const user = this.context.directory.usersFor(providerId).find((u) => u.id === userId);
    if (!user) {
      throw new ScimClientError(
        'SCIM_UNEXPECTED_ANSWER',
        `no directory user "${userId}" may log in through "${providerId}"`,
      );
    }
    const provisioner = this.provisioner(providerId);
    const record = provisioner.users.get(user.id);
    const outcome = await this.run(action, provisioner, user, record?.state);
    return this.answer(providerId, outcome);
  }

  /** Pushes a group with the members the IdP has already pushed. */
  async pushGroup(providerId: string, name: string): Promise<ProvisioningAnswer> {
    const provisioner = this.provisioner(providerId);
    const existing = provisioner.groups.get(name);
    const outcome =
      existing?.scimId && !existing.deleted ? undefined : await provisioner.pushGroup(name, name);
    if (outcome && !outcome.ok) return this.answer(providerId, outcome);
    let last = outcome;
    for (const user of this.context.directory.usersFor(providerId)) {
      const record = provisioner.users.get(user.id);
      if (!user.groups.includes(name) || !record?.scimId || record.state === 'deleted') continue;
      if (provisioner.groups.get(name)?.members.has(user.id)) continue;
      last = await provisioner.addMember(name, user);
      if (!last.ok) break;
    }
    return this.answer(
      providerId,
      last ?? {
        ok: true,
        status: undefined,
        body: undefined,
        problem: undefined,
        exchanges: [],
        summary: `group ${name}: nothing to push`,
      },
    );
  }

  private async run(
    action: ScimUserAction,
    provisioner: ScimProvisioner,
    user: DirectoryUser,
    state: 'active' | 'inactive' | 'deleted' | undefined,
  ): Promise<ScimOutcome> {
    switch (action) {
      case 'push':
        return state === undefined || state === 'deleted'
          ? provisioner.assign(user)
          : provisioner.update(user);
      case 'deactivate':
        return provisioner.setActive(user, false);
      case 'reactivate':
        return provisioner.setActive(user, true);
      case 'delete':
        return provisioner.delete(user);
    }
  }

  private answer(providerId: string, outcome: ScimOutcome): ProvisioningAnswer {
    return {
      ok: outcome.ok,
      summary: outcome.summary,
      problem: outcome.problem,
      state: this.state(providerId),
    };
  }

  private provider(providerId: string) {
    const provider = Object.hasOwn(this.context.config.providers, providerId)
      ? this.context.config.providers[providerId]
      : undefined;
    if (!provider?.scim) {
      throw new ScimClientError(
        'SCIM_NOT_CONFIGURED',
        `provider "${providerId}" has no scim block; providers with one: ${this.providers().join(', ') || '(none)'}`,
      );
    }
    return provider;
  }

  private provisioner(providerId: string): ScimProvisioner {
    let provisioner = this.provisioners.get(providerId);
    if (!provisioner) {
      const target = scimTargetOf(providerId, this.provider(providerId));
      const client = new ScimClient(target.endpoint, {
        keepAlive: false,
        onExchange: (exchange) => traceScimExchange(this.context.trace, exchange, { provider: providerId }),
      });
      provisioner = new ScimProvisioner({ client, dialect: scimDialect(target.dialect), providerId });
      this.provisioners.set(providerId, provisioner);
    }
    return provisioner;
  }
}
