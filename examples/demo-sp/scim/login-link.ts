import type { SpContext } from '../context.ts';
import type { AssertedIdentity } from '../policy.ts';
import type { StoredUser } from '../users.ts';

/**
 * The first SSO login of an account the IdP provisioned over SCIM: it lands in that
 * account (and links the asserted subject to it), found by what the IdP's provisioning
 * said about the user: its externalId (Entra's objectId is the `oid` claim), userName or
 * email. The provisioning channel is authenticated, so here an email may link an account
 * even from an IdP whose login emails are not trusted.
 *
 * Under the `scim-duplicate-on-login` lax switch the provisioned account is invisible to
 * the login, so JIT makes a second account (or an invite-only connection refuses).
 */
export function provisionedAccount(
  sp: SpContext,
  id: AssertedIdentity,
  email: string | undefined,
  org: string,
  /** The subject the connection matches by (NameID, sub, oid), to link; undefined links nothing. */
  link: string | undefined,
): StoredUser | undefined {
  if (sp.lax.has('scim-duplicate-on-login')) return undefined;
  const lower = (s: string | undefined) => s?.trim().toLowerCase();
  const keys = new Set([id.oid, id.externalId, id.subject].filter((v): v is string => Boolean(v)));
  const found = sp.users
    .all()
    .find(
      (u) =>
        u.provisioned === 'scim' &&
        u.org === org &&
        'connection' in u.auth &&
        u.auth.connection === id.connection &&
        !u.links.has(id.connection) &&
        ((u.externalId !== undefined && keys.has(u.externalId)) ||
          (email !== undefined && lower(u.email) === lower(email))),
    );
  if (found && link) found.links.set(id.connection, link);
  return found;
}

/** Whether an account must be skipped by the email fallback (the lax switch above). */
export function hiddenFromLogin(sp: SpContext, user: StoredUser, connection: string): boolean {
  return sp.lax.has('scim-duplicate-on-login') && user.provisioned === 'scim' && !user.links.has(connection);
}
