import { randomUUID } from 'node:crypto';
import SCIMMY from 'scimmy';
import type { ConnectionConfig } from '../config.ts';
import type { SpContext } from '../context.ts';
import { rolesFromGroups } from '../policy.ts';
import type { SessionStore } from '../session.ts';
import type { StoredUser } from '../users.ts';

const enterpriseUrn = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
/** Attributes the directory keeps in its own fields; the rest of a User is kept as sent. */
const handled = new Set(
  [
    'schemas',
    'id',
    'meta',
    'externalId',
    'userName',
    'name',
    'displayName',
    'emails',
    'active',
    'groups',
    'password',
    enterpriseUrn,
  ].map((k) => k.toLowerCase()),
);

/** What SCIM knows of an account beyond the demo SP's own user record. */
interface UserRecord {
  userName: string;
  name: Record<string, string> | undefined;
  emails: Array<{ value: string; type?: string; primary?: boolean }>;
  enterprise: Record<string, unknown> | undefined;
  /** The other core attributes the IdP sent (nickName, title, locale ...), kept as sent. */
  extra: Record<string, unknown>;
  /** As the IdP last set it (the account may disagree under the scim-ignore-active switch). */
  active: boolean;
  created: Date;
  modified: Date;
  version: number;
  /** Hidden from SCIM by a DELETE the SP did not carry out (scim-delete-keeps-login). */
  hidden: boolean;
}

interface GroupRecord {
  id: string;
  connection: string;
  displayName: string;
  externalId: string | undefined;
  /** Account ids. */
  members: string[];
  created: Date;
  modified: Date;
  version: number;
}

/** A SCIM error as scimmy renders it (RFC 7644 §3.12). */
export function scimError(status: number, scimType: string | null, detail: string): SCIMMY.Types.SCIMError {
  return new SCIMMY.Types.Error(status, scimType as string, detail);
}

/**
 * The demo SP's accounts and groups as SCIM resources, per connection. Users are the
 * SP's own accounts (`UserStore`), so a SCIM change is a change to who can log in:
 * deactivation disables the account and ends its sessions, DELETE removes it, group
 * membership sets roles through the connection's `groupRoles`. Each lax switch of the
 * SCIM family turns one of these duties off.
 */
export class ScimDirectory {
  private readonly sp: SpContext;
  private readonly sessions: SessionStore;
  private readonly records = new Map<string, UserRecord>();
  private readonly groups = new Map<string, GroupRecord>();

  constructor(sp: SpContext, sessions: SessionStore) {
    this.sp = sp;
    this.sessions = sessions;
  }

  /** The accounts a connection's SCIM client may see: bound to it, in its org. */
  accounts(connection: string): StoredUser[] {
    const conn = this.sp.connection(connection);
    const org = conn.org ?? this.sp.defaultOrg;
    return this.sp.users
      .all()
      .filter(
        (u) =>
          'connection' in u.auth &&
          u.auth.connection === connection &&
          u.org === org &&
          !this.record(u).hidden,
      );
  }

  /** The account of a SCIM id at a connection, or a 404. */
  account(connection: string, id: string): StoredUser {
    const user = this.accounts(connection).find((u) => u.id === id);
    if (!user) throw scimError(404, null, `no User with id ${id}`);
    return user;
  }

  /** The SCIM User resource of an account (scimmy coerces and filters it on the way out). */
  toResource(connection: string, user: StoredUser): Record<string, unknown> {
    const record = this.record(user);
    return {
      ...record.extra,
      id: user.id,
      ...(user.externalId ? { externalId: user.externalId } : {}),
      userName: record.userName,
      ...(record.name ? { name: record.name } : {}),
      ...(user.displayName ? { displayName: user.displayName } : {}),
      emails: record.emails.length ? record.emails : [{ value: user.email, type: 'work', primary: true }],
      active: this.sp.lax.has('scim-ignore-active') ? record.active : !user.disabled,
      groups: this.groupsOf(connection, user.id).map((g) => ({ value: g.id, display: g.displayName })),
      ...(record.enterprise ? { [enterpriseUrn]: record.enterprise } : {}),
      meta: { created: record.created, lastModified: record.modified, version: etag(record.version) },
    };
  }

