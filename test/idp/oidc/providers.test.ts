import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIdp, type TestIdp } from '../../support/idp.ts';
import {
  discoverRp,
  isLoginPage,
  loginWithCode,
  startLogin,
  TestBrowser,
  textOf,
} from '../../support/oidc-rp.ts';

const REDIRECT = 'http://127.0.0.1:1/callback';

describe('several OIDC providers on one host', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  const issuers: Record<string, string> = {};

  beforeAll(async () => {
    const app = { clientSecret: 'app-secret', redirectUris: [REDIRECT] };
    idp = await startTestIdp({
      providers: {
        entra: { protocol: 'oidc', persona: 'entra', tenantId: 'contoso-tenant', clients: { app } },
        okta: { protocol: 'oidc', persona: 'okta', clients: { app } },
        retired: {
          protocol: 'oidc',
          persona: 'entra',
          tenantId: 'retired-tenant',
          clients: { app: { ...app, secretExpiresAt: '2024-01-31T00:00:00Z' } },
        },
        off: { protocol: 'oidc', displayName: 'Old IdP', disabled: true, clients: { app } },
      },
      users: { alice: { email: 'alice@example.com', givenName: 'Alice' } },
    });
    for (const id of ['entra', 'okta', 'retired', 'off'])
      issuers[id] = (await idp.providers.get(id)!.info()).entityId;
  });
  afterAll(() => idp.stop());

  it('keeps sessions apart: logging into one provider does not log you into the other', async () => {
    const entra = await discoverRp(issuers.entra!, 'app', {
      method: 'client_secret_basic',
      secret: 'app-secret',
    });
    const okta = await discoverRp(issuers.okta!, 'app', {
      method: 'client_secret_post',
      secret: 'app-secret',
    });
    expect(issuers.entra).toMatch(/\/oidc\/entra\/contoso-tenant\/v2\.0$/);
    const browser = new TestBrowser();

    const atEntra = await loginWithCode(entra, browser, { redirectUri: REDIRECT, user: 'alice' });
    const cookies = browser.jar.header(new URL(issuers.entra!)) ?? '';
    expect(cookies).toMatch(/oidc_entra_session=/);
    expect(browser.jar.header(new URL(issuers.okta!)) ?? '').not.toMatch(/session=/);

    const oktaLogin = await startLogin(okta, { redirectUri: REDIRECT });
    const page = await browser.follow(oktaLogin.url.href, REDIRECT);
    expect(page.page && isLoginPage(page.page)).toBe(true);
    expect(textOf(page.page!.body)).toContain('Sign in to okta');

    const atOkta = await loginWithCode(okta, browser, { redirectUri: REDIRECT, user: 'alice' });
    expect(browser.jar.header(new URL(issuers.okta!))).toMatch(/oidc_okta_session=/);
    expect(browser.jar.header(new URL(issuers.okta!))).not.toMatch(/oidc_entra_session=/);
    expect(atOkta.claims()!.sub).not.toBe(atEntra.claims()!.sub);
    expect(atOkta.claims()!.iss).toBe(issuers.okta);

    // Each session still stands on its own: entra logs in again without its page.
    const again = await loginWithCode(entra, browser, { redirectUri: REDIRECT });
    expect(again.claims()!.sub).toBe(atEntra.claims()!.sub);
  });

  it('answers an expired client secret with the persona error (Entra AADSTS7000222)', async () => {
    const rp = await discoverRp(issuers.retired!, 'app', {
      method: 'client_secret_basic',
      secret: 'app-secret',
    });
    const error = await loginWithCode(rp, new TestBrowser(), { redirectUri: REDIRECT, user: 'alice' }).then(
      () => undefined,
      (e: unknown) => e as client.ResponseBodyError,
    );
    expect(error).toBeInstanceOf(client.ResponseBodyError);
    expect(error!.status).toBe(401);
    expect(error!.error).toBe('invalid_client');
    const body = error!.cause as Record<string, unknown>;
    expect(body.error_codes).toEqual([7000222]);
    expect(body.error_description).toMatch(
      /^AADSTS7000222: The provided client secret keys for app 'app' are expired\..* Trace ID: [0-9a-f-]{36} Correlation ID: [0-9a-f-]{36} Timestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/,
    );
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses every request to a disabled provider, and the others keep serving', async () => {
    const discovery = await fetch(`${issuers.off}/.well-known/openid-configuration`);
    expect(discovery.status).toBe(403);
    const login = await fetch(`${issuers.off}/authorize?client_id=app&response_type=code&scope=openid`, {
      headers: { accept: 'text/html' },
    });
    expect(login.status).toBe(403);
    expect(textOf(await login.text())).toContain('"Old IdP" is disabled');
    expect((await fetch(`${issuers.okta}/.well-known/openid-configuration`)).status).toBe(200);
    expect((await idp.providers.get('off')!.info()).disabled).toBe(true);
  });

  it('describes each provider: issuer, discovery URL, JWKS keys with stable kids, certificate', async () => {
    const info = await idp.providers.get('entra')!.info();
    expect(info.metadataUrl).toBe(`${issuers.entra}/.well-known/openid-configuration`);
    const jwks = (await (await fetch(info.jwks!.uri)).json()) as { keys: Array<{ kid: string }> };
    expect(jwks.keys.map((k) => k.kid)).toEqual(info.jwks!.keys.map((k) => k.kid));
    const other = await idp.providers.get('okta')!.info();
    expect(other.jwks!.keys.map((k) => k.kid)).not.toContain(info.jwks!.keys[0]!.kid);
    expect(info.certificates[0]).toMatchObject({ kind: 'current', use: 'signing' });
  });
});
