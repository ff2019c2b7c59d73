import {
  compactVerify,
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  type JSONWebKeySet,
} from 'jose';
import type { SpContext } from '../context.ts';
import { LoginRefused } from '../errors.ts';
import type { LaxName } from '../lax.ts';
import type { SessionLogin, SessionStore } from '../session.ts';
import type { OidcProviders, OidcSettings } from './provider.ts';

/** The member of `events` that makes a JWT a logout token (Back-Channel Logout 1.0 §2.4). */
const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
const ACCEPTED_ALGS = ['RS256', 'ES256'];

/** What the logout token checks read. */
interface LogoutTokenEvidence {
  settings: OidcSettings;
  token: string;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  now: number;
  skewSeconds: number;
  keys(refresh: boolean): Promise<JSONWebKeySet>;
  lax: ReadonlySet<LaxName>;
}

interface LogoutTokenCheck {
  lax: LaxName;
  run(e: LogoutTokenEvidence): string | undefined | Promise<string | undefined>;
}

/** The validation of §2.6, one check per lax switch, in order. */
const logoutTokenChecks: LogoutTokenCheck[] = [
  {
    lax: 'logout-token-alg-none',
    run: (e) => (e.header.alg === 'none' ? 'the logout token is unsigned (alg "none")' : undefined),
  },
  {
    lax: 'logout-token-signature',
    run: async (e) => {
      const alg = e.header.alg;
      if (alg === 'none' && e.lax.has('logout-token-alg-none')) return undefined;
      if (typeof alg !== 'string' || !ACCEPTED_ALGS.includes(alg)) {
        return `the logout token algorithm ${String(alg)} is not accepted (accepted: ${ACCEPTED_ALGS.join(', ')})`;
      }
      for (const refresh of [false, true]) {
        try {
          await compactVerify(e.token, createLocalJWKSet(await e.keys(refresh)), { algorithms: [alg] });
          return undefined;
        } catch (error) {
          if (error instanceof errors.JWKSNoMatchingKey && !refresh) continue;
          return `the logout token signature does not verify (${error instanceof Error ? error.message : String(error)})`;
        }
      }
      return 'the logout token signature does not verify';
    },
  },
  {
    lax: 'logout-token-issuer',
    run: (e) =>
      e.claims.iss === e.settings.config.issuer
        ? undefined
        : `the logout token issuer is ${String(e.claims.iss)}, not ${e.settings.config.issuer}`,
  },
  {
    lax: 'logout-token-audience',
    run: (e) => {
      const list = Array.isArray(e.claims.aud) ? e.claims.aud : [e.claims.aud];
      return list.includes(e.settings.config.clientId)
        ? undefined
        : `the logout token is for ${list.map(String).join(', ')}, not for this client (${e.settings.config.clientId})`;
    },
  },
  {
    lax: 'logout-token-claims',
    run: (e) => {
      if (typeof e.claims.iat !== 'number') return 'the logout token has no iat';
      if (typeof e.claims.jti !== 'string' || !e.claims.jti) return 'the logout token has no jti';
      return undefined;
    },
  },
  {
    lax: 'logout-token-expired',
    run: (e) => {
      const exp = e.claims.exp;
      if (typeof exp !== 'number') return 'the logout token has no exp';
      if (exp <= e.now / 1000 - e.skewSeconds)
        return `the logout token expired at ${new Date(exp * 1000).toISOString()}`;
      return undefined;
    },
  },
  {
    lax: 'logout-token-events',
    run: (e) => {
      const events = e.claims.events;
      const member =
        events && typeof events === 'object' ? (events as Record<string, unknown>)[LOGOUT_EVENT] : undefined;
      if (member && typeof member === 'object' && !Array.isArray(member)) return undefined;
      return `the logout token's events claim has no ${LOGOUT_EVENT} object (this JWT is not a logout token)`;
    },
  },
  {
    lax: 'logout-token-nonce',
    run: (e) =>
      e.claims.nonce === undefined
        ? undefined
        : 'the logout token carries a nonce, which §2.4 prohibits (an id_token passed off as a logout token)',
  },
  {
    lax: 'logout-token-subject',
    run: (e) =>
      typeof e.claims.sid === 'string' || typeof e.claims.sub === 'string'
        ? undefined
        : 'the logout token names neither sid nor sub',
  },
];

/**
 * The back-channel logout endpoint (`/oidc/<connection>/backchannel-logout`, OIDC
 * Back-Channel Logout 1.0 §2.5–2.8): validates the logout token and ends the session of
 * its `sid` (or every session of its `sub`) at this connection. Returns how many sessions
 * ended; throws a 400 refusal (reason = the check's lax switch) for a bad token.
 */
export async function acceptLogoutToken(
  sp: SpContext,
  providers: OidcProviders,
  settings: OidcSettings,
  sessions: SessionStore,
  token: string | undefined,
): Promise<number> {
  const connection = settings.connection;
  const refuse = (reason: ConstructorParameters<typeof LoginRefused>[0], message: string) =>
    new LoginRefused(reason, message, { status: 400, connection });
  if (!token) throw refuse('response-invalid', 'the request has no logout_token');
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
    claims = decodeJwt(token) as Record<string, unknown>;
  } catch (error) {
    throw refuse('response-invalid', `the logout token is not a JWT: ${String(error)}`);
  }
  const meta = await providers.metadata(settings);
  const evidence: LogoutTokenEvidence = {
    settings,
    token,
    header,
    claims,
    now: sp.now(),
    skewSeconds: sp.skewSeconds,
    keys: (refresh) => providers.keys(settings, meta, refresh),
    lax: sp.lax,
  };
  for (const check of logoutTokenChecks) {
    if (sp.lax.has(check.lax)) continue;
    const failure = await check.run(evidence);
    if (failure) throw refuse(check.lax, failure);
  }
  if (sp.lax.has('backchannel-logout-ignored')) return 0;
  const sid = typeof claims.sid === 'string' ? claims.sid : undefined;
  const sub = typeof claims.sub === 'string' ? claims.sub : undefined;
  // Lax (logout-token-subject): a token that names nobody ends every session of the connection.
  const matches = (login: SessionLogin) =>
    login.connection === connection &&
    (sid === undefined || login.oidcSid === sid) &&
    (sub === undefined || login.oidcSub === sub);
  return sessions.endWhere(matches);
}
