import type { Context } from 'koa';
import type { Flow } from '../flows.ts';
import type { OidcRequestState, OidcRuntime } from './runtime.ts';

/** Things issued during a login that later requests carry instead of the flow cookie. */
export type BoundKind = 'interaction' | 'code' | 'access_token' | 'refresh_token';

function requestKey(runtime: OidcRuntime, kind: BoundKind, value: string): string {
  return `oidc:${runtime.id}:${kind}:${value}`;
}

/** Remembers that what was just issued belongs to this flow. */
export function bindToFlow(
  runtime: OidcRuntime,
  flow: Flow | undefined,
  kind: BoundKind,
  value: unknown,
): void {
  if (flow && typeof value === 'string' && value) {
    runtime.context.flows.bindRequest(flow, requestKey(runtime, kind, value));
  }
}

function boundFlow(
  runtime: OidcRuntime,
  kind: BoundKind,
  value: string | null | undefined,
): Flow | undefined {
  return value ? runtime.context.flows.byRequest(requestKey(runtime, kind, value)) : undefined;
}

/**
 * The flow a request belongs to. The flow cookie comes first (browser requests);
 * back-channel requests are found by what they carry (the code, a token); discovery and
 * JWKS, fetched by the SP's back end with nothing of a login in them, belong to the
 * provider's exclusive flow, if one runs.
 */
export function findFlow(runtime: OidcRuntime, ctx: Context, state: OidcRequestState): Flow | undefined {
  const fromCookie = runtime.context.flows.get(ctx.state.flowId as string | undefined);
  if (fromCookie && (!fromCookie.providerId || fromCookie.providerId === runtime.id)) return fromCookie;
  switch (state.route) {
    case 'interaction':
    case 'resume':
      return boundFlow(runtime, 'interaction', ctx.path.split('/')[2]);
    case 'token':
      return (
        boundFlow(runtime, 'code', state.form?.get('code')) ??
        boundFlow(runtime, 'refresh_token', state.form?.get('refresh_token'))
      );
    case 'userinfo':
      return boundFlow(runtime, 'access_token', bearerToken(ctx) ?? state.form?.get('access_token'));
    case 'discovery':
    case 'jwks':
      return runtime.context.flows.exclusiveFlow(runtime.id);
    default:
      return undefined;
  }
}

function bearerToken(ctx: Context): string | undefined {
  const match = /^(?:Bearer|DPoP)\s+(\S+)$/i.exec(ctx.get('authorization'));
  return match?.[1];
}
