import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import type { OidcRefresh } from './oidc/refresh.ts';

export const SESSION_COOKIE = 'demo_sp_session';

/** The logged-in part of a session. */
export interface SessionLogin {
  userId: string;
  connection: string | null;
  protocol: 'saml' | 'oidc' | 'password';
  nameId: string | null;
  nameIdFormat?: string | undefined;
  sessionIndex?: string | undefined;
  idToken?: string | undefined;
  /** OIDC with a refresh token: refreshed when the access token has expired. */
  oidcRefresh?: OidcRefresh | undefined;
  /** OIDC: the id_token's sub and sid, which a back-channel logout token names. */
  oidcSub?: string | undefined;
  oidcSid?: string | undefined;
  /** From SessionNotOnOrAfter: the session ends here (ms). */
  expiresAt?: number | undefined;
}

/** An OIDC login this session started and has not finished. */
export interface PendingOidc {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  startedAt: number;
}

export interface Session {
  id: string;
  login: SessionLogin | undefined;
  pendingOidc: Map<string, PendingOidc>;
  /** IDs of the AuthnRequests this session sent (lax `saml-request-in-session` only). */
  samlRequests?: Set<string>;
}

/**
 * Sessions kept at most: a demo SP under a long run (soak, CI) drops its oldest sessions
 * rather than grow without bound, as a real SP's session store expires them.
 */
export const maxSessions = 5_000;

/** In-memory sessions behind an HttpOnly cookie; a login always gets a fresh id. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  get(ctx: Context, now: number): Session | undefined {
    const id = ctx.cookies.get(SESSION_COOKIE);
    const session = id ? this.sessions.get(id) : undefined;
    if (session?.login?.expiresAt !== undefined && session.login.expiresAt <= now) session.login = undefined;
    return session;
  }

  /** The request's session, creating one (and its cookie) when there is none. */
  ensure(ctx: Context, now: number): Session {
    return this.get(ctx, now) ?? this.create(ctx);
  }

  /** Starts a new session (new id, so a fixated id never gets a login) carrying the given login. */
  login(ctx: Context, login: SessionLogin): Session {
    const old = ctx.cookies.get(SESSION_COOKIE);
    if (old) this.sessions.delete(old);
    const session = this.create(ctx);
    session.login = login;
    return session;
  }

  destroy(ctx: Context): Session | undefined {
    const id = ctx.cookies.get(SESSION_COOKIE);
    const session = id ? this.sessions.get(id) : undefined;
    if (id) this.sessions.delete(id);
    ctx.cookies.set(SESSION_COOKIE, null);
    return session;
  }

  /** Ends every session of a user at a connection (SAML single logout from the IdP). */
  endWhere(match: (login: SessionLogin) => boolean): number {
    let ended = 0;
    for (const [id, session] of this.sessions) {
      if (session.login && match(session.login)) {
        this.sessions.delete(id);
        ended++;
      }
    }
    return ended;
  }

  private create(ctx: Context): Session {
    const session: Session = {
      id: randomBytes(24).toString('base64url'),
      login: undefined,
      pendingOidc: new Map(),
    };
    this.sessions.set(session.id, session);
    // A Map iterates in insertion order: the first key is the oldest session.
    if (this.sessions.size > maxSessions) this.sessions.delete(this.sessions.keys().next().value!);
    ctx.cookies.set(SESSION_COOKIE, session.id, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      overwrite: true,
    });
    return session;
  }
}