  /** POST /Users (`id` undefined) or a replacement (PUT, or the result of a PATCH). */
  writeUser(
    connection: string,
    id: string | undefined,
    instance: Record<string, unknown>,
  ): Record<string, unknown> {
    const conn = this.sp.connection(connection);
    const userName = String(instance.userName ?? '');
    if (!userName) throw scimError(400, 'invalidValue', 'userName is required');
    const taken = this.accounts(connection).find(
      (u) => u.id !== id && this.sameUserName(this.record(u).userName, userName),
    );
    if (taken && !this.sp.lax.has('scim-uniqueness')) {
      throw scimError(409, 'uniqueness', `userName ${userName} is already taken`);
    }
    const emails = Array.isArray(instance.emails) ? (instance.emails as UserRecord['emails']) : [];
    const email =
      (emails.find((e) => e.primary) ?? emails[0])?.value ?? (userName.includes('@') ? userName : undefined);
    if (!email) throw scimError(400, 'invalidValue', 'the user has no email and its userName is not one');
    const active = instance.active === undefined ? undefined : instance.active !== false;
    const now = new Date(this.sp.now());
    let user: StoredUser;
    let previousEmail: string | undefined;
    if (id === undefined) {
      user = this.sp.users.provision(
        {
          email,
          org: conn.org ?? this.sp.defaultOrg,
          roles: [conn.defaultRole ?? 'member'],
          externalId: typeof instance.externalId === 'string' ? instance.externalId : undefined,
          displayName: typeof instance.displayName === 'string' ? instance.displayName : undefined,
          auth: { connection },
        },
        'scim',
      );
      this.records.set(user.id, {
        userName,
        name: undefined,
        emails: [],
        enterprise: undefined,
        extra: {},
        active: true,
        created: now,
        modified: now,
        version: 0,
        hidden: false,
      });
    } else {
      user = this.account(connection, id);
      previousEmail = user.email;
      user.email = email;
      if (typeof instance.externalId === 'string') user.externalId = instance.externalId;
      if (typeof instance.displayName === 'string') user.displayName = instance.displayName;
    }
    const record = this.record(user);
    // An IdP whose NameID is the userName (or email) asserts the new one from now on.
    const link = user.links.get(connection)?.toLowerCase();
    if (
      id !== undefined &&
      (link === record.userName.toLowerCase() || link === previousEmail?.toLowerCase())
    ) {
      user.links.set(connection, userName);
    }
    record.userName = userName;
    record.name = (instance.name as Record<string, string> | undefined) ?? record.name;
    record.emails = emails.length ? emails : record.emails;
    record.enterprise = (instance[enterpriseUrn] as Record<string, unknown> | undefined) ?? record.enterprise;
    record.extra = Object.fromEntries(
      Object.entries(instance).filter(([k]) => !handled.has(k.toLowerCase())),
    );
    record.modified = now;
    record.version++;
    if (active !== undefined) this.setActive(user, record, active);
    this.sp.log(`[demo-sp] SCIM ${id === undefined ? 'created' : 'updated'} ${userName} at ${connection}`);
    return this.toResource(connection, user);
  }

  /** DELETE /Users/<id>: the account goes, and its sessions and memberships with it. */
  deleteUser(connection: string, id: string): void {
    const user = this.account(connection, id);
    const record = this.record(user);
    if (this.sp.lax.has('scim-delete-keeps-login')) {
      record.hidden = true;
      return;
    }
    for (const group of this.groupsOf(connection, user.id))
      group.members = group.members.filter((m) => m !== user.id);
    this.sp.users.remove(user.id);
    this.records.delete(user.id);
    this.endSessions(user);
    this.sp.log(`[demo-sp] SCIM deleted ${user.email} at ${connection}`);
  }

  listGroups(connection: string): GroupRecord[] {
    return [...this.groups.values()].filter((g) => g.connection === connection);
  }

  group(connection: string, id: string): GroupRecord {
    const group = this.groups.get(id);
    if (!group || group.connection !== connection) throw scimError(404, null, `no Group with id ${id}`);
    return group;
  }

