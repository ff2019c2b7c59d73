/**
 * The endpoints of one OIDC provider, relative to its issuer. The library routes the
 * same paths (they are passed to it as `routes`); this table lets the harness know
 * which endpoint a request is for before the library runs, to find its flow and apply
 * the `endpoint` stage.
 */
export const oidcRoutePaths = {
  authorization: '/authorize',
  token: '/token',
  userinfo: '/userinfo',
  jwks: '/jwks',
  end_session: '/logout',
  revocation: '/revoke',
  introspection: '/introspect',
  pushed_authorization_request: '/par',
} as const;

export type OidcRoute =
  | keyof typeof oidcRoutePaths
  | 'discovery'
  | 'resume'
  | 'interaction'
  | 'end_session_confirm'
  | 'end_session_success'
  | 'untrusted_jwks'
  | 'untrusted_certificate';

/** Where the shared login page of an interaction is served. */
export const interactionPath = (uid: string) => `/interaction/${encodeURIComponent(uid)}`;

const patterns: Array<[OidcRoute, RegExp]> = [
  ['discovery', /^\/\.well-known\/(openid-configuration|oauth-authorization-server)$/],
  ['authorization', /^\/authorize$/],
  ['resume', /^\/authorize\/[^/]+$/],
  ['token', /^\/token$/],
  ['userinfo', /^\/userinfo$/],
  ['jwks', /^\/jwks$/],
  ['end_session', /^\/logout$/],
  ['end_session_confirm', /^\/logout\/confirm$/],
  ['end_session_success', /^\/logout\/success$/],
  ['revocation', /^\/revoke$/],
  ['introspection', /^\/introspect$/],
  ['pushed_authorization_request', /^\/par$/],
  ['interaction', /^\/interaction\/[^/]+$/],
  ['untrusted_jwks', /^\/untrusted-keys\/jwks$/],
  ['untrusted_certificate', /^\/untrusted-keys\/certificate\.pem$/],
];

/** The endpoint a path (relative to the issuer) names, if any. */
export function routeOf(path: string): OidcRoute | undefined {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return patterns.find(([, pattern]) => pattern.test(trimmed))?.[0];
}

/** `<issuer>/.well-known/openid-configuration`, as an RP builds it. */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
}
