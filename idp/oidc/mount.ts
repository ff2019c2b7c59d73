import { setTimeout as sleep } from 'node:timers/promises';
import type { Context, Middleware, Next } from 'koa';
import { IdpError } from '../errors.ts';
import { backChannelLogoutPath, sendBackChannelLogout } from './backchannel-logout.ts';
import { endpoints } from './endpoints/index.ts';
import { clientIdOf } from './endpoints/token.ts';
import { frontChannelLogoutPath, sendFrontChannelLogout } from './frontchannel-logout.ts';
import { findFlow } from './request-flow.ts';
import { discoveryUrl, oidcRoutePaths, routeOf } from './routes.ts';
import { initRequestState, type OidcRequestState, type OidcRuntime } from './runtime.ts';
import { applyOidcStage, type EndpointAnswer, type EndpointValue, hasOidcStage } from './stages.ts';
import { traceOidc } from './trace.ts';

const DISCOVERY_PATH = '/.well-known/openid-configuration';

/** Longest delay a flow may ask an endpoint for (a fault's "slow" answer). */
const MAX_DELAY_MS = 120_000;

/**
 * Serves one provider under its issuer path. The library runs on the server's own Koa
 * context with the path made relative to the issuer (as koa-mount would) and with this
 * provider's cookie jar (its names and keys), so that providers on one host never share
 * a session. Around it run the harness's steps for the endpoint (see endpoints/index.ts).
 */
export function providerMiddleware(runtime: OidcRuntime): Middleware {
  const library = runtime.provider.middleware;
  const serve = async (ctx: Context): Promise<void> => {
    if (ctx.path === `${runtime.basePath}${backChannelLogoutPath}`) {
      if (ctx.method !== 'GET') throw notAllowed(ctx, ctx.path);
      initRequestState(ctx, 'end_session');
      return sendBackChannelLogout(runtime, ctx);
    }
    if (ctx.path === `${runtime.basePath}${frontChannelLogoutPath}`) {
      if (ctx.method !== 'GET') throw notAllowed(ctx, ctx.path);
      initRequestState(ctx, 'end_session');
      return sendFrontChannelLogout(runtime, ctx);
    }
    const alias = multiTenantDiscovery(ctx.path, runtime);
    if (alias) {
      const asked = ctx.path;
      ctx.path = `${runtime.mountPath}${DISCOVERY_PATH}`;
      try {
        await serve(ctx);
      } finally {
        ctx.path = asked;
      }
      const body = ctx.body;
      if (body && typeof body === 'object' && !Buffer.isBuffer(body) && 'issuer' in body) {
        ctx.body = { ...(body as Record<string, unknown>), issuer: alias.issuer };
      }
      return;
    }
    const relative = pathWithin(ctx.path, runtime.mountPath);
    const route = relative === undefined ? undefined : routeOf(relative);
    if (relative === undefined || route === undefined) throw notServed(ctx, runtime);

    const state = initRequestState(ctx, route);
    const outer = { path: ctx.path, cookies: ctx.cookies, mountPath: ctx.mountPath };
    ctx.path = relative;
    ctx.mountPath = runtime.mountPath;
    ctx.cookies = providerCookies(ctx, runtime);
    try {
      const steps = endpoints[route];
      await steps.read?.(ctx, runtime, state);
      state.flow = findFlow(runtime, ctx, state);
      await steps.before?.(ctx, runtime, state);
      const planned = await endpointStage(ctx, runtime, state);
      if (planned?.answer) return answerForFlow(ctx, runtime, state, planned.answer);
      if (steps.handle) await steps.handle(ctx, runtime, state);
      else await runLibrary(library, ctx, () => Promise.reject(notAllowed(ctx, outer.path)));
      await steps.after?.(ctx, runtime, state);
      if (planned?.amend) amendForFlow(ctx, runtime, state, planned.amend);
    } finally {
      ctx.path = outer.path;
      ctx.mountPath = outer.mountPath;
      ctx.cookies = outer.cookies;
    }
  };
  return serve;
}

/**
 * A multi-tenant alias's discovery path (`<base>/common/v2.0/.well-known/openid-configuration`)
 * and the issuer it names: the tenant's, with `{tenantid}` where the tenant id goes.
 */
function multiTenantDiscovery(path: string, runtime: OidcRuntime): { issuer: string } | undefined {
  const persona = runtime.persona;
  for (const alias of persona.multiTenantAliases ?? []) {
    if (path !== `${runtime.basePath}/${alias}/v2.0${DISCOVERY_PATH}`) continue;
    const own = persona.issuerPath(runtime.personaContext);
    const template = persona.issuerPath({ ...runtime.personaContext, tenantId: '{tenantid}' });
    return { issuer: `${runtime.issuer.slice(0, runtime.issuer.length - own.length)}${template}` };
  }
  return undefined;
}

