import type { IncomingMessage } from 'node:http';
import type { Context } from 'koa';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { readText } from '../../http/body.ts';
import { finishIdToken } from '../id-token.ts';
import { bindToFlow } from '../request-flow.ts';
import type { OidcRequestState, OidcRuntime } from '../runtime.ts';
import { applyOidcStage } from '../stages.ts';
import { paramsObject, traceOidc } from '../trace.ts';

/**
 * Reads a back-channel form body before the library does: the flow of a token request
 * is found from the code or refresh token in it, and the `endpoint` stage must run
 * before the library redeems anything. The library then reads the same bytes.
 */
export async function readBackChannelForm(
  ctx: Context,
  runtime: OidcRuntime,
  state: OidcRequestState,
): Promise<void> {
  if (ctx.method !== 'POST' || !ctx.is('application/x-www-form-urlencoded')) return;
  const text = await readText(ctx, runtime.context.config.limits.maxMessageBytes);
  state.form = new URLSearchParams(text);
  replayBody(ctx.req, Buffer.from(text));
}

/**
 * Lets the library's body reader (`req.iterator()` while `req.readable`) read a body that
 * was already consumed, without its "upstream body parser" fallback and warning.
 */
function replayBody(req: IncomingMessage, body: Buffer): void {
  Object.defineProperty(req, 'readable', { value: true, configurable: true });
  Object.defineProperty(req, 'iterator', {
    configurable: true,
    value: async function* replay() {
      yield body;
    },
  });
}

export async function traceTokenRequest(
  ctx: Context,
  runtime: OidcRuntime,
  state: OidcRequestState,
): Promise<void> {
  const form = state.form ? paramsObject(state.form) : {};
  traceOidc(runtime, ctx, {
    direction: 'in',
    kind: 'token',
    binding: 'back-channel',
    summary: `token request (${String(form.grant_type ?? 'no grant_type')}) from ${clientIdOf(ctx, state) ?? 'an unnamed client'}`,
    message: { ...form, ...(ctx.get('authorization') ? { authorization: ctx.get('authorization') } : {}) },
  });
}

/**
 * The token response on its way out: the persona's answer to an expired client secret,
 * the `id-token` stage, tokens bound to the flow, then the `token-response` stage.
 */
export async function finishTokenResponse(
  ctx: Context,
  runtime: OidcRuntime,
  state: OidcRequestState,
): Promise<void> {
  const oidc = (ctx as unknown as KoaContextWithOIDC).oidc;
  const clientId = oidc?.client?.clientId ?? clientIdOf(ctx, state);
  if (ctx.status >= 400) {
    if (isExpiredSecretFailure(ctx, runtime, state, clientId)) {
      const { status, body } = runtime.persona.expiredSecretError(
        clientId!,
        new Date(),
        runtime.personaContext,
      );
      ctx.status = status;
      ctx.body = body;
    }
    traceOidc(runtime, ctx, {
      direction: 'out',
      kind: 'token',
      binding: 'back-channel',
      summary: `token error ${ctx.status}: ${describeError(ctx.body)}`,
      message: isObject(ctx.body) ? ctx.body : undefined,
      error: describeError(ctx.body),
    });
    return;
  }
  if (!isObject(ctx.body)) return;
  const body = { ...ctx.body };
  if (typeof body.id_token === 'string') {
    body.id_token = await finishIdToken(runtime, ctx, body.id_token, 'token', clientId);
  }
  bindToFlow(runtime, state.flow, 'access_token', body.access_token);
  bindToFlow(runtime, state.flow, 'refresh_token', body.refresh_token);
  const final = await applyOidcStage(state.flow, 'token-response', body, {
    providerId: runtime.id,
    clientId,
    grantType: state.form?.get('grant_type') ?? undefined,
  });
  ctx.body = final;
  traceOidc(runtime, ctx, {
    direction: 'out',
    kind: 'token',
    binding: 'back-channel',
    summary: `token response to ${clientId ?? 'the client'}: ${Object.keys(final).join(', ')}`,
    message: final,
  });
}

/** invalid_client for a client that authenticated with a secret past its configured expiry. */
function isExpiredSecretFailure(
  ctx: Context,
  runtime: OidcRuntime,
  state: OidcRequestState,
  clientId: string | undefined,
): boolean {
  const expiresAt = clientId ? runtime.config.clients[clientId]?.secretExpiresAt : undefined;
  if (!expiresAt || !isObject(ctx.body) || ctx.body.error !== 'invalid_client') return false;
  const usedSecret = /^basic\s/i.test(ctx.get('authorization')) || Boolean(state.form?.get('client_secret'));
  // The library's own test (its clock tolerance is 15 seconds).
  return usedSecret && Date.now() / 1000 - 15 >= Date.parse(expiresAt) / 1000;
}

/** The client a back-channel request names: Basic credentials, client_id, or the assertion's issuer. */
export function clientIdOf(ctx: Context, state: OidcRequestState): string | undefined {
  const basic = /^basic\s+(\S+)$/i.exec(ctx.get('authorization'));
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    try {
      return decodeURIComponent(colon >= 0 ? decoded.slice(0, colon) : decoded);
    } catch {
      return undefined;
    }
  }
  return state.form?.get('client_id') ?? undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);
}

function describeError(body: unknown): string {
  if (!isObject(body)) return 'error';
  return [body.error, body.error_description].filter(Boolean).join(': ');
}
