import { decodeJwt, decodeProtectedHeader } from 'jose';
import * as client from 'openid-client';
import type { SpContext } from '../context.ts';
import { LoginRefused } from '../errors.ts';
import type { LaxName } from '../lax.ts';
import type { AssertedIdentity } from '../policy.ts';
import type { PendingOidc } from '../session.ts';
import { type IdTokenEvidence, idTokenChecks, TENANT_PLACEHOLDER } from './checks.ts';
import { isJwe, type OidcProviders, type OidcSettings } from './provider.ts';
import { type OidcRefresh, refreshOf } from './refresh.ts';

/** Lax switches whose check openid-client also makes: with one of them on, it must not see the id_token. */
const LIBRARY_CHECKED: readonly LaxName[] = [
  'nonce',
  'oidc-issuer',
  'oidc-audience',
  'azp',
  'clock-skew',
  'alg-none',
  'hs-confusion',
  'jwt-header-key',
  'kid-injection',
  'psychic-signature',
  'alg-unknown',
  'crit',
  'jwt-typ',
  'claims-required',
  'at-hash',
];
const PENDING_TTL_MS = 10 * 60_000;

export interface OidcLogin {
  identity: AssertedIdentity;
  idToken: string;
  returnTo: string;
  /** When the IdP issued a refresh token (offline_access). */
  refresh?: OidcRefresh | undefined;
}

/**
 * The redirect URI: state and RFC 9207 iss, then the code exchange (openid-client, with
 * PKCE and client authentication), then the id_token checks, then userinfo.
 */
