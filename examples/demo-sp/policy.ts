import type { ConnectionConfig, MatchKey } from './config.ts';
import type { SpContext } from './context.ts';
import { LoginRefused } from './errors.ts';
import { hiddenFromLogin, provisionedAccount } from './scim/login-link.ts';
import type { StoredUser } from './users.ts';

/** Who an IdP says logged in, after the protocol checks passed. */
export interface AssertedIdentity {
  connection: string;
  /** NameID (SAML) or sub (OIDC). */
  subject: string;
  nameId?: string | undefined;
  oid?: string | undefined;
  externalId?: string | undefined;
  email: string | undefined;
  /** Whether the email may be used to find or link an account. */
  emailTrusted: boolean;
  groups: string[];
}

/** The login the session records. */
export interface LoginResult {
  user: StoredUser;
  connection: string;
  nameId: string | null;
}

/**
 * The account rules that apply after the protocol said who logged in, in order:
 * connection enabled, email domain, find (or provision) the account, account enabled,
 * the account's own connection, roles from groups.
 */
export function resolveUser(sp: SpContext, id: AssertedIdentity): LoginResult {
  const conn = sp.connection(id.connection);
  const refuse = (reason: ConstructorParameters<typeof LoginRefused>[0], message: string) =>
    new LoginRefused(reason, message, { connection: id.connection });

  if (conn.disabled && !sp.lax.has('disabled-connection')) {
    throw refuse(
      'disabled-connection',
      `the connection "${conn.displayName}" is disabled; nobody can log in through it`,
    );
  }
  if (conn.emailDomains && id.email && !sp.lax.has('email-domain')) {
    const domain = id.email.split('@')[1]?.toLowerCase() ?? '';
    if (!conn.emailDomains.map((d) => d.toLowerCase()).includes(domain)) {
      throw refuse(
        'email-domain',
        `${id.email} is outside the domains of "${conn.displayName}" (${conn.emailDomains.join(', ')})`,
      );
    }
  }

  const org = conn.org ?? sp.defaultOrg;
  const email = id.email ? mapEmail(id.email, conn) : undefined;
  let user = findUser(sp, conn, id, email, org);

  if (!user) {
    if (!conn.jit && !sp.lax.has('jit')) {
      throw refuse(
        'jit',
        `${email ?? id.subject} has no account here and "${conn.displayName}" is invite-only; ask an administrator for an invitation`,
      );
    }
    if (!email) throw refuse('email-missing', 'the IdP sent no email, so no account can be created');
    user = sp.users.provision({
      email,
      org,
      roles: [conn.defaultRole ?? 'member'],
      externalId: id.externalId,
      displayName: undefined,
      auth: { connection: id.connection },
    });
    user.links.set(id.connection, id.subject);
  }

  if (user.disabled) throw refuse('user-disabled', `the account ${user.email} is disabled`);
  if (!sp.lax.has('connection-binding')) {
    if ('password' in user.auth) {
      throw refuse(
        'connection-binding',
        `${user.email} signs in with a password${user.breakGlass ? ' (break-glass administrator)' : ''}, never through SSO`,
      );
    }
    if (user.auth.connection !== id.connection) {
      const bound = sp.config.connections[user.auth.connection]?.displayName ?? user.auth.connection;
      throw refuse(
        'connection-binding',
        `${user.email} must sign in through "${bound}", not "${conn.displayName}"`,
      );
    }
  }
  if (conn.groupRoles) user.roles = rolesFromGroups(conn, id.groups);
  return { user, connection: id.connection, nameId: id.nameId ?? id.subject };
}

function findUser(
  sp: SpContext,
  conn: ConnectionConfig,
  id: AssertedIdentity,
  email: string | undefined,
  org: string,
): StoredUser | undefined {
  if (sp.lax.has('match-by-email')) return email ? sp.users.byEmail(email, org) : undefined;

  const matchBy: MatchKey = conn.matchBy ?? (conn.protocol === 'saml' ? 'nameId' : 'sub');
  const value = matchValue(matchBy, id);
  if (matchBy === 'externalId') {
    const byExternal = value ? sp.users.byExternalId(value, org) : undefined;
    if (byExternal) return byExternal;
  } else if (value) {
    const linked = sp.users.bySubject(id.connection, value);
    if (linked) return linked;
  }

  const linkable = matchBy !== 'externalId' && matchBy !== 'email' ? value : undefined;
  const provisioned = provisionedAccount(sp, id, email, org, linkable);
  if (provisioned) return provisioned;

  // Not linked yet: link an existing account only through an email the IdP vouches for.
  const candidate = email ? sp.users.byEmail(email, org) : undefined;
  if (!candidate || hiddenFromLogin(sp, candidate, id.connection)) return undefined;
  if (!id.emailTrusted) {
    throw new LoginRefused(
      'identity-conflict',
      `an account ${candidate.email} exists, but this IdP's email is not verified, so it cannot be linked to it`,
      { connection: id.connection },
    );
  }
  const linked = candidate.links.get(id.connection);
  if (linked !== undefined && linked !== value) {
    throw new LoginRefused(
      'identity-conflict',
      `${candidate.email} is linked to another identity at this connection; a new identity with the same email does not take it over`,
      { connection: id.connection },
    );
  }
  if (matchBy === 'externalId' && candidate.externalId && candidate.externalId !== value) {
    throw new LoginRefused(
      'identity-conflict',
      `${candidate.email} has external ID ${candidate.externalId}, not ${value ?? '(none)'}`,
      { connection: id.connection },
    );
  }
  if (value && matchBy !== 'externalId' && matchBy !== 'email') candidate.links.set(id.connection, value);
  return candidate;
}

function matchValue(matchBy: MatchKey, id: AssertedIdentity): string | undefined {
  switch (matchBy) {
    case 'nameId':
      return id.nameId ?? id.subject;
    case 'sub':
      return id.subject;
    case 'oid':
      return id.oid;
    case 'externalId':
      return id.externalId;
    case 'email':
      return id.email;
  }
}

/** The sandbox connection maps the asserted a@b to the sandbox account a+sandbox@b. */
export function mapEmail(email: string, conn: ConnectionConfig): string {
  if (!conn.emailPlusTag) return email;
  const [local, domain] = email.split('@');
  if (!local || !domain || local.includes('+')) return email;
  return `${local}+${conn.emailPlusTag}@${domain}`;
}

export function rolesFromGroups(conn: ConnectionConfig, groups: readonly string[]): string[] {
  const mapped = new Set<string>();
  for (const group of groups) {
    const role = conn.groupRoles?.[group];
    if (role) mapped.add(role);
  }
  return mapped.size > 0 ? [...mapped] : [conn.defaultRole ?? 'member'];
}
