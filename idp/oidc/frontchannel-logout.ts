import type { Context } from 'koa';
import { logoutTarget } from './logout-target.ts';
import type { OidcRuntime } from './runtime.ts';
import { applyOidcStage } from './stages.ts';
import { traceOidc } from './trace.ts';

/** Where, below `/oidc/<id>`, the runner's front-channel logout step is started. */
export const frontChannelLogoutPath = '/harness/frontchannel-logout';

/**
 * Front-channel logout (OIDC Front-Channel Logout 1.0 §2–3) for the browser's flow's login:
 * the browser is sent to the client's frontchannel_logout_uri with `iss` and the `sid` of
 * the flow's last id_token, after the flow's `frontchannel-logout` faults. An OP renders
 * that URI in an iframe; the harness navigates to it, so that the HTTP driver (which runs
 * no frames) follows it too. Throws 400 without a flow, 409 before the flow's login or
 * when the client has no frontchannel_logout_uri.
 */
export async function sendFrontChannelLogout(runtime: OidcRuntime, ctx: Context): Promise<void> {
  const { flow, login, uri } = logoutTarget(runtime, ctx, 'front');
  const params = await applyOidcStage(
    flow,
    'frontchannel-logout',
    { iss: runtime.issuer, sid: login.sid },
    { providerId: runtime.id, clientId: login.clientId, issuer: runtime.issuer },
  );
  const target = new URL(uri);
  if (params.iss !== undefined) target.searchParams.set('iss', params.iss);
  if (params.sid !== undefined) target.searchParams.set('sid', params.sid);
  traceOidc(runtime, ctx, {
    direction: 'out',
    kind: 'logout',
    binding: 'front-channel',
    summary: `front-channel logout: the browser is sent to ${target.href}`,
    message: { iss: params.iss, sid: params.sid },
  });
  ctx.set('Cache-Control', 'no-store');
  ctx.redirect(target.href);
}
