import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import {
  type ClientMetadata,
  type Configuration,
  interactionPolicy,
  type JWK,
  type KoaContextWithOIDC,
  type ResponseType,
} from 'oidc-provider';
import { defaults } from '../../config/defaults.ts';
import type { OidcClientConfig } from '../../config/schema.ts';
import type { DirectoryUser } from '../directory/user.ts';
import type { MemoryStore } from './adapter.ts';
import { claimSet, declaredClaims, scopeSet } from './claims.ts';
import { loadExistingGrant, loginAtAuthorization } from './direct-login.ts';
import { outboundFetch } from './outbound.ts';
import { errorPage, logoutPage, signedOutPage } from './pages.ts';
import { interactionPath, oidcRoutePaths } from './routes.ts';
import { type OidcRuntimeBase, requestState } from './runtime.ts';
import { applyOidcStage } from './stages.ts';

/** Response types on offer, implicit and hybrid included (allowed on http loopback, see index.ts). */
const responseTypes: ResponseType[] = [
  'code',
  'id_token',
  'id_token token',
  'code id_token',
  'code token',
  'code id_token token',
  'none',
];

const DAY = 24 * 3600;

/** The library's configuration for one provider. */
export function libraryConfiguration(
  runtime: OidcRuntimeBase,
  jwks: { keys: JWK[] },
  store: MemoryStore,
): Configuration {
  const { id, config } = runtime;
  const clients = Object.entries(config.clients);
  const tokenTtl = config.tokenLifetimeSeconds;
  return {
    adapter: store.adapterFor,
    clients: clients.map(([clientId, client]) => clientMetadata(clientId, client)),
    jwks,
    claims: declaredClaims(runtime.persona, runtime.context.directory.usersFor(id)),
    scopes: [...new Set([...defaults.oidc.scopes, ...clients.flatMap(([, c]) => c.scopes ?? [])])],
    // Real IdPs put the profile and email claims in the id_token too, not only in userinfo.
    conformIdTokenClaims: false,
    responseTypes,
    routes: oidcRoutePaths,
    cookies: {
      names: {
        session: `oidc_${id}_session`,
        interaction: `oidc_${id}_interaction`,
        resume: `oidc_${id}_resume`,
      },
      long: { httpOnly: true, sameSite: 'lax', path: runtime.basePath },
      short: { httpOnly: true, sameSite: 'lax' },
      keys: [randomBytes(32).toString('base64url')],
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: logoutPage(runtime),
        postLogoutSuccessSource: signedOutPage(runtime),
      },
      backchannelLogout: { enabled: true },
      claimsParameter: { enabled: true },
      clientCredentials: { enabled: true },
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      introspection: { enabled: true, allowedPolicy: async () => true },
      resourceIndicators: { enabled: false },
      userinfo: { enabled: true },
    },
    ttl: {
      AccessToken: tokenTtl,
      IdToken: tokenTtl,
      ClientCredentials: tokenTtl,
      AuthorizationCode: 300,
      RefreshToken: 14 * DAY,
      Interaction: 3600,
      Session: 14 * DAY,
      Grant: 14 * DAY,
    },
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    findAccount: async (ctx, accountId) => {
      const user = runtime.accounts.find(accountId, requestState(ctx as unknown as Context).flow);
      if (!user) return undefined;
      return {
        accountId,
        claims: async (use, scope) =>
          claimsFor(runtime, ctx, user, use === 'userinfo' ? 'userinfo' : 'id_token', scope),
      };
    },
    interactions: {
      policy: flowAwarePolicy(runtime),
      url: async (_ctx, interaction) => `${runtime.mountPath}${interactionPath(interaction.uid)}`,
    },
    // `user=<id or email>` on the authorization URL: a scripted login (idp/login/scripted.ts),
    // done at the authorization endpoint itself when no page is needed (direct-login.ts).
    extraParams: { user: loginAtAuthorization(runtime) },
    loadExistingGrant,
    renderError: errorPage(runtime),
    clientBasedCORS: () => true,
    fetch: outboundFetch,
  };
}

