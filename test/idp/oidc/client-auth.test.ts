import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIdp, type TestIdp } from '../../support/idp.ts';
import {
  authorize,
  discoverRp,
  loginFormAction,
  loginWithCode,
  startJwksServer,
  startLogin,
  TestBrowser,
} from '../../support/oidc-rp.ts';

const REDIRECT = 'http://127.0.0.1:1/callback';
const AFTER_LOGOUT = 'http://127.0.0.1:1/signed-out';

/** An SP back end on loopback that records back-channel logout requests. */
async function startLogoutReceiver() {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('OIDC client authentication and response modes', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  let jwksServer: Awaited<ReturnType<typeof startJwksServer>>;
  let logoutReceiver: Awaited<ReturnType<typeof startLogoutReceiver>>;
  let issuer: string;

  beforeAll(async () => {
    jwksServer = await startJwksServer();
    logoutReceiver = await startLogoutReceiver();
    idp = await startTestIdp({
      providers: {
        op: {
          protocol: 'oidc',
          clients: {
            posting: {
              clientSecret: 'post-secret',
              redirectUris: [REDIRECT],
              tokenEndpointAuthMethod: 'client_secret_post',
            },
            signed: {
              redirectUris: [REDIRECT],
              tokenEndpointAuthMethod: 'private_key_jwt',
              jwksUri: jwksServer.url,
            },
            leaving: {
              clientSecret: 'leaving-secret',
              redirectUris: [REDIRECT],
              postLogoutRedirectUris: [AFTER_LOGOUT],
              backchannelLogoutUri: `${logoutReceiver.url}/backchannel`,
            },
            spa: {
              redirectUris: [REDIRECT],
              tokenEndpointAuthMethod: 'none',
              responseTypes: ['code', 'id_token', 'code id_token'],
            },
          },
        },
      },
      users: { alice: { email: 'alice@example.com' } },
    });
    issuer = (await idp.providers.get('op')!.info()).entityId;
  });
  afterAll(async () => {
    await idp.stop();
    await jwksServer.close();
    await logoutReceiver.close();
  });

  it('answers with form_post and the RP redeems the posted code (client_secret_post)', async () => {
    const rp = await discoverRp(issuer, 'posting', { method: 'client_secret_post', secret: 'post-secret' });
    const options = { redirectUri: REDIRECT, user: 'alice', responseMode: 'form_post' as const };
    const started = await startLogin(rp, options);
    const { callback } = await authorize(new TestBrowser(), started, options);
    expect(callback).toBeInstanceOf(Request);
    expect((callback as Request).method).toBe('POST');
    const tokens = await client.authorizationCodeGrant(rp, callback, {
      pkceCodeVerifier: started.verifier,
      expectedState: started.state,
      expectedNonce: started.nonce,
    });
    expect(tokens.claims()!.email).toBe('alice@example.com');
    const trace = idp.context.trace.list({ provider: 'op' }).find((e) => e.kind === 'authorization-response');
    expect(trace?.binding).toBe('form_post');
  });

  it('authenticates a client with private_key_jwt, its keys fetched from a jwks_uri on loopback', async () => {
    const rp = await discoverRp(issuer, 'signed', {
      method: 'private_key_jwt',
      privateKey: jwksServer.privateKey,
      kid: jwksServer.kid,
    });
    const tokens = await loginWithCode(rp, new TestBrowser(), { redirectUri: REDIRECT, user: 'alice' });
    expect(tokens.claims()!.aud).toBe('signed');
    expect(jwksServer.requests).toBeGreaterThan(0);
  });

  it('serves a public client with PKCE and the hybrid and implicit response types on http loopback', async () => {
    const rp = await discoverRp(issuer, 'spa', { method: 'none' });
    const tokens = await loginWithCode(rp, new TestBrowser(), { redirectUri: REDIRECT, user: 'alice' });
    expect(tokens.claims()!.aud).toBe('spa');

    const browser = new TestBrowser();
    const nonce = client.randomNonce();
    const implicit = client.buildAuthorizationUrl(rp, {
      redirect_uri: REDIRECT,
      response_type: 'id_token',
      scope: 'openid email',
      nonce,
      state: 'implicit-state',
    });
    const page = await browser.follow(implicit.href, REDIRECT);
    const arrived = await browser.follow(loginFormAction(page.page!), REDIRECT, {
      form: { user: 'alice', action: 'login' },
    });
    const fragment = new URLSearchParams(new URL(arrived.arrived!.url).hash.slice(1));
    expect(fragment.get('state')).toBe('implicit-state');
    const idToken = fragment.get('id_token')!;
    const payload = JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(payload).toMatchObject({ aud: 'spa', nonce, email: 'alice@example.com' });
  });

  it('delivers back-channel logout to an SP on loopback', async () => {
    const rp = await discoverRp(issuer, 'leaving', {
      method: 'client_secret_basic',
      secret: 'leaving-secret',
    });
    const browser = new TestBrowser();
    const tokens = await loginWithCode(rp, browser, { redirectUri: REDIRECT, user: 'alice' });
    const confirm = await browser.request(
      client.buildEndSessionUrl(rp, {
        id_token_hint: tokens.id_token!,
        post_logout_redirect_uri: AFTER_LOGOUT,
      }).href,
    );
    const action = /<form method="post" action="([^"]+)"/.exec(confirm.body)![1]!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.body)![1]!;
    const done = await browser.follow(action, AFTER_LOGOUT, { form: { xsrf, logout: 'yes' } });
    expect(done.arrived?.url).toBe(AFTER_LOGOUT);
    expect(logoutReceiver.bodies).toHaveLength(1);
    const logoutToken = new URLSearchParams(logoutReceiver.bodies[0]).get('logout_token')!;
    const payload = JSON.parse(Buffer.from(logoutToken.split('.')[1]!, 'base64url').toString());
    expect(payload).toMatchObject({ iss: issuer, aud: 'leaving', sub: tokens.claims()!.sub });
    expect(
      idp.context.trace.list({ provider: 'op' }).some((e) => /back-channel logout delivered/.test(e.summary)),
    ).toBe(true);
  });
});