/** The path below the mount path, or undefined when the request is not under it. */
function pathWithin(path: string, mountPath: string): string | undefined {
  if (path === mountPath) return '/';
  return path.startsWith(`${mountPath}/`) ? path.slice(mountPath.length) : undefined;
}

function runLibrary(middleware: Middleware[], ctx: Context, next: Next): Promise<unknown> {
  const dispatch = (i: number): Promise<unknown> =>
    i < middleware.length ? Promise.resolve(middleware[i]!(ctx, () => dispatch(i + 1))) : next();
  return dispatch(0);
}

/** Cookies signed with this provider's keys (the library reads them the same way). */
function providerCookies(ctx: Context, runtime: OidcRuntime): Context['cookies'] {
  const cookies = runtime.provider.createContext(ctx.req, ctx.res).cookies;
  cookies.secure = cookies.secure || ctx.secure;
  return cookies;
}

/**
 * The `endpoint` stage: a flow may delay an endpoint, answer in the library's place, or
 * change the library's answer afterwards. Undefined when the flow has nothing here.
 */
async function endpointStage(
  ctx: Context,
  runtime: OidcRuntime,
  state: OidcRequestState,
): Promise<EndpointValue | undefined> {
  if (!hasOidcStage(state.flow, 'endpoint')) return undefined;
  const value = await applyOidcStage(
    state.flow,
    'endpoint',
    { route: state.route, method: ctx.method, delayMs: 0, answer: undefined },
    {
      providerId: runtime.id,
      issuer: runtime.issuer,
      clientId: clientIdOf(ctx, state) ?? queryClientId(ctx),
      expiredSecretError: (clientId) =>
        runtime.persona.expiredSecretError(clientId, new Date(), runtime.personaContext),
    },
  );
  if (value.delayMs > 0) await sleep(Math.min(value.delayMs, MAX_DELAY_MS));
  return value;
}

function answerForFlow(
  ctx: Context,
  runtime: OidcRuntime,
  state: OidcRequestState,
  answer: EndpointAnswer,
): void {
  ctx.status = answer.status;
  for (const [name, header] of Object.entries(answer.headers ?? {})) ctx.set(name, header);
  if (typeof answer.body === 'string') {
    ctx.type = /^\s*</.test(answer.body) ? 'html' : 'text';
  }
  ctx.body = answer.body;
  traceOidc(runtime, ctx, {
    direction: 'out',
    kind: state.route,
    summary: `${state.route} answered by the flow instead of the provider: HTTP ${answer.status}`,
    message: typeof answer.body === 'string' ? { body: answer.body } : answer.body,
  });
}

/** The library's answer with the flow's changes: another status, added JSON members. */
function amendForFlow(
  ctx: Context,
  runtime: OidcRuntime,
  state: OidcRequestState,
  amend: NonNullable<EndpointValue['amend']>,
): void {
  const body = ctx.body;
  const isJson = Boolean(body) && typeof body === 'object' && !Buffer.isBuffer(body) && !Array.isArray(body);
  if (amend.body && isJson) ctx.body = { ...(body as Record<string, unknown>), ...amend.body };
  if (amend.status) ctx.status = amend.status;
  traceOidc(runtime, ctx, {
    direction: 'out',
    kind: state.route,
    summary: `${state.route} answer changed by the flow: HTTP ${ctx.status}${amend.body ? `, added ${Object.keys(amend.body).join(', ')}` : ''}`,
    message: isJson ? (ctx.body as Record<string, unknown>) : undefined,
  });
}

function queryClientId(ctx: Context): string | undefined {
  return typeof ctx.query.client_id === 'string' ? ctx.query.client_id : undefined;
}

function notAllowed(ctx: Context, path: string): IdpError {
  return new IdpError('METHOD_NOT_ALLOWED', 405, `${ctx.method} is not allowed at ${path}`);
}

function notServed(ctx: Context, runtime: OidcRuntime): IdpError {
  const endpoints = Object.values(oidcRoutePaths).join(', ');
  return new IdpError('NOT_FOUND', 404, `provider "${runtime.id}" serves nothing at ${ctx.path}`, {
    hint: `Its issuer is ${runtime.issuer}; discovery is at ${discoveryUrl(runtime.issuer)}; endpoints below the issuer: ${endpoints}.`,
  });
}
