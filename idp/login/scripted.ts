import type { Directory } from '../directory/directory.ts';
import { type DirectoryUser, unknownUser } from '../directory/user.ts';

/** What the request and the config say about who logs in, for a login that has no flow. */
export interface ScriptedLoginInput {
  directory: Directory;
  providerId: string;
  /** The provider's `auto`: true (its default user), a user id, or off. */
  providerAuto: boolean | string;
  allowUnknownUsers: boolean;
  /** `user` query parameter of the SSO / authorization URL: a user id or an email. */
  userParam?: string | undefined;
  /** OIDC `login_hint`: a user id or an email. */
  loginHint?: string | undefined;
}

/** Log this user in at once, or show the login page (with a user chosen, or a refusal). */
export type ScriptedLogin =
  | { action: 'login'; user: DirectoryUser; how: string }
  | {
      action: 'page';
      /** Directory user to choose on the page. */
      selected?: string | undefined;
      /** Email to prefill for a user outside the directory. */
      email?: string | undefined;
      refusal?: { status: number; message: string } | undefined;
    };

/**
 * Who logs in when no flow names a user, so a plain login can be scripted:
 *
 * 1. `user=<id or email>` on the SSO / authorization URL logs that user in without a page.
 * 2. Otherwise the user is OIDC's `login_hint`, else the provider's default user: the user
 *    named by the provider's `auto`, else the first user (config order) marked `auto: true`
 *    who may log in there, else, when the provider's `auto` is `true`, its first user who
 *    may log in there (not disabled, not bound to another provider).
 * 3. That user logs in without a page when the provider has `auto` or the user has
 *    `auto: true`; otherwise the login page shows, with that user chosen.
 *
 * A user who may not log in here (unknown, disabled, another provider's) gets the page with
 * why, never a login. Callers skip all this for a request that carries a flow cookie.
 */
export function scriptedLogin(input: ScriptedLoginInput): ScriptedLogin {
  const { directory, providerId } = input;
  const named = input.userParam?.trim() || undefined;
  const hint = input.loginHint?.trim() || undefined;
  const wanted = named ?? hint;
  if (wanted) {
    const user = findUser(directory, wanted, input.allowUnknownUsers);
    if (!user) {
      const refusal = named
        ? { status: 403, message: `${named} (the user parameter) is not a user of this identity provider` }
        : undefined;
      return { action: 'page', email: wanted.includes('@') ? wanted : undefined, refusal };
    }
    const refused = user.unknown ? undefined : directory.refusal(user, providerId);
    if (refused)
      return { action: 'page', selected: user.id, refusal: { status: 403, message: refused.message } };
    if (named) return { action: 'login', user, how: 'named by the user parameter' };
    if (user.auto || input.providerAuto) return { action: 'login', user, how: 'login_hint, auto' };
    return {
      action: 'page',
      selected: user.unknown ? undefined : user.id,
      email: user.unknown ? user.email : undefined,
    };
  }
  const user = defaultUser(directory, providerId, input.providerAuto);
  if (!user) return { action: 'page' };
  if (user.auto || input.providerAuto) return { action: 'login', user, how: 'auto' };
  return { action: 'page' };
}

function findUser(directory: Directory, wanted: string, allowUnknown: boolean): DirectoryUser | undefined {
  const user = directory.get(wanted) ?? directory.findByEmail(wanted);
  if (user) return user;
  return allowUnknown && /^[^@\s]+@[^@\s]+$/.test(wanted) ? unknownUser(wanted) : undefined;
}

/** The provider's default user (see {@link scriptedLogin}), or undefined when it has none. */
export function defaultUser(
  directory: Directory,
  providerId: string,
  providerAuto: boolean | string,
): DirectoryUser | undefined {
  if (typeof providerAuto === 'string') return directory.get(providerAuto);
  const allowed = directory.usersFor(providerId).filter((u) => !u.disabled);
  return allowed.find((u) => u.auto) ?? (providerAuto ? allowed[0] : undefined);
}
