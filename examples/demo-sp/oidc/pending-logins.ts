import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import type { PendingOidc, Session } from '../session.ts';

const TTL_MS = 10 * 60_000;

/** The correlation cookie of one connection's logins. */
export const correlationCookie = (connection: string) =>
  `demo_sp_oidc_${connection.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/**
 * OIDC logins this SP started and has not finished, bound to the browser that started
 * them. The binding is a correlation cookie of its own, `SameSite=None; Secure`, scoped
 * to the redirect URI, as ASP.NET Core's OpenID Connect handler does with its
 * `.AspNetCore.Correlation.*` and nonce cookies (it uses form_post by default): the
 * session cookie is `SameSite=Lax`, and a browser does not send it with the IdP's
 * cross-site POST (response_mode=form_post), so a login kept only in the session is
 * lost there. Browsers keep `Secure` cookies only from https or loopback http, so off
 * loopback over plain http the cookie falls back to Lax (and form_post fails across sites).
 *
 * Lax switches: `oidc-state-in-session` keeps the login in the session only (the bug this
 * class fixes); `state-any-browser` finds a login by its state alone, from any browser
 * (login CSRF: an attacker's authorization response posted from a victim's browser).
 */
export class PendingLogins {
  private readonly byId = new Map<string, PendingOidc & { connection: string }>();
  private readonly options: { inSession: boolean; anyBrowser: boolean; now: () => number };

  constructor(options: { inSession: boolean; anyBrowser: boolean; now: () => number }) {
    this.options = options;
  }

  /** Keeps a new login for this browser: in its correlation cookie, or (lax) in the session. */
  start(ctx: Context, session: Session, connection: string, redirectUri: string, pending: PendingOidc): void {
    if (this.options.inSession) {
      session.pendingOidc.set(connection, pending);
      return;
    }
    this.sweep();
    const id = randomBytes(24).toString('base64url');
    this.byId.set(id, { ...pending, connection });
    const secure = ctx.secure || isLoopback(ctx.hostname);
    // Koa's cookie writer refuses Secure on plain http; loopback http is a secure context.
    if (secure) ctx.cookies.secure = true;
    ctx.cookies.set(correlationCookie(connection), id, {
      httpOnly: true,
      secure,
      sameSite: secure ? 'none' : 'lax',
      path: new URL(redirectUri).pathname,
      maxAge: TTL_MS,
      overwrite: true,
    });
  }

  /** The login this browser started through the connection, consumed; undefined when none. */
  take(
    ctx: Context,
    session: Session | undefined,
    connection: string,
    state: string | null,
  ): PendingOidc | undefined {
    if (this.options.anyBrowser && state) {
      for (const [id, pending] of this.byId) {
        if (pending.connection === connection && pending.state === state) {
          this.byId.delete(id);
          return pending;
        }
      }
      for (const pending of session?.pendingOidc.values() ?? []) if (pending.state === state) return pending;
    }
    if (this.options.inSession) {
      const pending = session?.pendingOidc.get(connection);
      session?.pendingOidc.delete(connection);
      return pending;
    }
    const id = ctx.cookies.get(correlationCookie(connection));
    const pending = id ? this.byId.get(id) : undefined;
    if (id) this.byId.delete(id);
    ctx.cookies.set(correlationCookie(connection), null, { path: ctx.path });
    return pending && pending.connection === connection ? pending : undefined;
  }

  private sweep(): void {
    const now = this.options.now();
    for (const [id, pending] of this.byId) if (now - pending.startedAt > TTL_MS) this.byId.delete(id);
  }
}

function isLoopback(host: string): boolean {
  return (
    host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1'
  );
}
