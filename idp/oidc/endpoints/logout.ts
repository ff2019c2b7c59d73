import type { Context } from 'koa';
import type { OidcRuntime } from '../runtime.ts';
import { paramsObject, traceOidc } from '../trace.ts';

/** Traces an RP-initiated logout request as it arrived. */
export async function traceLogoutRequest(ctx: Context, runtime: OidcRuntime): Promise<void> {
  const message = paramsObject(new URLSearchParams(ctx.querystring));
  traceOidc(runtime, ctx, {
    direction: 'in',
    kind: 'logout',
    binding: 'query',
    summary: `logout request${message.client_id ? ` from ${String(message.client_id)}` : ''}${message.post_logout_redirect_uri ? ` returning to ${String(message.post_logout_redirect_uri)}` : ''}`,
    message,
    state: typeof message.state === 'string' ? message.state : undefined,
  });
}

/** Traces where a confirmed logout sends the browser. */
export async function traceLogoutDone(ctx: Context, runtime: OidcRuntime): Promise<void> {
  const location = ctx.response.get('location');
  if (ctx.status >= 400 || !location) return;
  traceOidc(runtime, ctx, {
    direction: 'out',
    kind: 'logout',
    summary: `logged out; back to ${location}`,
    message: { location },
  });
}
