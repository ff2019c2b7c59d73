import type { Context } from 'koa';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { OidcRequestState, OidcRuntime } from '../runtime.ts';
import { applyOidcStage } from '../stages.ts';
import { traceOidc } from '../trace.ts';

/**
 * The userinfo answer: the harness's claim set for the token's scopes (the library
 * drops claims no scope declares), then the flow's `userinfo` stage.
 */
export async function finishUserinfo(
  ctx: Context,
  runtime: OidcRuntime,
  state: OidcRequestState,
): Promise<void> {
  const clientId = (ctx as unknown as KoaContextWithOIDC).oidc?.client?.clientId;
  const body = ctx.body;
  if (ctx.status !== 200 || !body || typeof body !== 'object' || Buffer.isBuffer(body)) {
    traceOidc(runtime, ctx, {
      direction: 'out',
      kind: 'userinfo',
      summary: `userinfo error ${ctx.status}`,
      message: body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined,
      error: ctx.get('www-authenticate') || `HTTP ${ctx.status}`,
    });
    return;
  }
  const claims = { ...(body as Record<string, unknown>), ...state.claims.userinfo };
  const final = await applyOidcStage(state.flow, 'userinfo', claims, { providerId: runtime.id, clientId });
  ctx.body = final;
  traceOidc(runtime, ctx, {
    direction: 'out',
    kind: 'userinfo',
    summary: `userinfo for ${String(final.sub)} to ${clientId ?? 'the client'}: ${Object.keys(final).join(', ')}`,
    message: final,
  });
}
