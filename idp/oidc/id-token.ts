import type { Context } from 'koa';
import { encryptIdToken } from './encrypt.ts';
import { decodeJwt } from './jws.ts';
import { publicJwkLookup } from './keys.ts';
import type { OidcRoute } from './routes.ts';
import { type OidcRequestState, type OidcRuntime, requestState } from './runtime.ts';
import { signByPlan } from './sign-plan.ts';
import {
  applyOidcStage,
  hasOidcStage,
  type IdTokenSigning,
  type IdTokenValue,
  type SigningAlg,
  signingAlgs,
} from './stages.ts';

/**
 * An id_token on its way out. The library signed it; this hands it, decoded, to the
 * flow's `id-token` stage together with the signing plan, and signs it again only when
 * something changed: a hook's edit, or a claim of the harness's claim set that the
 * library did not carry (one no scope declares).
 */
export async function finishIdToken(
  runtime: OidcRuntime,
  ctx: Context,
  token: string,
  route: OidcRoute,
  clientId: string | undefined,
): Promise<string> {
  const state = requestState(ctx);
  const signed = decodeJwt(token);
  if (!hasOidcStage(state.flow, 'id-token') && carries(signed.payload, state.claims.id_token)) {
    // Nothing to change (the common login, no flow): the library's token as it is.
    rememberLogin(runtime, state, clientId, signed.payload);
    state.idTokenSigning = signingOf(planOf(signed.header));
    return token;
  }
  const original: IdTokenValue = {
    header: signed.header,
    payload: signed.payload,
    signing: planOf(signed.header),
  };
  const value = await applyOidcStage(
    state.flow,
    'id-token',
    structuredClone({ ...original, payload: { ...signed.payload, ...state.claims.id_token } }),
    {
      providerId: runtime.id,
      clientId,
      issuer: runtime.issuer,
      route,
      grantType: route === 'token' ? (state.form?.get('grant_type') ?? undefined) : undefined,
      publicJwk: publicJwkLookup(runtime.context.keys, runtime.id),
    },
  );
  rememberLogin(runtime, state, clientId, value.payload);
  const { encryption, ...plain } = value;
  const jws = await signedToken(runtime, token, plain, original, clientId);
  state.idTokenSigning = signingOf(jws.plan);
  return encryption ? encryptIdToken(runtime, clientId, jws.token, encryption) : jws.token;
}

/** The flow's login (client, sub, sid) for its back- and front-channel logout steps. */
function rememberLogin(
  runtime: OidcRuntime,
  state: OidcRequestState,
  clientId: string | undefined,
  payload: Record<string, unknown>,
): void {
  if (!clientId || !state.flow) return;
  const claim = (name: string) => (typeof payload[name] === 'string' ? (payload[name] as string) : undefined);
  runtime.logins.remember(state.flow.id, { clientId, sub: claim('sub'), sid: claim('sid') });
}

/** The id_token as a JWS: the library's when nothing changed, otherwise signed by the plan. */
async function signedToken(
  runtime: OidcRuntime,
  token: string,
  value: IdTokenValue,
  original: IdTokenValue,
  clientId: string | undefined,
): Promise<{ token: string; plan: IdTokenSigning }> {
  if (canonical(value) === canonical(original)) return { token, plan: original.signing };
  if (value.signing.reuseSignature) {
    // The library's signature over a header and payload the stage changed.
    return { token: withOriginalSignature(token, value, original), plan: original.signing };
  }
  const secret = clientId ? runtime.config.clients[clientId]?.clientSecret : undefined;
  return {
    token: await signByPlan(runtime, value.header, value.payload, value.signing, secret),
    plan: value.signing,
  };
}

/** The changed header and payload with the library's signature: a tampered token. */
function withOriginalSignature(token: string, value: IdTokenValue, original: IdTokenValue): string {
  const [header, , signature] = token.split('.');
  const headerSegment =
    canonical(value.header) === canonical(original.header) ? header : segment(value.header);
  return `${headerSegment}.${segment(value.payload)}.${signature ?? ''}`;
}

function segment(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** What the trace says signed an id_token: `none` has no key; HS* keyed by the client secret has no key kind. */
function signingOf(plan: IdTokenSigning): { alg: string; keyKind: string | undefined } {
  const alg = plan.headerAlg ?? plan.alg;
  if (plan.signatureBytes) return { alg, keyKind: `no key (${plan.signatureBytes} signature)` };
  if (plan.alg === 'none') return { alg, keyKind: undefined };
  if (plan.alg.startsWith('HS') && plan.hmacSecret === 'literal') return { alg, keyKind: 'literal secret' };
  if (plan.alg.startsWith('HS') && (plan.hmacSecret ?? 'client-secret') === 'client-secret') {
    return { alg, keyKind: 'client secret' };
  }
  return { alg, keyKind: plan.kind };
}

/** The plan that reproduces how the library signed a token. */
function planOf(header: Record<string, unknown>): IdTokenSigning {
  const alg = signingAlgs.includes(header.alg as SigningAlg) ? (header.alg as SigningAlg) : 'RS256';
  return {
    kind: alg === 'ES256' ? 'ec' : 'current',
    alg,
    kid: typeof header.kid === 'string' ? header.kid : undefined,
    ...(alg.startsWith('HS') ? { hmacSecret: 'client-secret' as const } : {}),
  };
}

/** Whether the payload already holds every one of these claims, with the same value. */
function carries(payload: Record<string, unknown>, claims: Record<string, unknown> | undefined): boolean {
  if (!claims) return true;
  for (const [name, value] of Object.entries(claims)) {
    const held = payload[name];
    if (held === value) continue;
    if (value === undefined || typeof value !== 'object' || canonical(held) !== canonical(value))
      return false;
  }
  return true;
}

/** JSON with sorted keys, so that two values compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
