import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as client from 'openid-client';
import { CookieJar } from '../../runner/drivers/cookie-jar.ts';
import { findAutoPostForm } from '../../runner/drivers/html-form.ts';
import { startTestIdp } from './idp.ts';

/**
 * A relying party for tests, built on openid-client (a library nobody here wrote) with
 * id_token signature checks on, plus a cookie-jar "browser" that walks the IdP's pages
 * over plain HTTP.
 */

export type RpAuth =
  | { method: 'client_secret_basic' | 'client_secret_post'; secret: string }
  | { method: 'private_key_jwt'; privateKey: KeyObject; kid: string }
  | { method: 'none' };

/** Discovers the provider and configures the RP: http loopback allowed, signatures checked. */
export async function discoverRp(
  issuer: string,
  clientId: string,
  auth: RpAuth,
): Promise<client.Configuration> {
  const clientAuth =
    auth.method === 'client_secret_basic'
      ? client.ClientSecretBasic(auth.secret)
      : auth.method === 'client_secret_post'
        ? client.ClientSecretPost(auth.secret)
        : auth.method === 'private_key_jwt'
          ? client.PrivateKeyJwt({ key: await toCryptoKey(auth.privateKey), kid: auth.kid })
          : client.None();
  return client.discovery(new URL(issuer), clientId, undefined, clientAuth, {
    execute: [client.allowInsecureRequests, client.enableNonRepudiationChecks],
  });
}

async function toCryptoKey(key: KeyObject): Promise<CryptoKey> {
  return key.toCryptoKey({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, [
    'sign',
  ]) as unknown as CryptoKey;
}

export interface BrowserResponse {
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

/**
 * Follows redirects and auto-posting forms like a browser without JavaScript would,
 * keeping cookies, and stops as soon as it is sent to `stopAt` (the RP's redirect URI,
 * which no server needs to answer).
 */
export class TestBrowser {
  readonly jar = new CookieJar();

  async request(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<BrowserResponse> {
    const target = new URL(url);
    const headers = new Headers({ accept: 'text/html' });
    const cookie = this.jar.header(target);
    if (cookie) headers.set('cookie', cookie);
    let body: string | undefined;
    if (init.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(target, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    this.jar.store(target, response.headers.getSetCookie());
    return {
      url: target.href,
      status: response.status,
      headers: response.headers,
      body: await response.text(),
    };
  }

  /**
   * Requests `url` and follows redirects and auto-posted forms. Returns the last page, or
   * the request that would have gone to `stopAt` (as `{ url, form }`).
   */
  async follow(
    url: string,
    stopAt: string,
    init: { form?: Record<string, string> } = {},
  ): Promise<{ page?: BrowserResponse; arrived?: { url: string; form?: Record<string, string> } }> {
    let next: { url: string; form?: Record<string, string> } | undefined = { url, ...init };
    for (let hops = 0; hops < 20 && next; hops++) {
      if (next.url.startsWith(stopAt)) return { arrived: next };
      const page = await this.request(next.url, next.form ? { form: next.form } : {});
      const location = page.headers.get('location');
      if (page.status >= 300 && page.status < 400 && location) {
        next = { url: new URL(location, page.url).href };
        continue;
      }
      const form = page.status === 200 ? findAutoPostForm(page.body, page.url) : undefined;
      if (form && form.method === 'POST') {
        next = { url: form.action, form: form.fields };
        continue;
      }
      return { page };
    }
    throw new Error(`too many redirects starting at ${url}`);
  }
}

export interface LoginOptions {
  redirectUri: string;
  scope?: string;
  /** User to pick on the login page (directory id); undefined when a flow logs in without the page. */
  user?: string;
  responseMode?: 'query' | 'form_post';
  extra?: Record<string, string>;
}

export interface StartedLogin {
  url: URL;
  verifier: string;
  state: string;
  nonce: string;
}

/** An authorization URL for the code flow with PKCE (S256), state and nonce. */
export async function startLogin(config: client.Configuration, options: LoginOptions): Promise<StartedLogin> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: options.redirectUri,
    scope: options.scope ?? 'openid profile email',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...(options.responseMode ? { response_mode: options.responseMode } : {}),
    ...options.extra,
  });
  return { url, verifier, state, nonce };
}

/**
 * Walks the browser part of a login: the authorization request, the login page (picks
 * `options.user`), the redirect back. Returns what arrived at the redirect URI, as the
 * `Request` openid-client takes (a GET URL, or a form_post POST).
 */
export async function authorize(
  browser: TestBrowser,
  started: StartedLogin,
  options: LoginOptions,
): Promise<{ callback: URL | Request; page?: BrowserResponse }> {
  let result = await browser.follow(started.url.href, options.redirectUri);
  if (!result.arrived && result.page && options.user !== undefined && isLoginPage(result.page)) {
    result = await browser.follow(loginFormAction(result.page), options.redirectUri, {
      form: { user: options.user, action: 'login' },
    });
  }
  if (!result.arrived) return { callback: new URL('about:blank'), page: result.page };
  const { url, form } = result.arrived;
  if (!form) return { callback: new URL(url) };
  return {
    callback: new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    }),
  };
}

