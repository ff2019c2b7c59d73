import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIdp, type TestIdp } from '../../support/idp.ts';
import {
  authorize,
  discoverRp,
  loginWithCode,
  startJwksServer,
  startLogin,
  TestBrowser,
} from '../../support/oidc-rp.ts';

const REDIRECT = 'http://127.0.0.1:1/callback';

describe('OIDC client authentication and response modes', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  let jwksServer: Awaited<ReturnType<typeof startJwksServer>>;
  let issuer: string;

  beforeAll(async () => {
    jwksServer = await startJwksServer();
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
    const login = await import('../../support/oidc-rp.ts');
    const arrived = await browser.follow(login.loginFormAction(page.page!), REDIRECT, {
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
});
