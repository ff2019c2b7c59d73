import { randomUUID } from 'node:crypto';
import type { Context } from 'koa';
import { html, page } from '../../lib/html.ts';
import { signJwt } from './jws.ts';
import { keyForPlan, publicJwkLookup } from './keys.ts';
import { logoutTarget } from './logout-target.ts';
import type { OidcRuntime } from './runtime.ts';
import { applyOidcStage, type IdTokenValue, type SigningAlg } from './stages.ts';
import { traceOidc } from './trace.ts';

/** Where, below `/oidc/<id>`, the runner's back-channel logout step is started. */
export const backChannelLogoutPath = '/harness/backchannel-logout';

/** The event member a logout token's `events` claim must hold (§2.4). */
export const backChannelLogoutEvent = 'http://schemas.openid.net/event/backchannel-logout';

/** Seconds a logout token is valid (`exp` - `iat`); the spec asks for a short lifetime (§2.4). */
const LOGOUT_TOKEN_LIFETIME = 120;

/** Milliseconds the RP's back-channel endpoint may take to answer. */
const TIMEOUT_MS = 5_000;

/**
 * Sends the browser's flow's login a back-channel logout (OIDC Back-Channel Logout 1.0
 * §2.5): a logout token for the `sub` and `sid` of the flow's last id_token, through the
 * flow's `logout-token` stage, POSTed to the client's backchannel_logout_uri. The browser
 * gets a page that says what the RP answered; whether the RP's session ended is for the
 * probe to tell. Throws 400 without a flow, 409 before the flow's login or when the client
 * has no backchannel_logout_uri.
 */
export async function sendBackChannelLogout(runtime: OidcRuntime, ctx: Context): Promise<void> {
  const { flow, login, uri } = logoutTarget(runtime, ctx, 'back');
  const token = await logoutToken(runtime, flow, login);
  let status: number | undefined;
  let error: string | undefined;
  try {
    const response = await fetch(uri, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ logout_token: token }),
    });
    status = response.status;
    await response.body?.cancel();
  } catch (cause) {
    error = `could not reach ${uri}: ${String(cause)}`;
  }
  const outcome = status === undefined ? error! : `HTTP ${status}`;
  traceOidc(runtime, ctx, {
    direction: 'out',
    kind: 'logout',
    binding: 'back-channel',
    summary: `logout token POSTed to ${uri} (client ${login.clientId}): ${outcome}`,
    message: { logout_token: token },
    error,
  });
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'html';
  ctx.body = page(
    'Back-channel logout sent',
    html`<main><h1>Back-channel logout sent</h1>
<p>The identity provider posted a logout token to <code>${uri}</code>; the RP answered <code>${outcome}</code>.</p>
<p class="note">OpenID Connect Back-Channel Logout 1.0: a valid token must end the RP session (HTTP 200); a bad one must be refused (HTTP 400) and end nothing.</p></main>`,
  );
}

/** The logout token of §2.4 for one login, after the flow's `logout-token` faults, signed. */
async function logoutToken(
  runtime: OidcRuntime,
  flow: NonNullable<ReturnType<OidcRuntime['context']['flows']['get']>>,
  login: { clientId: string; sub: string | undefined; sid: string | undefined },
): Promise<string> {
  const key = await runtime.context.keys.get(runtime.id, 'current');
  const alg = (key.alg ?? 'RS256') as SigningAlg;
  const now = Math.floor(Date.now() / 1000);
  const original: IdTokenValue = {
    header: { alg, kid: key.kid, typ: 'logout+jwt' },
    payload: {
      iss: runtime.issuer,
      aud: login.clientId,
      iat: now,
      exp: now + LOGOUT_TOKEN_LIFETIME,
      jti: randomUUID(),
      events: { [backChannelLogoutEvent]: {} },
      ...(login.sub !== undefined ? { sub: login.sub } : {}),
      ...(login.sid !== undefined ? { sid: login.sid } : {}),
    },
    signing: { kind: 'current', alg, kid: key.kid },
  };
  const value = await applyOidcStage(flow, 'logout-token', structuredClone(original), {
    providerId: runtime.id,
    clientId: login.clientId,
    issuer: runtime.issuer,
    publicJwk: publicJwkLookup(runtime.context.keys, runtime.id),
  });
  const secret = runtime.config.clients[login.clientId]?.clientSecret;
  if (value.signing.reuseSignature) {
    // A valid signature over the original token, on the changed payload: a tampered token.
    const signed = signJwt(
      original.header,
      original.payload,
      alg,
      await keyForPlan(runtime.context.keys, runtime.id, original.signing, secret),
    );
    const [, , signature] = signed.split('.');
    const segment = (v: Record<string, unknown>) => Buffer.from(JSON.stringify(v)).toString('base64url');
    return `${segment(value.header)}.${segment(value.payload)}.${signature}`;
  }
  const header: Record<string, unknown> = { ...value.header, alg: value.signing.alg };
  if (value.signing.kid === undefined) delete header.kid;
  else header.kid = value.signing.kid;
  const signingKey = await keyForPlan(runtime.context.keys, runtime.id, value.signing, secret);
  return signJwt(header, value.payload, value.signing.alg, signingKey);
}
