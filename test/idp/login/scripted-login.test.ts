import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_COOKIE } from '../../../idp/flows.ts';
import { startTestIdp, type TestIdp } from '../../support/idp.ts';
import {
  authorize,
  discoverRp,
  isLoginPage,
  loginWithCode,
  startLogin,
  TestBrowser,
  textOf,
} from '../../support/oidc-rp.ts';
import { makeSpKeys, TestBrowser as SamlBrowser, SamlTestSp } from '../../support/saml-sp.ts';

const REDIRECT = 'http://127.0.0.1:1/callback';
const spKeys = makeSpKeys('scripted-login-sp');
const sps = {
  app: {
    entityId: 'https://scripted.test/metadata',
    acsUrls: ['https://scripted.test/acs'],
    certificate: spKeys.certificate,
  },
};
const clients = { app: { clientSecret: 'app-secret', redirectUris: [REDIRECT] } };

describe('scripted logins: the user parameter, login_hint, auto', () => {
  let idp: TestIdp & { stop(): Promise<void> };

  beforeAll(async () => {
    idp = await startTestIdp({
      providers: {
        plain: { protocol: 'saml', sps },
        'auto-first': { protocol: 'saml', auto: true, sps },
        'auto-bob': { protocol: 'saml', auto: 'bob', sps },
        'carol-saml': { protocol: 'saml', sps },
        op: { protocol: 'oidc', clients },
        'op-auto': { protocol: 'oidc', auto: true, clients },
        'op-carol': { protocol: 'oidc', clients },
      },
      users: {
        alice: { email: 'alice@example.com', givenName: 'Alice' },
        bob: {
          email: 'bob@example.com',
          givenName: 'Bob',
          sub: 'bob-subject-42',
          claims: { tenant: { id: 7, name: 'Acme' }, admin: true, level: 3 },
          attributes: { department: 'R&D' },
        },
        carol: { email: 'carol@example.com', auto: true, providers: ['carol-saml', 'op-carol'] },
        dave: { email: 'dave@example.com', disabled: true },
      },
    });
  });
  afterAll(() => idp.stop());

  const samlSp = (provider: string, query = '') =>
    SamlTestSp.create({
      idpUrl: idp.url,
      providerId: provider,
      entityId: sps.app.entityId,
      acsUrl: sps.app.acsUrls[0]!,
      privateKey: spKeys.privateKey,
      saml: { entryPoint: `${idp.url}/saml/${provider}/sso${query}` },
    });

  describe('SAML', () => {
    it('shows the login page when nothing names a user and nobody is auto', async () => {
      const page = await (await samlSp('plain')).startLogin();
      expect(page.status).toBe(200);
      expect(textOf(page.body)).toContain('Sign in to plain');
    });

    it('logs the user named by ?user= on the SSO URL in without a page', async () => {
      const sp = await samlSp('plain', '?user=bob');
      const { profile } = await sp.consume(await sp.startLogin());
      expect(profile.nameID).toBe('bob@example.com');
      expect(profile.department).toBe('R&D');
    });

    it('takes an email in ?user= too', async () => {
      const sp = await samlSp('plain', '?user=alice%40example.com');
      const { profile } = await sp.consume(await sp.startLogin());
      expect(profile.nameID).toBe('alice@example.com');
    });

    it('IdP-initiated too: ?user= on idp-init', async () => {
      const sp = await samlSp('plain');
      const page = await new SamlBrowser().open(`${idp.url}/saml/plain/idp-init?sp=app&user=bob`);
      expect((await sp.consume(page)).profile.nameID).toBe('bob@example.com');
    });

    it('refuses a user who may not log in, on the page with why', async () => {
      const unknown = await (await samlSp('plain', '?user=mallory')).startLogin();
      expect(unknown.status).toBe(403);
      expect(textOf(unknown.body)).toContain(
        'mallory (the user parameter) is not a user of this identity provider',
      );
      const disabled = await (await samlSp('plain', '?user=dave')).startLogin();
      expect(disabled.status).toBe(403);
      expect(textOf(disabled.body)).toContain('dave@example.com is disabled');
    });

    it('auto: true logs the first user in without a page', async () => {
      const sp = await samlSp('auto-first');
      const { profile } = await sp.consume(await sp.startLogin());
      expect(profile.nameID).toBe('alice@example.com');
    });

    it('auto: <user> logs that user in without a page; ?user= still wins', async () => {
      const sp = await samlSp('auto-bob');
      expect((await sp.consume(await sp.startLogin())).profile.nameID).toBe('bob@example.com');
      const named = await samlSp('auto-bob', '?user=alice');
      expect((await named.consume(await named.startLogin())).profile.nameID).toBe('alice@example.com');
    });

    it("never logs a scenario's browser in: any flow cookie, even of an ended flow, gets the page", async () => {
      const browser = new SamlBrowser();
      browser.cookies.set(FLOW_COOKIE, 'an-ended-flow');
      const sp = await SamlTestSp.create(
        {
          idpUrl: idp.url,
          providerId: 'auto-first',
          entityId: sps.app.entityId,
          acsUrl: sps.app.acsUrls[0]!,
          privateKey: spKeys.privateKey,
          saml: { entryPoint: `${idp.url}/saml/auto-first/sso?user=bob` },
        },
        browser,
      );
      const page = await sp.startLogin();
      expect(page.status).toBe(200);
      expect(textOf(page.body)).toContain('Sign in to auto-first');
    });

    it('a user marked auto: true is the default user of the providers they may use', async () => {
      const sp = await samlSp('carol-saml');
      expect((await sp.consume(await sp.startLogin())).profile.nameID).toBe('carol@example.com');
    });
  });

  describe('OIDC', () => {
    const rp = async (provider: string) =>
      discoverRp((await idp.providers.get(provider)!.info()).entityId, 'app', {
        method: 'client_secret_basic',
        secret: 'app-secret',
      });

    it('login_hint chooses the user on the login page', async () => {
      const config = await rp('op');
      const started = await startLogin(config, {
        redirectUri: REDIRECT,
        extra: { login_hint: 'bob@example.com' },
      });
      const { page } = await authorize(new TestBrowser(), started, { redirectUri: REDIRECT });
      expect(page && isLoginPage(page)).toBe(true);
      expect(page!.body).toMatch(/value="bob" checked/);
      expect(page!.body).not.toMatch(/value="alice" checked/);
    });

    it('?user= logs in without a page, with the configured sub and claims of any JSON value', async () => {
      const config = await rp('op');
      const tokens = await loginWithCode(config, new TestBrowser(), {
        redirectUri: REDIRECT,
        extra: { user: 'bob' },
      });
      const claims = tokens.claims()!;
      expect(claims).toMatchObject({
        sub: 'bob-subject-42',
        email: 'bob@example.com',
        tenant: { id: 7, name: 'Acme' },
        admin: true,
        level: 3,
        department: 'R&D',
      });
      const userinfo = await client.fetchUserInfo(config, tokens.access_token, 'bob-subject-42');
      expect(userinfo).toMatchObject({ sub: 'bob-subject-42', tenant: { id: 7, name: 'Acme' }, admin: true });
    });

    it('?user= naming someone else logs them in over an existing session', async () => {
      const config = await rp('op');
      const browser = new TestBrowser();
      const first = await loginWithCode(config, browser, { redirectUri: REDIRECT, user: 'alice' });
      expect(first.claims()?.email).toBe('alice@example.com');
      const second = await loginWithCode(config, browser, { redirectUri: REDIRECT, extra: { user: 'bob' } });
      expect(second.claims()?.sub).toBe('bob-subject-42');
    });

    it('auto: true logs the first user in without a page, and login_hint picks another', async () => {
      const config = await rp('op-auto');
      const tokens = await loginWithCode(config, new TestBrowser(), { redirectUri: REDIRECT });
      expect(tokens.claims()?.email).toBe('alice@example.com');
      const hinted = await loginWithCode(config, new TestBrowser(), {
        redirectUri: REDIRECT,
        extra: { login_hint: 'bob' },
      });
      expect(hinted.claims()?.sub).toBe('bob-subject-42');
    });

    it('a scripted login is answered by the authorization request itself: no interaction, no resume', async () => {
      const config = await rp('op-auto');
      const started = await startLogin(config, { redirectUri: REDIRECT, extra: { user: 'bob' } });
      const answer = await new TestBrowser().request(started.url.href);
      expect(answer.status).toBe(303);
      const callback = new URL(answer.headers.get('location')!);
      expect(callback.href.startsWith(REDIRECT)).toBe(true);
      expect(callback.searchParams.get('code')).toBeTruthy();
      const notes = idp.context.trace.list({ provider: 'op-auto' }).filter((e) => e.kind === 'interaction');
      expect(notes.at(-1)?.summary).toMatch(
        /bob@example\.com logged in \(without the login page: named by the user parameter\)/,
      );
    });

    it('a request with prompt=login goes through the interaction step, which logs the scripted user in', async () => {
      const config = await rp('op-auto');
      const started = await startLogin(config, {
        redirectUri: REDIRECT,
        extra: { user: 'bob', prompt: 'login' },
      });
      const answer = await new TestBrowser().request(started.url.href);
      expect(answer.status).toBe(303);
      expect(new URL(answer.headers.get('location')!, idp.url).pathname).toMatch(/\/interaction\//);
      const tokens = await loginWithCode(config, new TestBrowser(), {
        redirectUri: REDIRECT,
        extra: { user: 'bob', prompt: 'login' },
      });
      expect(tokens.claims()?.sub).toBe('bob-subject-42');
    });

    it('a browser with a flow cookie, even of an ended flow, is never logged in by a scripted login', async () => {
      const config = await rp('op-auto');
      const browser = new TestBrowser();
      browser.jar.store(new URL(idp.url), [`${FLOW_COOKIE}=ended-flow; Path=/`]);
      const { page } = await authorize(browser, await startLogin(config, { redirectUri: REDIRECT }), {
        redirectUri: REDIRECT,
      });
      expect(page && isLoginPage(page)).toBe(true);
    });

    it('a user marked auto: true logs in without a page where they may', async () => {
      const tokens = await loginWithCode(await rp('op-carol'), new TestBrowser(), { redirectUri: REDIRECT });
      expect(tokens.claims()?.email).toBe('carol@example.com');
    });
  });
});