export async function completeOidcLogin(
  sp: SpContext,
  providers: OidcProviders,
  settings: OidcSettings,
  pending: PendingOidc | undefined,
  currentUrl: URL,
): Promise<OidcLogin> {
  const connection = settings.connection;
  const refuse = (reason: ConstructorParameters<typeof LoginRefused>[0], message: string, cause?: unknown) =>
    new LoginRefused(reason, message, { connection, cause });
  const params = currentUrl.searchParams;

  if (!pending || sp.now() - pending.startedAt > PENDING_TTL_MS) {
    throw refuse(
      'login-expired',
      'no login through this connection was started in this browser session (or it expired); start again',
    );
  }
  if (params.get('error') && sp.lax.has('oidc-status') && params.get('code')) {
    for (const name of ['error', 'error_description', 'error_uri']) params.delete(name);
  }
  if (params.get('error')) {
    throw refuse(
      'idp-error',
      `the IdP refused the login: ${params.get('error')}${params.get('error_description') ? ` (${params.get('error_description')})` : ''}`,
    );
  }
  if (params.get('state') !== pending.state && !sp.lax.has('state')) {
    throw refuse(
      'state',
      params.get('state')
        ? 'the state does not match the one this login sent'
        : 'the authorization response has no state',
    );
  }

  let meta = await providers.metadata(settings);
  const iss = params.get('iss');
  const multiTenant = settings.config.issuer.includes(TENANT_PLACEHOLDER);
  if (!sp.lax.has('auth-response-iss')) {
    // A {tenantid} issuer: the response names the user's tenant, one of those served.
    const issOk = (value: string) =>
      multiTenant
        ? (settings.config.tenantIds ?? []).some(
            (tid) => value === settings.config.issuer.replace(TENANT_PLACEHOLDER, tid),
          )
        : value === meta.issuer;
    if (iss !== null && !issOk(iss))
      throw refuse('auth-response-iss', `the authorization response comes from ${iss}, not ${meta.issuer}`);
    if (iss === null && meta.authorization_response_iss_parameter_supported) {
      throw refuse(
        'auth-response-iss',
        'the IdP promises an iss parameter (RFC 9207) but the authorization response has none',
      );
    }
  }
  if (sp.lax.has('auth-response-iss') || multiTenant) {
    // openid-client compares iss with the discovery issuer, which here is a template.
    params.delete('iss');
    meta = { ...meta, authorization_response_iss_parameter_supported: false };
  }

  // openid-client takes iss from discovery: a {tenantid} template is checked here instead.
  const hideIdToken = multiTenant || LIBRARY_CHECKED.some((name) => sp.lax.has(name));
  let rawTokenResponse: Record<string, unknown> | undefined;
  let undecryptable: string | undefined;
  const capture: typeof fetch = async (input, init) => {
    let response = await fetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!response.ok && sp.lax.has('oidc-status')) response = await errorIgnored(response, url, meta);
    if (url !== meta.token_endpoint || !response.ok) return response;
    const body = (await response.json()) as Record<string, unknown>;
    if (typeof body.id_token === 'string' && isJwe(body.id_token)) {
      // A nested JWT (OIDC Core §10.2): the library sees only the signed token inside.
      try {
        body.id_token = await providers.decryptIdToken(body.id_token);
      } catch (error) {
        undecryptable = describe(error);
        delete body.id_token;
      }
    }
    rawTokenResponse = body;
    const seen = hideIdToken ? { ...body, id_token: undefined } : body;
    return new Response(JSON.stringify(seen), { status: response.status, headers: response.headers });
  };
  const configuration = providers.configuration(settings, meta, capture);

  let tokens: client.TokenEndpointResponse | undefined;
  let libraryError: unknown;
  try {
    tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: sp.lax.has('state') ? client.skipStateCheck : pending.state,
      ...(hideIdToken ? {} : { expectedNonce: pending.nonce, idTokenExpected: true }),
    });
  } catch (error) {
    if (!rawTokenResponse) throw tokenError(error, connection);
    libraryError = error;
  }

  const idToken = rawTokenResponse?.id_token;
  if (typeof idToken !== 'string') {
    const accessToken = rawTokenResponse?.access_token;
    if (sp.lax.has('id-token-required') && typeof accessToken === 'string') {
      return plainOAuthLogin(configuration, settings, accessToken, pending.returnTo, sp.lax);
    }
    if (undecryptable) {
      throw refuse('response-invalid', `the id_token is a JWE this SP cannot decrypt (${undecryptable})`);
    }
    throw refuse('response-invalid', 'the token response has no id_token');
  }
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(idToken) as Record<string, unknown>;
    claims = decodeJwt(idToken) as Record<string, unknown>;
  } catch (error) {
    throw refuse('response-invalid', `the id_token is not a JWT: ${String(error)}`, error);
  }

  const evidence: IdTokenEvidence = {
    settings,
    idToken,
    header,
    claims,
    expectedNonce: pending.nonce,
    accessToken:
      typeof rawTokenResponse?.access_token === 'string' ? rawTokenResponse.access_token : undefined,
    now: sp.now(),
    skewSeconds: sp.skewSeconds,
    maxAgeSeconds: sp.maxAgeSeconds,
    keys: (refresh) => providers.keys(settings, meta, refresh),
    lax: sp.lax,
  };
  for (const check of idTokenChecks) {
    if (sp.lax.has(check.lax)) continue;
    const failure = await check.run(evidence);
    if (failure) throw refuse(check.lax, failure);
  }
  if ((typeof claims.sub !== 'string' || !claims.sub) && sp.lax.has('claims-required')) {
    claims = { ...claims, sub: claims.email };
  }
  if (typeof claims.sub !== 'string' || !claims.sub)
    throw refuse('subject-missing', 'the id_token has no sub');
  if (libraryError) {
    throw refuse(
      'response-invalid',
      `openid-client refused the token response: ${describe(libraryError)}`,
      libraryError,
    );
  }

  let profile: Record<string, unknown> = { ...claims };
  const verifiedFlags = [claims.email_verified];
  if (settings.config.userinfo && tokens?.access_token) {
    try {
      const info = await client.fetchUserInfo(
        configuration,
        tokens.access_token,
        sp.lax.has('userinfo-sub') ? client.skipSubjectCheck : claims.sub,
      );
      profile = { ...profile, ...info };
      verifiedFlags.push(info.email_verified);
    } catch (error) {
      if (comparedAttribute(error) === 'sub') {
        throw refuse('userinfo-sub', "the userinfo sub is not the id_token sub (another user's data)", error);
      }
      throw refuse('idp-unreachable', `the userinfo endpoint failed: ${describe(error)}`, error);
    }
  }

  return {
    idToken,
    returnTo: pending.returnTo,
    identity: identityOf(settings, claims.sub, claims, profile, verifiedFlags, sp.lax),
    refresh: refreshOf(rawTokenResponse, sp.now(), claims.sub, String(claims.iss)),
  };
}

