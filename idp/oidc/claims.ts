import type { DirectoryUser } from '../directory/user.ts';
import type { Persona, PersonaContext } from '../personas/types.ts';

/** The OIDC half of a persona. */
export type OidcPersona = NonNullable<Persona['oidc']>;

/** Scopes that release claims, besides `openid` (always granted) and `offline_access`. */
export const claimScopes = ['openid', 'profile', 'email', 'groups'] as const;

/** Claims the protocol owns: a user attribute of these names is not sent. */
const protocolClaims = new Set([
  'sub',
  'iss',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'nonce',
  'azp',
  'at_hash',
  'c_hash',
  's_hash',
  'auth_time',
  'sid',
  'acr',
  'amr',
]);

/** The user's `sub` at this provider: the config's `sub` when set, else the persona's shape. */
export function subjectOf(persona: OidcPersona, user: DirectoryUser, context: PersonaContext): string {
  return user.sub ?? persona.subject(user, context);
}

/**
 * The claims one user gets for the granted scopes: `sub`, the persona's rules whose scope
 * was granted, then the user's own attributes and then claims (sent as they are, with
 * `openid`: an admin-mapped claim goes out whatever the scopes), then the persona's finishing touch
 * (Entra's groups overage).
 */
export function claimSet(
  persona: OidcPersona,
  user: DirectoryUser,
  context: PersonaContext,
  scopes: ReadonlySet<string>,
): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: subjectOf(persona, user, context) };
  for (const rule of persona.claims) {
    if (!scopes.has(rule.scope)) continue;
    const value = rule.value(user, context);
    if (value !== undefined) claims[rule.claim] = value;
  }
  if (scopes.has('openid')) {
    for (const [name, value] of Object.entries({ ...user.attributes, ...user.claims })) {
      if (!protocolClaims.has(name)) claims[name] = value;
    }
  }
  persona.finish?.(claims, user, context);
  return claims;
}

/**
 * The library's `claims` option: which claim each scope releases. The harness filters
 * claims itself (`claimSet`); declaring them lets the library sign the same set, so an
 * id_token is re-signed only when a claim appears that nobody declared (an attribute
 * typed on the login page, a fault's addition).
 */
export function declaredClaims(
  persona: OidcPersona,
  users: readonly DirectoryUser[],
): Record<string, null | string[]> {
  const byScope: Record<string, Set<string>> = Object.fromEntries(
    claimScopes.map((scope) => [scope, new Set<string>(scope === 'openid' ? ['sub'] : [])]),
  );
  for (const rule of persona.claims) byScope[rule.scope]!.add(rule.claim);
  for (const user of users) {
    for (const name of [...Object.keys(user.attributes), ...Object.keys(user.claims)]) {
      if (!protocolClaims.has(name)) byScope.openid!.add(name);
    }
  }
  return {
    acr: null,
    auth_time: null,
    iss: null,
    sid: null,
    ...Object.fromEntries(Object.entries(byScope).map(([scope, names]) => [scope, [...names]])),
  };
}

/** The scopes a space-separated scope string grants. */
export function scopeSet(scope: string | undefined): Set<string> {
  return new Set((scope ?? '').split(' ').filter(Boolean));
}
