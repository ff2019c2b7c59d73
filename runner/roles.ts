import { randomBytes } from 'node:crypto';
import type { Config, ConnectionConfig, TargetConfig } from '../config/schema.ts';
import type { Directory } from '../idp/directory/directory.ts';
import { type DirectoryUser, unknownUser } from '../idp/directory/user.ts';
import type { RoleName } from '../scenarios/schema.ts';
import { type TemplateValues, userTemplateValues } from '../scenarios/templates.ts';
import { renderUserTemplate } from './identity.ts';

/**
 * Who plays each role of the catalog on one connection of one target. Built from the
 * user's own config: the catalog never names a config's users or connections.
 */
export interface Cast {
  connectionName: string;
  connection: ConnectionConfig;
  subject: DirectoryUser;
  /** Another account the SP knows: `targets.<t>.roles.victim`, or the provider's next user. */
  victim: DirectoryUser | undefined;
  /** Known to the IdP only: made up afresh for each job, so no run leaves it behind for the next. */
  stranger: DirectoryUser;
  /** Another connection of the same protocol on the same target, and its subject. */
  otherConnection: string | undefined;
  otherSubject: DirectoryUser | undefined;
}

/** A cast, or why this target cannot play a role the scenario needs (a skip reason). */
export type CastResult = { cast: Cast } | { missing: string };

/**
 * Casts the roles for one connection. `needed` limits the roles that must be found;
 * a missing one is reported with the config that would provide it.
 */
export function castRoles(input: {
  targetId: string;
  target: TargetConfig;
  connectionName: string;
  config: Pick<Config, 'providers'>;
  directory: Directory;
  needed: { roles: ReadonlySet<RoleName>; otherConnection: boolean };
}): CastResult {
  const { targetId, target, connectionName, config, directory, needed } = input;
  const connection = target.connections[connectionName]!;
  const where = `targets.${targetId}.connections.${connectionName}`;
  const subject = subjectOf(connection, directory);
  if (!subject) {
    return {
      missing: `no user may log in through provider "${connection.provider}" (add one to users, or set ${where}.user)`,
    };
  }
  const victim = victimFor(target, connection, subject, directory);
  if (needed.roles.has('victim') && !victim) {
    return {
      missing: `it needs a victim: a second account the SP knows (set targets.${targetId}.roles.victim, or add a second user that may log in through provider "${connection.provider}")`,
    };
  }
  const protocol = config.providers[connection.provider]?.protocol;
  const other = Object.entries(target.connections).find(
    ([name, c]) =>
      name !== connectionName &&
      Object.hasOwn(config.providers, c.provider) &&
      config.providers[c.provider]!.protocol === protocol &&
      !config.providers[c.provider]!.disabled &&
      !c.tags.includes('disabled'),
  );
  if ((needed.otherConnection || needed.roles.has('other-subject')) && !other) {
    return {
      missing: `it needs a second ${protocol?.toUpperCase() ?? ''} connection on target "${targetId}" (add one to targets.${targetId}.connections)`,
    };
  }
  const otherSubject = other ? subjectOf(other[1], directory) : undefined;
  if (needed.roles.has('other-subject') && !otherSubject) {
    return {
      missing: `no user may log in through provider "${other![1].provider}" of connection "${other![0]}"`,
    };
  }
  return {
    cast: {
      connectionName,
      connection,
      subject,
      victim,
      stranger: makeStranger(subject),
      otherConnection: other?.[0],
      otherSubject,
    },
  };
}

/** The user a role names in this cast. */
export function castUser(cast: Cast, role: RoleName): DirectoryUser | undefined {
  switch (role) {
    case 'subject':
      return cast.subject;
    case 'victim':
      return cast.victim;
    case 'stranger':
      return cast.stranger;
    case 'other-subject':
      return cast.otherSubject;
  }
}

/**
 * The values of the scenario placeholders ({{victim.email}}, {{otherConnection}},
 * {{target.clockSkewSeconds}}, ...) for this cast on a target declaring `clockSkewSeconds` (seconds).
 */
export function castTemplateValues(cast: Cast, clockSkewSeconds: number): TemplateValues {
  const entries: [string, string][] = [
    ['connection', cast.connectionName],
    ['target.clockSkewSeconds', String(clockSkewSeconds)],
  ];
  if (cast.otherConnection) entries.push(['otherConnection', cast.otherConnection]);
  const users: [string, DirectoryUser | undefined][] = [
    ['subject', cast.subject],
    ['victim', cast.victim],
    ['stranger', cast.stranger],
    ['otherSubject', cast.otherSubject],
  ];
  for (const [name, user] of users) if (user) entries.push(...userTemplateValues(name, user));
  return new Map(entries);
}

/**
 * The text the SP's probe shows for `user` logged in through `connection`: the probe's
 * identity template rendered for the user, with the connection's `accountEmail` (an SP
 * that maps the user to another account, e.g. a sandbox organisation) in place of the email.
 */
export function shownIdentity(template: string, user: DirectoryUser, connection: ConnectionConfig): string {
  const account = connection.accountEmail
    ? { ...user, email: renderUserTemplate(connection.accountEmail, user) }
    : user;
  return renderUserTemplate(template, account);
}

function subjectOf(connection: ConnectionConfig, directory: Directory): DirectoryUser | undefined {
  if (connection.user) return directory.get(connection.user);
  return directory.usersFor(connection.provider).find((u) => !u.disabled);
}

function victimFor(
  target: TargetConfig,
  connection: ConnectionConfig,
  subject: DirectoryUser,
  directory: Directory,
): DirectoryUser | undefined {
  if (target.roles.victim) return directory.get(target.roles.victim);
  return directory
    .usersFor(connection.provider)
    .find((u) => u.id !== subject.id && !u.disabled && u.email.toLowerCase() !== subject.email.toLowerCase());
}

function makeStranger(subject: DirectoryUser): DirectoryUser {
  const domain = subject.email.slice(subject.email.lastIndexOf('@') + 1) || 'example.com';
  const tag = randomBytes(4).toString('hex');
  // An opaque NameID, as IdPs with persistent identifiers send: the email and the
  // subject must not be the same text, or a page that shows one seems to show the other.
  return unknownUser(`stranger-${tag}@${domain}`, {
    nameId: `S-${tag.toUpperCase()}`,
    givenName: 'Stranger',
    familyName: tag,
    displayName: `Stranger ${tag}`,
  });
}