/** Who logged in, from the id_token's claims and the merged profile (id_token and userinfo). */
function identityOf(
  settings: OidcSettings,
  subject: string,
  claims: Record<string, unknown>,
  profile: Record<string, unknown>,
  verifiedFlags: unknown[],
  lax: ReadonlySet<LaxName>,
): AssertedIdentity {
  const connection = settings.connection;
  const claimNames = {
    email: 'email',
    groups: 'groups',
    externalId: 'external_id',
    ...settings.config.claims,
  };
  const email =
    typeof profile[claimNames.email] === 'string' ? (profile[claimNames.email] as string) : undefined;
  // Verified only if some source says so and none says otherwise.
  const flags = verifiedFlags.filter((f) => f !== undefined);
  const verified = flags.length > 0 && flags.every((f) => f === true || f === 'true');
  const trust = settings.config.emailTrust ?? 'verified';
  if (trust === 'verified' && email && !verified && !lax.has('email-verified')) {
    throw new LoginRefused(
      'email-verified',
      `the IdP has not verified ${email} (email_verified is ${String(flags.find((f) => f !== true && f !== 'true') ?? 'absent')})`,
      { connection },
    );
  }
  const groups = profile[claimNames.groups];
  return {
    connection,
    subject,
    oid: typeof claims.oid === 'string' ? claims.oid : undefined,
    externalId:
      typeof profile[claimNames.externalId] === 'string'
        ? (profile[claimNames.externalId] as string)
        : undefined,
    email,
    emailTrusted: trust === 'always' || (trust === 'verified' && (verified || lax.has('email-verified'))),
    groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
  };
}

/**
 * Lax (`id-token-required`): a token response without an id_token, taken as a login
 * anyway, with whoever userinfo says the access token belongs to (plain OAuth 2.0).
 */
async function plainOAuthLogin(
  configuration: client.Configuration,
  settings: OidcSettings,
  accessToken: string,
  returnTo: string,
  lax: ReadonlySet<LaxName>,
): Promise<OidcLogin> {
  let info: Record<string, unknown>;
  try {
    info = await client.fetchUserInfo(configuration, accessToken, client.skipSubjectCheck);
  } catch (error) {
    throw new LoginRefused('idp-unreachable', `the userinfo endpoint failed: ${describe(error)}`, {
      connection: settings.connection,
      cause: error,
    });
  }
  if (typeof info.sub !== 'string' || !info.sub) {
    throw new LoginRefused('subject-missing', 'userinfo has no sub', { connection: settings.connection });
  }
  return {
    idToken: '',
    returnTo,
    identity: identityOf(settings, info.sub, info, info, [info.email_verified], lax),
  };
}

/**
 * Lax (`oidc-status`): a token or userinfo answer with an error status that still carries
 * tokens or claims, handed on as if it were a success.
 */
async function errorIgnored(response: Response, url: string, meta: client.ServerMetadata): Promise<Response> {
  if (url !== meta.token_endpoint && url !== meta.userinfo_endpoint) return response;
  let body: Record<string, unknown>;
  try {
    body = (await response.clone().json()) as Record<string, unknown>;
  } catch {
    return response;
  }
  const carries =
    url === meta.token_endpoint ? typeof body.access_token === 'string' : typeof body.sub === 'string';
  if (!carries) return response;
  const { error: _e, error_description: _d, error_uri: _u, ...rest } = body;
  const headers = new Headers(response.headers);
  headers.delete('www-authenticate');
  headers.delete('content-length');
  return new Response(JSON.stringify(rest), { status: 200, headers });
}

/** A failed code exchange, said plainly: a bad or expired client secret is the usual cause. */
function tokenError(error: unknown, connection: string): LoginRefused {
  if (error instanceof client.ResponseBodyError) {
    const description = error.error_description ? `: ${error.error_description}` : '';
    if (error.error === 'invalid_client' || error.status === 401) {
      return new LoginRefused(
        'client-secret',
        `the IdP refused this SP's client credentials (${error.error}${description}); the client secret is wrong or expired`,
        { status: 502, connection, cause: error },
      );
    }
    return new LoginRefused('token-error', `the token endpoint answered ${error.error}${description}`, {
      status: 502,
      connection,
      cause: error,
    });
  }
  return new LoginRefused('token-error', `the code exchange failed: ${describe(error)}`, {
    status: 502,
    connection,
    cause: error,
  });
}

/** The attribute an oauth4webapi comparison failed on (e.g. userinfo "sub"). */
function comparedAttribute(error: unknown): unknown {
  const cause = (error as { cause?: { attribute?: unknown; cause?: { attribute?: unknown } } }).cause;
  return cause?.attribute ?? cause?.cause?.attribute;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const extra =
    cause && typeof cause === 'object' && 'attribute' in cause
      ? ` "${String((cause as { attribute: unknown }).attribute)}"`
      : '';
  return `${error.message}${extra}`;
}
