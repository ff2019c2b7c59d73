import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIdp, type TestIdp } from '../../support/idp.ts';
import {
  authorize,
  discoverRp,
  loginWithCode,
  startLogin,
  TestBrowser,
  textOf,
} from '../../support/oidc-rp.ts';

const REDIRECT = 'http://127.0.0.1:1/callback';

describe('OIDC bad input', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  let issuer: string;

  beforeAll(async () => {
    idp = await startTestIdp({
      providers: {
        op: { protocol: 'oidc', clients: { app: { clientSecret: 'app-secret', redirectUris: [REDIRECT] } } },
      },
      users: { alice: { email: 'alice@example.com' } },
    });
    issuer = (await idp.providers.get('op')!.info()).entityId;
  });
  afterAll(() => idp.stop());

  async function page(path: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${issuer}${path}`, {
      headers: { accept: 'text/html' },
      redirect: 'manual',
    });
    return { status: response.status, text: textOf(await response.text()) };
  }

  async function goodLoginWorks(): Promise<void> {
    const rp = await discoverRp(issuer, 'app', { method: 'client_secret_basic', secret: 'app-secret' });
    const tokens = await loginWithCode(rp, new TestBrowser(), { redirectUri: REDIRECT, user: 'alice' });
    expect(tokens.claims()!.email).toBe('alice@example.com');
  }

  it.each([
    [
      'an unknown client',
      `/authorize?client_id=nope&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(REDIRECT)}`,
      /client is invalid.*There is no client "nope" here\. Clients of this provider: app\./,
    ],
    [
      'a redirect_uri that is not registered',
      `/authorize?client_id=app&response_type=code&scope=openid&redirect_uri=${encodeURIComponent('http://evil.example/cb')}`,
      /redirect_uri did not match any of the client's registered redirect_uris.*Redirect URIs registered for app: http:\/\/127\.0\.0\.1:1\/callback/,
    ],
    [
      'a repeated parameter',
      `/authorize?client_id=app&client_id=app&response_type=code&scope=openid`,
      /'client_id' parameter must not be provided twice/,
    ],
    [
      'no client_id at all',
      '/authorize?response_type=code&scope=openid',
      /missing required parameter.*client_id/i,
    ],
  ])('refuses %s with a readable 400 page, traces it, and keeps serving', async (_name, path, message) => {
    const before = idp.context.trace.list({ provider: 'op' }).length;
    const answer = await page(path);
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(message);
    expect(answer.text).toContain('sso-harness is a test identity provider');
    const traced = idp.context.trace.list({ provider: 'op' }).slice(before);
    expect(traced.some((e) => e.kind === 'error' && e.protocol === 'oidc')).toBe(true);
    await goodLoginWorks();
  });

  it('refuses a PKCE mismatch at the token endpoint with invalid_grant', async () => {
    const rp = await discoverRp(issuer, 'app', { method: 'client_secret_basic', secret: 'app-secret' });
    const options = { redirectUri: REDIRECT, user: 'alice' };
    const started = await startLogin(rp, options);
    const { callback } = await authorize(new TestBrowser(), started, options);
    const error = await client
      .authorizationCodeGrant(rp, callback, {
        pkceCodeVerifier: client.randomPKCECodeVerifier(),
        expectedState: started.state,
        expectedNonce: started.nonce,
      })
      .then(
        () => undefined,
        (e: unknown) => e as client.ResponseBodyError,
      );
    expect(error).toBeInstanceOf(client.ResponseBodyError);
    expect(error!.status).toBe(400);
    expect(error!.error).toBe('invalid_grant');
    const traced = idp.context.trace.list({ provider: 'op' }).filter((e) => e.kind === 'error');
    expect(traced.at(-1)?.summary).toMatch(/code_verifier does not match code_challenge/);
    await goodLoginWorks();
  });

  it('refuses a token request that is not a form, and paths the provider does not serve', async () => {
    const json = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: '{"grant_type":"authorization_code"}',
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });

    const missing = await page('/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain(`discovery is at ${issuer}/.well-known/openid-configuration`);

    const wrongMethod = await fetch(`${issuer}/token`, { headers: { accept: 'text/html' } });
    expect(wrongMethod.status).toBe(405);

    const login = await page('/interaction/unknown-uid');
    expect(login.status).toBe(400);
    expect(login.text).toContain('this sign-in has expired or was already finished');
    await goodLoginWorks();
  });
});
