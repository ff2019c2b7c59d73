import type { Context } from 'koa';
import type Provider from 'oidc-provider';
import type { OidcProviderConfig } from '../../config/schema.ts';
import type { IdpContext } from '../context.ts';
import type { Flow } from '../flows.ts';
import type { PersonaContext } from '../personas/types.ts';
import type { Accounts } from './accounts.ts';
import type { OidcPersona } from './claims.ts';
import type { FlowLogins } from './logins.ts';
import type { OidcRoute } from './routes.ts';

/** One mounted OIDC provider: its library instance and what the harness keeps beside it. */
export interface OidcRuntime {
  id: string;
  config: OidcProviderConfig;
  context: IdpContext;
  persona: OidcPersona;
  personaContext: PersonaContext;
  /** The issuer: `<base URL>/oidc/<id>` plus the persona's issuer path. */
  issuer: string;
  /** The issuer's path without a trailing slash: the library's routes start here. */
  mountPath: string;
  /** `/oidc/<id>`: everything of this provider lives under it (cookies are scoped to it). */
  basePath: string;
  accounts: Accounts;
  /** Each flow's last id_token (sub, sid, client), for back-channel logout steps. */
  logins: FlowLogins;
  provider: Provider;
}

/** A runtime before its library instance exists (what the library's configuration needs). */
export type OidcRuntimeBase = Omit<OidcRuntime, 'provider'>;

/** What the harness learns about one request while the library handles it. */
export interface OidcRequestState {
  route: OidcRoute;
  flow: Flow | undefined;
  /** The claim sets handed to the library, per use, after the `claims` stage. */
  claims: Partial<Record<'id_token' | 'userinfo', Record<string, unknown>>>;
  /** The authorization response parameters, as the library emitted them. */
  authorization: Record<string, unknown> | undefined;
  /** A form body read before the library (the token endpoint's flow is in it). */
  form: URLSearchParams | undefined;
  /** How the id_token of this answer was signed (after the `id-token` stage), for the trace. */
  idTokenSigning?: { alg: string; keyKind: string | undefined } | undefined;
}

const STATE_KEY = 'oidc';

export function initRequestState(ctx: Context, route: OidcRoute): OidcRequestState {
  const state: OidcRequestState = {
    route,
    flow: undefined,
    claims: {},
    authorization: undefined,
    form: undefined,
  };
  ctx.state[STATE_KEY] = state;
  return state;
}

/**
 * The state of an OIDC request. The mount creates it before the library runs, so the
 * library's callbacks (findAccount, prompts, pages, events) always find it; the empty
 * fallback only keeps a stray caller from crashing.
 */
export function requestState(ctx: Context): OidcRequestState {
  return (ctx.state[STATE_KEY] as OidcRequestState | undefined) ?? initRequestState(ctx, 'authorization');
}
