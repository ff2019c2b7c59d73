import type { Context } from 'koa';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { canonical, finishIdToken } from '../id-token.ts';
import { autoPostPage } from '../pages.ts';
import { bindToFlow } from '../request-flow.ts';
import type { OidcRequestState, OidcRuntime } from '../runtime.ts';
import { type AuthorizationResponseValue, applyOidcStage, hasOidcStage } from '../stages.ts';
import { paramsObject, traceOidc } from '../trace.ts';

/** Traces the authorization request as it arrived. */
export async function traceAuthorizationRequest(ctx: Context, runtime: OidcRuntime): Promise<void> {
  const params = ctx.method === 'GET' ? new URLSearchParams(ctx.querystring) : undefined;
  const message = params ? paramsObject(params) : {};
  traceOidc(runtime, ctx, {
    direction: 'in',
    kind: 'authorization',
    binding: ctx.method === 'GET' ? 'query' : 'form',
    summary: `authorization request from ${String(message.client_id ?? '(no client_id)')}: response_type ${String(message.response_type ?? '(none)')}, scope ${String(message.scope ?? '(none)')}`,
    message,
    state: typeof message.state === 'string' ? message.state : undefined,
  });
}

/**
 * OIDC Core grants `offline_access` only with `prompt=consent`, and the library drops it
 * otherwise; Entra, Okta, Auth0 and Google issue refresh tokens without it. A request
 * that asks for `offline_access` and names no prompt is handled as if it had asked for
 * consent, which the harness grants without a page, so the client gets its refresh token.
 */
export async function grantOfflineAccess(ctx: Context): Promise<void> {
  if (ctx.method !== 'GET') return;
  const params = new URLSearchParams(ctx.querystring);
  const scopes = (params.get('scope') ?? '').split(' ');
  if (!scopes.includes('offline_access') || params.has('prompt')) return;
  params.set('prompt', 'consent');
  ctx.querystring = params.toString();
}

const modes = new Set(['query', 'fragment', 'form_post']);

/**
 * The authorization response on its way back to the client: binds what it issues to
 * the flow, runs the `id-token` stage on a front-channel id_token and the
 * `authorization-response` stage on the parameters, and answers again only when one of
 * them changed something.
 */
export async function finishAuthorizationResponse(
  ctx: Context,
  runtime: OidcRuntime,
  state: OidcRequestState,
): Promise<void> {
  const emitted = state.authorization;
  if (!emitted) return;
  const oidc = (ctx as unknown as KoaContextWithOIDC).oidc;
  const responseMode = oidc.responseMode ?? 'query';
  const clientId = oidc.client?.clientId;
  const params = Object.fromEntries(
    Object.entries(emitted)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
  bindToFlow(runtime, state.flow, 'code', params.code);
  bindToFlow(runtime, state.flow, 'access_token', params.access_token);

  const original: AuthorizationResponseValue = {
    redirectUri: String(oidc.params?.redirect_uri),
    responseMode: modes.has(responseMode)
      ? (responseMode as AuthorizationResponseValue['responseMode'])
      : 'query',
    params,
  };
  let value = original;
  if (params.id_token) {
    const idToken = await finishIdToken(runtime, ctx, params.id_token, state.route, clientId);
    if (idToken !== params.id_token) value = { ...original, params: { ...params, id_token: idToken } };
  }
  if (hasOidcStage(state.flow, 'authorization-response')) {
    value = await applyOidcStage(state.flow, 'authorization-response', structuredClone(value), {
      providerId: runtime.id,
      clientId,
      issuer: runtime.issuer,
    });
  }
  if (value !== original && canonical(value) !== canonical(original)) writeResponse(ctx, value);

  traceOidc(runtime, ctx, {
    direction: 'out',
    kind: 'authorization-response',
    binding: value.responseMode,
    summary: `authorization response to ${value.redirectUri} (${value.responseMode}): ${Object.keys(value.params).join(', ')}`,
    message: { redirect_uri: value.redirectUri, ...value.params },
    state: value.params.state,
  });
}

function writeResponse(ctx: Context, value: AuthorizationResponseValue): void {
  if (value.responseMode === 'form_post') {
    ctx.status = 200;
    ctx.type = 'html';
    ctx.body = autoPostPage(value.redirectUri, value.params, 'Submitting the sign-in');
    return;
  }
  const url = new URL(value.redirectUri);
  if (value.responseMode === 'fragment') {
    url.hash = new URLSearchParams(value.params).toString();
  } else {
    for (const [name, param] of Object.entries(value.params)) url.searchParams.set(name, param);
  }
  ctx.status = 303;
  ctx.redirect(url.href);
}
