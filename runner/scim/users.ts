import { randomBytes } from 'node:crypto';
import type { DirectoryUser } from '../../idp/directory/user.ts';

/**
 * A fresh user for one scenario run, shaped like the connection's directory user (same
 * email domain, so the SP's domain rules hold) but never seen by the SP before: every run
 * provisions its own people, so runs do not step on each other or on a real SP's users.
 */
export function freshUser(template: DirectoryUser, role: string, run: string): DirectoryUser {
  const [local = 'user', domain = 'example.com'] = template.email.split('@');
  const email = `${local}.${role}.${run}@${domain}`;
  const givenName = template.givenName ?? local;
  const familyName = `Scim ${role}`;
  return {
    id: `scim-${run}-${role}`,
    email,
    nameId: email,
    externalId: `E-${run}-${role}`,
    givenName,
    familyName,
    displayName: `${givenName} ${familyName}`,
    groups: [],
    roles: [],
    attributes: {},
    providers: undefined,
    disabled: false,
    emailVerified: true,
    unknown: true,
    sub: undefined,
    claims: {},
    auto: false,
  };
}

/** The same person after a profile change at the IdP: a new email and surname. */
export function renamedUser(user: DirectoryUser): DirectoryUser {
  const [local = 'user', domain = 'example.com'] = user.email.split('@');
  const email = `${local}.renamed@${domain}`;
  const familyName = `${user.familyName ?? 'User'} Renamed`;
  return {
    ...user,
    email,
    nameId: email,
    familyName,
    displayName: `${user.givenName ?? ''} ${familyName}`.trim(),
  };
}

/** A short random token that keeps one run's names apart from every other run's. */
export function runToken(): string {
  return randomBytes(4).toString('hex');
}