/** The whole code flow: authorize in the browser, then redeem the code at the token endpoint. */
export async function loginWithCode(
  config: client.Configuration,
  browser: TestBrowser,
  options: LoginOptions,
) {
  const started = await startLogin(config, options);
  const { callback, page } = await authorize(browser, started, options);
  if (page) throw new Error(`the login stopped at ${page.url} (HTTP ${page.status}): ${textOf(page.body)}`);
  return client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: started.verifier,
    expectedState: started.state,
    expectedNonce: started.nonce,
    idTokenExpected: true,
  });
}

export function isLoginPage(page: BrowserResponse): boolean {
  return /<form method="post" action="[^"]*\/interaction\//.test(page.body);
}

export function loginFormAction(page: BrowserResponse): string {
  const action = /<form method="post" action="([^"]+)"/.exec(page.body)?.[1];
  if (!action) throw new Error(`no form on ${page.url}`);
  return new URL(action.replace(/&amp;/g, '&'), page.url).href;
}

/** The visible text of a page, for assertion messages. */
export function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An RSA key pair for private_key_jwt and a server publishing its JWKS on 127.0.0.1. */
export async function startJwksServer(): Promise<{
  privateKey: KeyObject;
  kid: string;
  url: string;
  requests: number;
  close(): Promise<void>;
}> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'rp-key-1';
  const jwks = JSON.stringify({
    keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }],
  });
  const state = { requests: 0 };
  const server: Server = createServer((_req, res) => {
    state.requests++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    privateKey,
    kid,
    url: `http://127.0.0.1:${port}/jwks.json`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface PersonaLogin {
  issuer: string;
  claims: Record<string, unknown>;
  userinfo: Record<string, unknown>;
  /** A second login of the same user, for stability checks. */
  again: Record<string, unknown>;
}

/**
 * Logs `user` in through a real RP at a provider `op` configured as given (persona and
 * its settings) and returns what the RP received: id_token claims and userinfo.
 */
export async function loginThroughPersona(
  provider: Record<string, unknown>,
  users: Record<string, Record<string, unknown>>,
  user: string,
  scope = 'openid profile email groups',
): Promise<PersonaLogin> {
  const redirectUri = 'http://127.0.0.1:1/callback';
  const idp = await startTestIdp({
    providers: {
      op: {
        protocol: 'oidc',
        ...provider,
        clients: { app: { clientSecret: 'app-secret', redirectUris: [redirectUri] } },
      } as never,
    },
    users: users as never,
  });
  try {
    const issuer = (await idp.providers.get('op')!.info()).entityId;
    const rp = await discoverRp(issuer, 'app', { method: 'client_secret_basic', secret: 'app-secret' });
    const tokens = await loginWithCode(rp, new TestBrowser(), { redirectUri, scope, user });
    const claims = tokens.claims() as Record<string, unknown>;
    const userinfo = (await client.fetchUserInfo(rp, tokens.access_token, String(claims.sub))) as Record<
      string,
      unknown
    >;
    const again = (
      await loginWithCode(rp, new TestBrowser(), { redirectUri, scope, user })
    ).claims() as Record<string, unknown>;
    return { issuer, claims, userinfo, again };
  } finally {
    await idp.stop();
  }
}
