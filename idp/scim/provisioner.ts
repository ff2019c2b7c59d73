import type { DirectoryUser } from '../directory/user.ts';
import type { ScimAuth, ScimClient, ScimExchange, ScimResponse } from './client.ts';
import type { ScimDialect } from './dialects/types.ts';
import { ScimClientError } from './errors.ts';
import type { ScimRequest, ScimUserModel } from './types.ts';

/** What one provisioning action did: whether the SP took it, and every exchange it took. */
export interface ScimOutcome {
  /** The SP answered 2xx to every request of the action. */
  ok: boolean;
  /** The last answer's status, when there was one. */
  status: number | undefined;
  /** The last answer's JSON. */
  body: unknown;
  /** What was wrong, in words (non-2xx answer, an answer without the expected id, ...). */
  problem: string | undefined;
  exchanges: ScimExchange[];
  /** One line: what was sent and what came back. */
  summary: string;
}

/** A user the provisioner pushed, keyed by the directory user's id. */
export interface ProvisionedUser {
  key: string;
  user: DirectoryUser;
  model: ScimUserModel;
  /** The SP's id for the user (from its create answer or the lookup). */
  scimId: string | undefined;
  state: 'active' | 'inactive' | 'deleted';
}

export interface ProvisionedGroup {
  key: string;
  displayName: string;
  scimId: string | undefined;
  /** Keys of the users the IdP holds in the group. */
  members: Set<string>;
  deleted: boolean;
}

/**
 * The IdP side of provisioning one SP: remembers which directory users and groups it
 * pushed and their ids at the SP, and turns assignment, change, deactivation and
 * unassignment into the requests its dialect sends (`dialects/`).
 *
 * @example
 * const provisioner = new ScimProvisioner({ client, dialect: scimDialect('entra'), providerId: 'entra' });
 * const created = await provisioner.assign(user);   // GET ?filter=userName eq …, then POST /Users
 * await provisioner.setActive(user, false);         // PATCH Replace active "False"
 */
export class ScimProvisioner {
  readonly client: ScimClient;
  readonly dialect: ScimDialect;
  readonly providerId: string;
  readonly users = new Map<string, ProvisionedUser>();
  readonly groups = new Map<string, ProvisionedGroup>();

  constructor(options: { client: ScimClient; dialect: ScimDialect; providerId: string }) {
    this.client = options.client;
    this.dialect = options.dialect;
    this.providerId = options.providerId;
  }

  /** The SCIM view of a directory user, as this dialect sends it. */
  modelOf(user: DirectoryUser, active = true): ScimUserModel {
    return {
      userName: user.email,
      email: user.email,
      givenName: user.givenName,
      familyName: user.familyName,
      displayName: user.displayName,
      externalId: this.dialect.externalId(user, this.providerId),
      employeeNumber: user.externalId,
      department: typeof user.attributes.department === 'string' ? user.attributes.department : undefined,
      active,
    };
  }

  /** Assignment: look the user up when the dialect does, then create it (or link the one found). */
  async assign(user: DirectoryUser): Promise<ScimOutcome> {
    const model = this.modelOf(user);
    const record: ProvisionedUser = { key: user.id, user, model, scimId: undefined, state: 'active' };
    const exchanges: ScimExchange[] = [];
    if (this.dialect.lookupUser) {
      const found = await this.lookup(this.dialect.lookupUser(model.userName), exchanges);
      if (!found.ok) return found;
      if (found.id) {
        record.scimId = found.id;
        this.users.set(record.key, record);
        return {
          ...found,
          summary: `found ${model.userName} at the SP (id ${found.id}); linked, not created`,
        };
      }
    }
    const answer = await this.request(
      { method: 'POST', path: '/Users', body: this.dialect.createUser(model) },
      exchanges,
    );
    const id = idOf(answer.body);
    if (answer.ok && !id) return failed(answer, 'the create answer carries no id');
    if (answer.ok) {
      record.scimId = id;
      this.users.set(record.key, record);
    }
    return answer;
  }

  /** A profile change (email, name) of a pushed user, as the dialect sends it (PUT or PATCH). */
  async update(user: DirectoryUser): Promise<ScimOutcome> {
    const record = this.pushed(user);
    const after = { ...this.modelOf(user, record.state === 'active') };
    const answer = await this.request(this.dialect.updateUser(record.scimId!, record.model, after));
    if (answer.ok) {
      record.model = after;
      record.user = user;
    }
    return answer;
  }

  /** Deactivation (false) or reactivation (true). */
  async setActive(user: DirectoryUser, active: boolean): Promise<ScimOutcome> {
    const record = this.pushed(user);
    const answer = await this.request(this.dialect.setActive(record.scimId!, record.model, active));
    if (answer.ok) {
      record.state = active ? 'active' : 'inactive';
      record.model = { ...record.model, active };
    }
    return answer;
  }

  /** Unassignment from the app: deactivate or DELETE, as this IdP does. */
  async unassign(user: DirectoryUser): Promise<ScimOutcome> {
    return this.dialect.unassign === 'delete' ? this.delete(user) : this.setActive(user, false);
  }

  /** DELETE /Users/<id>. Throws SCIM_NOT_SUPPORTED for an IdP that never sends it (Okta). */
  async delete(user: DirectoryUser): Promise<ScimOutcome> {
    if (!this.dialect.deletesUsers) {
      throw new ScimClientError(
        'SCIM_NOT_SUPPORTED',
        `${this.dialect.title} never sends DELETE /Users/<id>; it deactivates instead`,
      );
    }
    const record = this.pushed(user);
    const answer = await this.request({ method: 'DELETE', path: `/Users/${record.scimId}` });
    if (answer.ok) record.state = 'deleted';
    return answer;
  }

