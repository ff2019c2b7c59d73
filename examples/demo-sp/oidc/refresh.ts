import { compactVerify, createLocalJWKSet, decodeJwt } from 'jose';
import * as client from 'openid-client';
import type { SpContext } from '../context.ts';
import { LoginRefused } from '../errors.ts';
import { isJwe, type OidcProviders, type OidcSettings } from './provider.ts';

/** What an OIDC session keeps to refresh its tokens, and whom its login named. */
export interface OidcRefresh {
  refreshToken: string;
  /** When the access token expires (ms since the epoch); undefined: the IdP did not say. */
  accessExpiresAt: number | undefined;
  /** The login's id_token sub and iss: a refreshed id_token must name the same (OIDC Core §12.2). */
  subject: string;
  issuer: string;
}

/** The refresh state of a token response that carries a refresh_token, or undefined. */
export function refreshOf(
  body: Record<string, unknown> | undefined,
  now: number,
  subject: string,
  issuer: string,
): OidcRefresh | undefined {
  if (typeof body?.refresh_token !== 'string') return undefined;
  return { refreshToken: body.refresh_token, accessExpiresAt: expiryOf(body, now), subject, issuer };
}

function expiryOf(body: Record<string, unknown>, now: number): number | undefined {
  return typeof body.expires_in === 'number' ? now + body.expires_in * 1000 : undefined;
}

/**
 * Uses the refresh token, as an RP does when its access token has expired, and checks a
 * refreshed id_token: signed by the IdP, and naming the same iss and sub as the login
 * (OIDC Core §12.2). Returns the new refresh state and id_token.
 *
 * @throws LoginRefused `token-error` (the IdP refused), `id-token-signature`, `refresh-identity`.
 */
export async function refreshOidcLogin(
  sp: SpContext,
  providers: OidcProviders,
  settings: OidcSettings,
  refresh: OidcRefresh,
): Promise<{ refresh: OidcRefresh; idToken: string | undefined }> {
  const connection = settings.connection;
  const meta = await providers.metadata(settings);
  let raw: Record<string, unknown> | undefined;
  // The library is not shown the id_token: it would check iss/aud/exp but never sub against the login.
  const capture: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url !== meta.token_endpoint || !response.ok) return response;
    raw = (await response.json()) as Record<string, unknown>;
    return new Response(JSON.stringify({ ...raw, id_token: undefined }), {
      status: response.status,
      headers: response.headers,
    });
  };
  try {
    await client.refreshTokenGrant(providers.configuration(settings, meta, capture), refresh.refreshToken);
  } catch (error) {
    throw new LoginRefused('token-error', `the IdP refused the refresh token: ${String(error)}`, {
      connection,
      cause: error,
    });
  }
  const next: OidcRefresh = {
    ...refresh,
    refreshToken: typeof raw?.refresh_token === 'string' ? raw.refresh_token : refresh.refreshToken,
    accessExpiresAt: raw ? expiryOf(raw, sp.now()) : undefined,
  };
  if (typeof raw?.id_token !== 'string') return { refresh: next, idToken: undefined };
  const idToken = isJwe(raw.id_token) ? await providers.decryptIdToken(raw.id_token) : raw.id_token;
  try {
    const keys = createLocalJWKSet(await providers.keys(settings, meta, false));
    await compactVerify(idToken, keys, { algorithms: ['RS256', 'ES256'] });
  } catch (error) {
    throw new LoginRefused('id-token-signature', `the refreshed id_token does not verify: ${String(error)}`, {
      connection,
      cause: error,
    });
  }
  const claims = decodeJwt(idToken);
  if (!sp.lax.has('refresh-identity')) {
    if (claims.iss !== refresh.issuer) {
      throw new LoginRefused(
        'refresh-identity',
        `the refreshed id_token comes from ${String(claims.iss)}, not ${refresh.issuer} as at login`,
        { connection },
      );
    }
    if (claims.sub !== refresh.subject) {
      throw new LoginRefused(
        'refresh-identity',
        `the refreshed id_token names the subject ${String(claims.sub)}, not ${refresh.subject} as at login`,
        { connection },
      );
    }
  }
  return { refresh: next, idToken };
}