/** The claims of one user for one use, through the flow's `claims` stage; kept for the response steps. */
async function claimsFor(
  runtime: OidcRuntimeBase,
  ctx: KoaContextWithOIDC,
  user: DirectoryUser,
  use: 'id_token' | 'userinfo',
  scope: string,
): Promise<{ sub: string; [claim: string]: unknown }> {
  const state = requestState(ctx as unknown as Context);
  const claims = await applyOidcStage(
    state.flow,
    'claims',
    claimSet(runtime.persona, user, runtime.personaContext, scopeSet(scope)),
    { providerId: runtime.id, use, clientId: ctx.oidc?.client?.clientId, scope, user },
  );
  state.claims[use] = claims;
  return claims as { sub: string };
}

/**
 * The library's prompts, plus one rule: a flow that names a user logs that user in,
 * whoever this browser's session belongs to.
 */
function flowAwarePolicy(runtime: OidcRuntimeBase): interactionPolicy.Prompt[] {
  const policy = interactionPolicy.base();
  policy.get('login')!.checks.add(
    new interactionPolicy.Check('flow_user', 'the flow asserts another user', (ctx) => {
      const flow = requestState(ctx as unknown as Context).flow;
      if (!flow?.user) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
      const accountId = ctx.oidc.session?.accountId;
      const sessionUser = accountId ? runtime.accounts.find(accountId, flow) : undefined;
      return sessionUser === flow.user
        ? interactionPolicy.Check.NO_NEED_TO_PROMPT
        : interactionPolicy.Check.REQUEST_PROMPT;
    }),
  );
  policy.get('login')!.checks.add(
    new interactionPolicy.Check('scripted_user', 'the user parameter names another user', (ctx) => {
      const wanted = ctx.oidc.params?.user;
      if (typeof wanted !== 'string' || !wanted || requestState(ctx as unknown as Context).flow) {
        return interactionPolicy.Check.NO_NEED_TO_PROMPT;
      }
      const accountId = ctx.oidc.session?.accountId;
      const sessionUser = accountId ? runtime.accounts.find(accountId, undefined) : undefined;
      const directory = runtime.context.directory;
      const named = directory.get(wanted) ?? directory.findByEmail(wanted);
      return sessionUser && named && sessionUser.id === named.id
        ? interactionPolicy.Check.NO_NEED_TO_PROMPT
        : interactionPolicy.Check.REQUEST_PROMPT;
    }),
  );
  return policy;
}

function clientMetadata(clientId: string, client: OidcClientConfig): ClientMetadata {
  const grantTypes = client.grantTypes ?? defaultGrantTypes(client.responseTypes);
  return {
    client_id: clientId,
    ...(client.clientSecret ? { client_secret: client.clientSecret } : {}),
    ...(client.secretExpiresAt
      ? { client_secret_expires_at: Math.floor(Date.parse(client.secretExpiresAt) / 1000) }
      : {}),
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris,
    scope: (client.scopes ?? defaults.oidc.scopes).join(' '),
    token_endpoint_auth_method: client.tokenEndpointAuthMethod,
    ...(client.jwksUri ? { jwks_uri: client.jwksUri } : {}),
    response_types: client.responseTypes as ClientMetadata['response_types'],
    grant_types: grantTypes,
    // With a back-channel logout endpoint, id_tokens carry `sid` (§2.2), as Okta's and Auth0's do.
    ...(client.backchannelLogoutUri
      ? { backchannel_logout_uri: client.backchannelLogoutUri, backchannel_logout_session_required: true }
      : {}),
    id_token_signed_response_alg:
      client.idTokenSignedResponseAlg as ClientMetadata['id_token_signed_response_alg'],
  };
}

function defaultGrantTypes(responseTypes: readonly string[]): string[] {
  const parts = new Set(responseTypes.flatMap((t) => t.split(' ')));
  const grants: string[] = [];
  if (parts.has('code')) grants.push('authorization_code', 'refresh_token');
  if (parts.has('id_token') || parts.has('token')) grants.push('implicit');
  return grants;
}
