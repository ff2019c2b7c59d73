import type { Context } from 'koa';
import { BoundedStore } from './bounded-store.ts';
import type { NameIdModel } from './response/stages.ts';

/** One SP the browser logged into through this IdP. */
export interface SessionParticipant {
  spName: string;
  entityId: string;
  nameId: NameIdModel;
  sessionIndex: string | undefined;
  loggedInAt: string;
}

/** What the IdP remembers of one browser: who it is and where it logged in (for single logout). */
export interface IdpSession {
  id: string;
  userEmail: string;
  participants: SessionParticipant[];
}

/**
 * The per-browser IdP sessions of one provider, in memory, in a cookie named after the
 * provider (`sso_harness_saml_<id>`), so two providers on one host keep apart.
 */
export class SessionStore {
  readonly cookieName: string;
  private readonly sessions: BoundedStore<IdpSession>;
  private readonly path: string;

  constructor(options: { providerId: string; path: string; ttlSeconds: number; limit?: number }) {
    this.cookieName = `sso_harness_saml_${options.providerId}`;
    this.path = options.path;
    this.sessions = new BoundedStore({ limit: options.limit ?? 5000, ttlMs: options.ttlSeconds * 1000 });
  }

  current(ctx: Context): IdpSession | undefined {
    return this.sessions.get(ctx.cookies.get(this.cookieName));
  }

  /**
   * The session an SP's LogoutRequest names by SessionIndex (or NameID), for when the
   * browser's cookie did not come along (a cross-site POST does not carry a SameSite=Lax cookie).
   */
  findByParticipant(
    spName: string,
    sessionIndexes: string[],
    nameId: string | undefined,
  ): IdpSession | undefined {
    for (const session of this.sessions.values()) {
      const match = session.participants.some(
        (p) =>
          p.spName === spName &&
          (sessionIndexes.length > 0
            ? p.sessionIndex !== undefined && sessionIndexes.includes(p.sessionIndex)
            : p.nameId.value === nameId),
      );
      if (match) return session;
    }
    return undefined;
  }

  /** Records a login into an SP, starting a session when the browser has none (or another user's). */
  join(ctx: Context, userEmail: string, participant: SessionParticipant): IdpSession {
    let session = this.current(ctx);
    if (!session || session.userEmail !== userEmail) {
      session = { id: '', userEmail, participants: [] };
      session.id = this.sessions.add(session);
      ctx.cookies.set(this.cookieName, session.id, {
        httpOnly: true,
        sameSite: 'lax',
        path: this.path,
        overwrite: true,
      });
    } else {
      this.sessions.touch(session.id);
    }
    session.participants = [
      ...session.participants.filter((p) => p.spName !== participant.spName),
      participant,
    ];
    return session;
  }

  /** Forgets one SP of the session; the session ends with its last SP. */
  leave(ctx: Context, session: IdpSession, spName: string): void {
    session.participants = session.participants.filter((p) => p.spName !== spName);
    if (session.participants.length === 0) this.end(ctx, session);
  }

  end(ctx: Context, session: IdpSession): void {
    this.sessions.delete(session.id);
    ctx.cookies.set(this.cookieName, null, { path: this.path });
  }
}
