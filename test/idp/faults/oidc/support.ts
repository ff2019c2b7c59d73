import { compactVerify, createLocalJWKSet, decodeJwt, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import * as client from 'openid-client';
import {
  compileHooks,
  faultRegistry,
  needsExclusiveProvider,
  resolveFaults,
} from '../../../../idp/faults/index.ts';
import { type FaultRef, FLOW_COOKIE, type Flow } from '../../../../idp/flows.ts';
import { startTestIdp, type TestIdp } from '../../../support/idp.ts';
import { authorize, discoverRp, startLogin, TestBrowser } from '../../../support/oidc-rp.ts';

export const REDIRECT = 'http://127.0.0.1:1/callback';
export const CLIENT = { id: 'app', secret: 'app-secret' };
export const ENTRA_TENANT = '33333333-3333-4333-8333-333333333333';

/** An IdP with a generic OIDC provider (`op`) and an Entra one (`entra`), one client each. */
export async function startFaultIdp(): Promise<TestIdp & { stop(): Promise<void> }> {
  const clients = {
    [CLIENT.id]: {
      clientSecret: CLIENT.secret,
      redirectUris: [REDIRECT],
      scopes: ['openid', 'email', 'profile', 'groups'],
    },
  };
  return startTestIdp({
    providers: {
      op: { protocol: 'oidc', clients },
      entra: { protocol: 'oidc', persona: 'entra', tenantId: ENTRA_TENANT, clients },
    },
    users: {
      alice: { email: 'alice@example.com', groups: ['staff', 'admins'] },
    },
  });
}

export interface FaultedLogin {
  flow: Flow;
  rp: client.Configuration;
  issuer: string;
  /** Where the IdP sent the browser back (URL with the query, or the form_post fields). */
  callback: URL | Request;
  /** The token endpoint's raw answer. */
  token?: { status: number; body: Record<string, unknown> };
  tokens?: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
  /** What openid-client refused, if it did. */
  error?: unknown;
  /** The raw id_token, decoded. */
  idToken?: { header: Record<string, unknown>; payload: Record<string, unknown>; compact: string };
}

/**
 * Logs alice in through a real openid-client RP while a flow runs the given faults (the
 * registry compiles them, as a scenario run does). The flow stays alive until `end()`.
 */
export async function loginWithFaults(
  idp: TestIdp,
  faults: FaultRef[],
  provider: 'op' | 'entra' = 'op',
): Promise<FaultedLogin & { end(): void }> {
  const resolved = resolveFaults(faults, faultRegistry, 'oidc');
  const flow = idp.context.flows.create(
    {
      providerId: provider,
      user: idp.context.directory.get('alice'),
      faults,
      exclusive: needsExclusiveProvider(resolved),
    },
    compileHooks(resolved, { connections: {}, connection: undefined }),
  );
  const end = () => idp.context.flows.remove(flow.id);
  try {
    const issuer = (await idp.providers.get(provider)!.info()).entityId;
    const rp = await discoverRp(issuer, CLIENT.id, { method: 'client_secret_basic', secret: CLIENT.secret });
    const result: FaultedLogin = { flow, rp, issuer, callback: new URL('about:blank') };
    const tokenEndpoint = rp.serverMetadata().token_endpoint;
    rp[client.customFetch] = async (url, options) => {
      const response = await fetch(url, options as RequestInit);
      if (url === tokenEndpoint) {
        const body = (await response.clone().json()) as Record<string, unknown>;
        result.token = { status: response.status, body };
        if (typeof body.id_token === 'string') {
          result.idToken = {
            header: decodeProtectedHeader(body.id_token) as Record<string, unknown>,
            payload: decodeJwt(body.id_token) as Record<string, unknown>,
            compact: body.id_token,
          };
        }
      }
      return response;
    };
    const browser = new TestBrowser();
    browser.jar.set(new URL(issuer), FLOW_COOKIE, flow.id);
    const options = { redirectUri: REDIRECT, scope: 'openid email profile groups' };
    const started = await startLogin(rp, options);
    const { callback, page } = await authorize(browser, started, options);
    if (page) throw new Error(`the login stopped at ${page.url} (HTTP ${page.status})`);
    result.callback = callback;
    try {
      result.tokens = await client.authorizationCodeGrant(rp, callback, {
        pkceCodeVerifier: started.verifier,
        expectedState: started.state,
        expectedNonce: started.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      result.error = error;
    }
    return { ...result, end };
  } catch (error) {
    end();
    throw error;
  }
}

/** The authorization response's parameters, as the RP received them. */
export async function callbackParams(callback: URL | Request): Promise<Record<string, string>> {
  if (callback instanceof URL) return Object.fromEntries(callback.searchParams);
  return Object.fromEntries(new URLSearchParams(await callback.clone().text()));
}

/** Verifies a compact JWS against the provider's JWKS as served now; the error message, or undefined. */
export async function verifyAgainstJwks(issuer: string, compact: string): Promise<string | undefined> {
  const jwks = (await (await fetch(`${issuer}/jwks`)).json()) as JSONWebKeySet;
  try {
    await compactVerify(compact, createLocalJWKSet(jwks));
    return undefined;
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

/** An error with its causes, as text (openid-client nests the reason). */
export function explain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof Error) parts.push(current.message);
    const { cause, code, attribute, claim } = current as Record<string, unknown>;
    for (const extra of [code, attribute, claim]) if (typeof extra === 'string') parts.push(extra);
    current = cause;
  }
  return parts.join(' | ');
}