  /** Group push: look the group up by displayName when the dialect does, else create it. */
  async pushGroup(key: string, displayName: string, externalId?: string): Promise<ScimOutcome> {
    const record: ProvisionedGroup = {
      key,
      displayName,
      scimId: undefined,
      members: new Set(),
      deleted: false,
    };
    const exchanges: ScimExchange[] = [];
    if (this.dialect.lookupGroup) {
      const found = await this.lookup(this.dialect.lookupGroup(displayName), exchanges);
      if (!found.ok) return found;
      if (found.id) {
        record.scimId = found.id;
        this.groups.set(key, record);
        return {
          ...found,
          summary: `found group ${displayName} at the SP (id ${found.id}); linked, not created`,
        };
      }
    }
    const answer = await this.request(
      { method: 'POST', path: '/Groups', body: this.dialect.createGroup({ displayName, externalId }) },
      exchanges,
    );
    const id = idOf(answer.body);
    if (answer.ok && !id) return failed(answer, 'the create answer carries no id');
    if (answer.ok) {
      record.scimId = id;
      this.groups.set(key, record);
    }
    return answer;
  }

  async renameGroup(key: string, displayName: string): Promise<ScimOutcome> {
    const group = this.pushedGroup(key);
    const answer = await this.request(this.dialect.renameGroup(group.scimId!, displayName));
    if (answer.ok) group.displayName = displayName;
    return answer;
  }

  async addMember(groupKey: string, user: DirectoryUser): Promise<ScimOutcome> {
    const group = this.pushedGroup(groupKey);
    const member = this.pushed(user);
    const answer = await this.request(
      this.dialect.addMembers(group.scimId!, [{ id: member.scimId!, display: member.model.displayName }]),
    );
    if (answer.ok) group.members.add(member.key);
    return answer;
  }

  async removeMember(groupKey: string, user: DirectoryUser): Promise<ScimOutcome> {
    const group = this.pushedGroup(groupKey);
    const member = this.pushed(user);
    const answer = await this.request(this.dialect.removeMembers(group.scimId!, [member.scimId!]));
    if (answer.ok) group.members.delete(member.key);
    return answer;
  }

  async deleteGroup(key: string): Promise<ScimOutcome> {
    const group = this.pushedGroup(key);
    const answer = await this.request({ method: 'DELETE', path: `/Groups/${group.scimId}` });
    if (answer.ok) group.deleted = true;
    return answer;
  }

  /** Display names of the groups the IdP holds a user in (what its assertions carry). */
  groupsOf(userKey: string): string[] {
    return [...this.groups.values()]
      .filter((g) => !g.deleted && g.members.has(userKey))
      .map((g) => g.displayName);
  }

  /** Any request, with this provisioner's client and dialect headers. */
  async request(
    request: ScimRequest,
    exchanges: ScimExchange[] = [],
    override?: { auth?: ScimAuth },
  ): Promise<ScimOutcome> {
    const response = await this.client.send(
      { ...request, headers: { ...this.dialect.headers, ...(request.headers ?? {}) } },
      override,
    );
    exchanges.push(...response.exchanges);
    return outcomeOf(request, response, exchanges);
  }

  /** The pushed record of a user; throws when the user was never pushed. */
  pushed(user: DirectoryUser): ProvisionedUser {
    const record = this.users.get(user.id);
    if (!record?.scimId) {
      throw new ScimClientError('SCIM_UNEXPECTED_ANSWER', `${user.email} was never provisioned (no SCIM id)`);
    }
    return record;
  }

  private pushedGroup(key: string): ProvisionedGroup {
    const group = this.groups.get(key);
    if (!group?.scimId) {
      throw new ScimClientError('SCIM_UNEXPECTED_ANSWER', `group "${key}" was never pushed (no SCIM id)`);
    }
    return group;
  }

  private async lookup(path: string, exchanges: ScimExchange[]): Promise<ScimOutcome & { id?: string }> {
    const answer = await this.request({ method: 'GET', path }, exchanges);
    if (answer.status === 404 && this.dialect.lookupAccepts404) {
      return { ...answer, ok: true, problem: undefined };
    }
    if (!answer.ok) return answer;
    const list = answer.body as { totalResults?: unknown; Resources?: unknown } | undefined;
    if (!list || typeof list.totalResults !== 'number') {
      return failed(answer, 'the lookup answer is not a SCIM ListResponse (no totalResults)');
    }
    const first = Array.isArray(list.Resources) ? idOf(list.Resources[0]) : undefined;
    return list.totalResults > 0 && first ? { ...answer, id: first } : answer;
  }
}

function outcomeOf(request: ScimRequest, response: ScimResponse, exchanges: ScimExchange[]): ScimOutcome {
  const ok = response.status >= 200 && response.status < 300;
  const body = response.body as { detail?: unknown; scimType?: unknown } | undefined;
  const detail =
    !ok && body && typeof body.detail === 'string'
      ? ` (${typeof body.scimType === 'string' ? `${body.scimType}: ` : ''}${body.detail})`
      : '';
  const attempts = response.exchanges.length > 1 ? ` after ${response.exchanges.length} attempts` : '';
  return {
    ok,
    status: response.status,
    body: response.body,
    problem: ok ? undefined : (response.problem ?? `HTTP ${response.status}${detail}`),
    exchanges,
    summary: `${request.method} ${request.path.split('?')[0]} → ${response.status}${detail}${attempts}`,
  };
}

function failed(outcome: ScimOutcome, problem: string): ScimOutcome {
  return { ...outcome, ok: false, problem, summary: `${outcome.summary}: ${problem}` };
}

function idOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}
