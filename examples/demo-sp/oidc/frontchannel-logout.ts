import type { Context } from 'koa';
import type { SpContext } from '../context.ts';
import { LoginRefused } from '../errors.ts';
import type { SessionStore } from '../session.ts';
import type { OidcSettings } from './provider.ts';

/**
 * The front-channel logout endpoint (`/oidc/<connection>/frontchannel-logout`, OIDC
 * Front-Channel Logout 1.0 §2–3): `iss` must be the connection's issuer, and the session
 * that ends is the one whose id_token carried `sid` (the request may come from a frame
 * or a page any site can embed, so the browser's own cookie does not decide). Returns how
 * many sessions ended; throws a 400 refusal for a wrong or missing `iss` or `sid`.
 */
export function acceptFrontChannelLogout(
  sp: SpContext,
  settings: OidcSettings,
  sessions: SessionStore,
  ctx: Context,
): number {
  const connection = settings.connection;
  const iss = typeof ctx.query.iss === 'string' ? ctx.query.iss : undefined;
  const sid = typeof ctx.query.sid === 'string' ? ctx.query.sid : undefined;
  if (iss !== settings.config.issuer && !sp.lax.has('frontchannel-logout-iss')) {
    throw new LoginRefused(
      'frontchannel-logout-iss',
      iss
        ? `the front-channel logout comes from ${iss}, not ${settings.config.issuer}`
        : 'the front-channel logout has no iss',
      { status: 400, connection },
    );
  }
  if (sp.lax.has('frontchannel-logout-ignored')) return 0;
  if (sp.lax.has('frontchannel-logout-sid')) return sessions.destroy(ctx)?.login ? 1 : 0;
  if (!sid) {
    throw new LoginRefused('frontchannel-logout-sid', 'the front-channel logout has no sid', {
      status: 400,
      connection,
    });
  }
  return sessions.endWhere((login) => login.connection === connection && login.oidcSid === sid);
}