  toGroupResource(connection: string, group: GroupRecord): Record<string, unknown> {
    const accounts = new Map(this.accounts(connection).map((u) => [u.id, u]));
    return {
      id: group.id,
      ...(group.externalId ? { externalId: group.externalId } : {}),
      displayName: group.displayName,
      members: group.members
        .filter((m) => accounts.has(m))
        .map((m) => ({ value: m, display: accounts.get(m)!.email, type: 'User' })),
      meta: { created: group.created, lastModified: group.modified, version: etag(group.version) },
    };
  }

  writeGroup(
    connection: string,
    id: string | undefined,
    instance: Record<string, unknown>,
  ): Record<string, unknown> {
    const displayName = String(instance.displayName ?? '');
    if (!displayName) throw scimError(400, 'invalidValue', 'displayName is required');
    const accounts = new Set(this.accounts(connection).map((u) => u.id));
    const members = Array.isArray(instance.members)
      ? (instance.members as Array<{ value?: unknown }>).map((m) => String(m.value ?? ''))
      : [];
    const unknown = members.filter((m) => !accounts.has(m));
    if (unknown.length) throw scimError(400, 'invalidValue', `no User with id ${unknown.join(', ')}`);
    const now = new Date(this.sp.now());
    const group: GroupRecord =
      id === undefined
        ? {
            id: randomUUID(),
            connection,
            displayName,
            externalId: undefined,
            members: [],
            created: now,
            modified: now,
            version: 0,
          }
        : this.group(connection, id);
    const before = new Set(group.members);
    group.displayName = displayName;
    if (typeof instance.externalId === 'string') group.externalId = instance.externalId;
    group.members = [...new Set(members)];
    group.modified = now;
    group.version++;
    this.groups.set(group.id, group);
    this.updateRoles(connection, [...before, ...group.members]);
    return this.toGroupResource(connection, group);
  }

  deleteGroup(connection: string, id: string): void {
    const group = this.group(connection, id);
    this.groups.delete(group.id);
    this.updateRoles(connection, group.members);
  }

  private groupsOf(connection: string, userId: string): GroupRecord[] {
    return this.listGroups(connection).filter((g) => g.members.includes(userId));
  }

  /** Roles follow SCIM groups through the connection's groupRoles (strict). */
  private updateRoles(connection: string, userIds: readonly string[]): void {
    const conn: ConnectionConfig = this.sp.connection(connection);
    if (!conn.groupRoles || this.sp.lax.has('scim-group-roles')) return;
    const accounts = this.accounts(connection);
    for (const id of new Set(userIds)) {
      const user = accounts.find((u) => u.id === id);
      if (user)
        user.roles = rolesFromGroups(
          conn,
          this.groupsOf(connection, id).map((g) => g.displayName),
        );
    }
  }

  private setActive(user: StoredUser, record: UserRecord, active: boolean): void {
    record.active = active;
    if (this.sp.lax.has('scim-ignore-active')) return;
    const was = !user.disabled;
    user.disabled = !active;
    if (was && !active) this.endSessions(user);
  }

  private endSessions(user: StoredUser): void {
    if (this.sp.lax.has('scim-keep-sessions')) return;
    const ended = this.sessions.endWhere((login) => login.userId === user.id);
    if (ended) this.sp.log(`[demo-sp] ended ${ended} session(s) of ${user.email}`);
  }

  private sameUserName(a: string, b: string): boolean {
    return this.sp.lax.has('scim-username-case') ? a === b : a.toLowerCase() === b.toLowerCase();
  }

  /** The SCIM side record of an account; accounts the SP made itself get one on first sight. */
  private record(user: StoredUser): UserRecord {
    let record = this.records.get(user.id);
    if (!record) {
      const now = new Date(this.sp.now());
      record = {
        userName: user.email,
        name: undefined,
        emails: [],
        enterprise: undefined,
        extra: {},
        active: !user.disabled,
        created: now,
        modified: now,
        version: 0,
        hidden: false,
      };
      this.records.set(user.id, record);
    }
    return record;
  }
}

/** A weak entity tag from a version counter (RFC 7644 §3.14). */
export function etag(version: number): string {
  return `W/"${version}"`;
}
