import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targetSchema } from '../../config/schema.ts';
import { faultRegistry } from '../../idp/faults/index.ts';
import { createHttpDriver } from '../../runner/drivers/http.ts';
import { runScenarios } from '../../runner/run.ts';
import { scenarioSchema } from '../../scenarios/schema.ts';
import { startTestIdp, type TestIdp } from '../support/idp.ts';

/**
 * An SP whose login request the IdP refuses: the scenario is an error that quotes the
 * IdP's refusal, not "the login never reached the IdP".
 */
const SP_ENTITY = 'https://app.example/metadata';

describe('a scenario whose SP request the IdP refuses', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  let sp: Server;
  let spUrl: string;
  const issuers: Record<string, string> = {};

  beforeAll(async () => {
    idp = await startTestIdp({
      providers: {
        saml: {
          protocol: 'saml',
          persona: 'okta',
          sps: { app: { entityId: SP_ENTITY, acsUrls: ['https://app.example/acs'] } },
        },
        entra: {
          protocol: 'oidc',
          persona: 'entra',
          clients: { app: { clientSecret: 's', redirectUris: ['https://app.example/cb/'] } },
        },
        google: {
          protocol: 'oidc',
          persona: 'google',
          clients: { app: { clientSecret: 's', redirectUris: ['https://app.example/CB'] } },
        },
      },
      users: { alice: { email: 'alice@example.com' } },
    });
    for (const id of ['entra', 'google']) issuers[id] = (await idp.providers.get(id)!.info()).entityId;
    const authnRequest = (issuer: string, acs: string) =>
      `${idp.url}/saml/saml/sso?SAMLRequest=${encodeURIComponent(
        deflateRawSync(
          `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${Date.now()}" Version="2.0" IssueInstant="${new Date().toISOString()}" AssertionConsumerServiceURL="${acs}"><saml:Issuer>${issuer}</saml:Issuer></samlp:AuthnRequest>`,
        ).toString('base64'),
      )}`;
    const authorize = (provider: string, redirectUri: string) =>
      `${issuers[provider]}/authorize?client_id=app&response_type=code&scope=openid&state=s&redirect_uri=${encodeURIComponent(redirectUri)}`;
    // The SP's login URLs, each sending a request the IdP will refuse.
    const logins: Record<string, () => string> = {
      '/login/unknown-issuer': () => authnRequest('https://stranger.example/sp', 'https://app.example/acs'),
      '/login/unknown-acs': () => authnRequest(SP_ENTITY, 'https://app.example/other-acs'),
      '/login/slash': () => authorize('entra', 'https://app.example/cb'),
      '/login/case': () => authorize('google', 'https://app.example/cb'),
    };
    sp = createServer((req, res) => {
      const login = logins[req.url ?? ''];
      if (login) res.writeHead(302, { location: login() }).end();
      else res.writeHead(401, { 'content-type': 'text/plain' }).end('not signed in');
    });
    await new Promise<void>((resolve) => sp.listen(0, '127.0.0.1', resolve));
    spUrl = `http://127.0.0.1:${(sp.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => sp.close(resolve));
    await idp.stop();
  });

  it.each([
    ['saml', 'unknown-issuer', /^E0000007: the SP "https:\/\/stranger\.example\/sp" is not registered/],
    [
      'saml',
      'unknown-acs',
      /^400_SAML: the AssertionConsumerServiceURL https:\/\/app\.example\/other-acs is not registered/,
    ],
    ['entra', 'slash', /^AADSTS50011: .*they differ only by a trailing slash$/],
    ['google', 'case', /^redirect_uri_mismatch: .*they differ only in letter case$/],
  ])('%s, %s: error, observed "the IdP refused the SP\'s request: ..."', async (provider, login, refusal) => {
    const protocol = provider === 'saml' ? 'saml' : 'oidc';
    const record = await runScenarios({
      harness: idp,
      scenarios: [
        scenarioSchema.parse({
          id: `t.${login}`,
          title: login,
          why: 'test',
          protocol,
          connection: 'c',
          expect: 'accept',
        }),
      ],
      targets: {
        sp: targetSchema.parse({
          connections: {
            c: {
              provider,
              loginUrl: `${spUrl}/login/${login}`,
              ...(protocol === 'oidc' ? { client: 'app' } : { sp: 'app' }),
            },
          },
          probe: { url: `${spUrl}/me` },
        }),
      },
      registry: faultRegistry,
      driver: createHttpDriver(),
      workers: 1,
      timeoutMs: 10_000,
      calibrate: false,
    });
    const [result] = record.results;
    expect(result!.verdict).toBe('error');
    const observed = result!.steps[0]!.observed;
    const prefix = "the IdP refused the SP's request: ";
    expect(observed.startsWith(prefix)).toBe(true);
    expect(observed.slice(prefix.length)).toMatch(refusal);
    expect(result!.reason).toBe(observed);
    expect(result!.reason).toMatch(/^the IdP refused the SP's request: /);
    expect(result!.reason).not.toContain('never reached the IdP');
  });
});
