import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIdp, type TestIdp } from '../../support/idp.ts';
import {
  discoverRp,
  isLoginPage,
  loginFormAction,
  loginWithCode,
  startLogin,
  TestBrowser,
  textOf,
} from '../../support/oidc-rp.ts';

const REDIRECT = 'http://127.0.0.1:1/callback';
const AFTER_LOGOUT = 'http://127.0.0.1:1/signed-out';

describe('OIDC code flow with a real RP (openid-client)', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  let issuer: string;
  let openIdp: TestIdp & { stop(): Promise<void> };

  beforeAll(async () => {
    idp = await startTestIdp({
      providers: {
        op: {
          protocol: 'oidc',
          displayName: 'Test OP',
          clients: {
            app: {
              clientSecret: 'app-secret',
              redirectUris: [REDIRECT],
              postLogoutRedirectUris: [AFTER_LOGOUT],
            },
          },
        },
      },
      users: {
        alice: {
          email: 'alice@example.com',
          givenName: 'Alice',
          familyName: 'Admin',
          externalId: 'E-1001',
          groups: ['admins', 'engineering'],
          attributes: { department: 'R&D', costCenters: ['100', '200'] },
        },
        bob: { email: 'bob@example.com', givenName: 'Bob' },
      },
    });
    openIdp = await startTestIdp({
      providers: {
        open: {
          protocol: 'oidc',
          allowUnknownUsers: true,
          clients: { app: { clientSecret: 'app-secret', redirectUris: [REDIRECT] } },
        },
      },
    });
    issuer = (await idp.providers.get('op')!.info()).entityId;
  });
  afterAll(async () => {
    await idp.stop();
    await openIdp.stop();
  });

  it('logs in with PKCE, reads userinfo, refreshes and logs out', async () => {
    const rp = await discoverRp(issuer, 'app', { method: 'client_secret_basic', secret: 'app-secret' });
    const browser = new TestBrowser();
    const tokens = await loginWithCode(rp, browser, {
      redirectUri: REDIRECT,
      scope: 'openid profile email groups offline_access',
      user: 'alice',
    });

    const claims = tokens.claims()!;
    expect(claims.iss).toBe(issuer);
    expect(claims.aud).toBe('app');
    expect(claims).toMatchObject({
      email: 'alice@example.com',
      email_verified: true,
      given_name: 'Alice',
      family_name: 'Admin',
      name: 'Alice Admin',
      external_id: 'E-1001',
      groups: ['admins', 'engineering'],
      department: 'R&D',
      costCenters: ['100', '200'],
    });
    expect(tokens.refresh_token).toBeTruthy();

    const userinfo = await client.fetchUserInfo(rp, tokens.access_token, claims.sub);
    expect(userinfo).toMatchObject({
      sub: claims.sub,
      email: 'alice@example.com',
      groups: ['admins', 'engineering'],
    });

    const refreshed = await client.refreshTokenGrant(rp, tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.claims()?.sub).toBe(claims.sub);

    // A second login in the same browser needs no page: the session is there.
    const again = await loginWithCode(rp, browser, { redirectUri: REDIRECT, scope: 'openid email' });
    expect(again.claims()?.sub).toBe(claims.sub);

    const logoutUrl = client.buildEndSessionUrl(rp, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: AFTER_LOGOUT,
      state: 'bye',
    });
    // Without a flow a person confirms the logout.
    const confirm = await browser.request(logoutUrl.href);
    expect(confirm.status).toBe(200);
    expect(textOf(confirm.body)).toContain('Sign out of Test OP?');
    const action = /<form method="post" action="([^"]+)"/.exec(confirm.body)![1]!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.body)![1]!;
    const done = await browser.follow(action, AFTER_LOGOUT, { form: { xsrf, logout: 'yes' } });
    expect(done.arrived?.url).toBe(`${AFTER_LOGOUT}?state=bye`);

    // Logged out: the next login shows the login page again.
    const { url } = await startLogin(rp, { redirectUri: REDIRECT });
    const page = await browser.follow(url.href, REDIRECT);
    expect(page.page && isLoginPage(page.page)).toBe(true);

    const kinds = idp.context.trace.list({ provider: 'op' }).map((e) => e.kind);
    for (const kind of [
      'authorization',
      'interaction',
      'authorization-response',
      'token',
      'userinfo',
      'logout',
    ]) {
      expect(kinds).toContain(kind);
    }
    const tokenTrace = idp.context.trace
      .list({ provider: 'op' })
      .find((e) => e.kind === 'token' && e.direction === 'in');
    expect(tokenTrace?.decoded).not.toContain('app-secret');
    const responseTrace = idp.context.trace
      .list({ provider: 'op' })
      .find((e) => e.kind === 'token' && e.direction === 'out');
    expect(responseTrace?.decoded).toContain('"alg": "RS256"');
    expect(responseTrace?.decoded).not.toContain(tokens.access_token);
  });

  it('refuses an RP-initiated logout to an unregistered post_logout_redirect_uri, naming the registered ones', async () => {
    const rp = await discoverRp(issuer, 'app', { method: 'client_secret_basic', secret: 'app-secret' });
    const browser = new TestBrowser();
    await loginWithCode(rp, browser, { redirectUri: REDIRECT, user: 'alice' });
    for (const elsewhere of ['https://attacker.example/', `${AFTER_LOGOUT}/`]) {
      const logoutUrl = client.buildEndSessionUrl(rp, {
        post_logout_redirect_uri: elsewhere,
        client_id: 'app',
        state: 'bye',
      });
      const refused = await browser.request(logoutUrl.href);
      expect(refused.status).toBe(400);
      expect(textOf(refused.body)).toContain(`Post-logout redirect URIs registered for app: ${AFTER_LOGOUT}`);
      expect(refused.headers.get('location')).toBeNull();
    }
  });

  it('shows the login page and refuses an unknown user, and cancelling sends access_denied', async () => {
    const rp = await discoverRp(issuer, 'app', { method: 'client_secret_basic', secret: 'app-secret' });
    const browser = new TestBrowser();
    const started = await startLogin(rp, { redirectUri: REDIRECT });
    const first = await browser.follow(started.url.href, REDIRECT);
    expect(first.page && isLoginPage(first.page)).toBe(true);
    const action = loginFormAction(first.page!);

    const refused = await browser.request(action, {
      form: { email: 'mallory@evil.example', action: 'login' },
    });
    expect(refused.status).toBe(403);
    expect(textOf(refused.body)).toContain('mallory@evil.example is not a user of this identity provider');

    const cancelled = await browser.follow(action, REDIRECT, { form: { action: 'cancel' } });
    const callback = new URL(cancelled.arrived!.url);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(started.state);
  });

  it('logs in an email typed on the login page, with attributes added there, when unknown users are allowed', async () => {
    const openIssuer = (await openIdp.providers.get('open')!.info()).entityId;
    const rp = await discoverRp(openIssuer, 'app', { method: 'client_secret_basic', secret: 'app-secret' });
    const browser = new TestBrowser();
    const started = await startLogin(rp, { redirectUri: REDIRECT });
    const first = await browser.follow(started.url.href, REDIRECT);
    const arrived = await browser.follow(loginFormAction(first.page!), REDIRECT, {
      form: { email: 'walk-in@partner.example', attributes: 'tier=gold\ntier=silver', action: 'login' },
    });
    expect(arrived.arrived).toBeDefined();
    const tokens = await client.authorizationCodeGrant(rp, new URL(arrived.arrived!.url), {
      pkceCodeVerifier: started.verifier,
      expectedState: started.state,
      expectedNonce: started.nonce,
    });
    // tier is declared nowhere: the id_token was signed again, with the provider's key.
    expect(tokens.claims()).toMatchObject({ email: 'walk-in@partner.example', tier: ['gold', 'silver'] });
    const userinfo = await client.fetchUserInfo(rp, tokens.access_token, tokens.claims()!.sub);
    expect(userinfo.tier).toEqual(['gold', 'silver']);
  });
});
