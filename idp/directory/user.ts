import type { UserConfig } from '../../config/schema.ts';

/** A user as the IdP sends it: from the config directory, or typed in at the login page. */
export interface DirectoryUser {
  /** Key in the config's `users`, or `unknown:<email>` for a user typed in at the login page. */
  id: string;
  email: string;
  nameId: string;
  externalId: string | undefined;
  givenName: string | undefined;
  familyName: string | undefined;
  displayName: string;
  groups: string[];
  roles: string[];
  attributes: Record<string, string | string[]>;
  /** OIDC `sub` set in the config; undefined: the persona makes one. */
  sub: string | undefined;
  /** OIDC claims set in the config, any JSON value. */
  claims: Record<string, unknown>;
  /** Logs in without the login page when no flow names a user (config `auto`). */
  auto: boolean;
  /** Providers the user may log in through; undefined means all. */
  providers: string[] | undefined;
  disabled: boolean;
  emailVerified: boolean;
  /** True when the user is not in the directory (typed in, or a scenario's made-up user). */
  unknown: boolean;
}

export function userFromConfig(id: string, user: UserConfig): DirectoryUser {
  return {
    id,
    email: user.email,
    nameId: user.nameId ?? user.email,
    externalId: user.externalId,
    givenName: user.givenName,
    familyName: user.familyName,
    displayName:
      user.displayName ?? ([user.givenName, user.familyName].filter(Boolean).join(' ') || user.email),
    groups: [...user.groups],
    roles: [...user.roles],
    attributes: { ...user.attributes },
    sub: user.sub,
    claims: { ...user.claims },
    auto: user.auto,
    providers: user.providers ? [...user.providers] : undefined,
    disabled: user.disabled,
    emailVerified: user.emailVerified,
    unknown: false,
  };
}

/** A user that is not in the directory, known only by an email. */
export function unknownUser(email: string, extra: Partial<DirectoryUser> = {}): DirectoryUser {
  const local = email.split('@')[0] ?? email;
  return {
    id: `unknown:${email.toLowerCase()}`,
    email,
    nameId: email,
    externalId: undefined,
    givenName: undefined,
    familyName: undefined,
    displayName: local,
    groups: [],
    roles: [],
    attributes: {},
    sub: undefined,
    claims: {},
    auto: false,
    providers: undefined,
    disabled: false,
    emailVerified: true,
    unknown: true,
    ...extra,
  };
}
