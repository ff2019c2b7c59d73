import type { Context } from 'koa';
import { publicJwkLookup } from '../keys.ts';
import type { OidcRequestState, OidcRuntime } from '../runtime.ts';
import { applyOidcStage } from '../stages.ts';
import { traceOidc } from '../trace.ts';

/** Discovery on its way out: the exclusive flow's `discovery` stage, if one runs. */
export async function finishDiscovery(
  ctx: Context,
  runtime: OidcRuntime,
  state: OidcRequestState,
): Promise<void> {
  if (!isDocument(ctx)) return;
  ctx.body = await applyOidcStage(state.flow, 'discovery', ctx.body as Record<string, unknown>, {
    providerId: runtime.id,
    issuer: runtime.issuer,
  });
  traceOidc(runtime, ctx, {
    direction: 'out',
    kind: 'discovery',
    summary: `discovery document${state.flow ? ` (flow ${state.flow.id})` : ''}`,
  });
}

/** JWKS on its way out: the exclusive flow's `jwks` stage, if one runs. */
export async function finishJwks(ctx: Context, runtime: OidcRuntime, state: OidcRequestState): Promise<void> {
  if (!isDocument(ctx)) return;
  const jwks = await applyOidcStage(
    state.flow,
    'jwks',
    ctx.body as { keys: Array<Record<string, unknown>> },
    {
      providerId: runtime.id,
      issuer: runtime.issuer,
      publicJwk: publicJwkLookup(runtime.context.keys, runtime.id),
    },
  );
  ctx.body = jwks;
  // Short on purpose: a wait step after a key rotation waits this out (see config/defaults.ts).
  const maxAge = runtime.config.jwksMaxAgeSeconds;
  ctx.set('Cache-Control', `public, max-age=${maxAge}`);
  traceOidc(runtime, ctx, {
    direction: 'out',
    kind: 'jwks',
    summary: `JWKS with kids ${jwks.keys.map((k) => String(k.kid)).join(', ') || '(none)'} (max-age=${maxAge})`,
    message: jwks,
  });
}

function isDocument(ctx: Context): boolean {
  return (
    ctx.status === 200 && Boolean(ctx.body) && typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body)
  );
}
