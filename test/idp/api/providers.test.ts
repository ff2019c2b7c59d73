import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderListing, TraceAnswer } from '../../../idp/api/types.ts';
import { descendants, parseXml } from '../../../lib/xml.ts';
import { type ApiHarness, startApiHarness } from '../../support/api-harness.ts';
import { discoverRp, loginWithCode, TestBrowser } from '../../support/oidc-rp.ts';

const REDIRECT = 'http://127.0.0.1:1/callback';

let idp: ApiHarness;
beforeAll(async () => {
  idp = await startApiHarness((c) => {
    const saml = c.providers!['demo-saml'] as Record<string, unknown>;
    return {
      ...c,
      providers: {
        ...c.providers,
        'demo-saml': {
          ...saml,
          sps: {
            ...(saml.sps as object),
            bare: {
              entityId: 'https://bare.example/saml',
              acsUrls: ['http://127.0.0.1:9/bare/acs'],
              signResponse: false,
              signAssertion: false,
            },
          },
        },
        tenant: {
          protocol: 'oidc',
          persona: 'entra',
          tenantId: 'contoso',
          clients: { app: { clientSecret: 'app-secret', redirectUris: [REDIRECT] } },
        },
      } as unknown as NonNullable<typeof c.providers>,
      users: { ...c.users, zed: { email: 'zed@example.com', givenName: 'Zed', providers: ['tenant'] } },
    };
  });
});
afterAll(() => idp?.stop());

async function listing(id: string): Promise<ProviderListing> {
  const answer = await fetch(`${idp.url}/api/providers`);
  expect(answer.status).toBe(200);
  const found = ((await answer.json()) as ProviderListing[]).find((p) => p.id === id);
  if (!found) throw new Error(`GET /api/providers has no ${id}`);
  return found;
}

const urlOf = (p: ProviderListing, name: string, binding?: string) =>
  p.endpoints.find((e) => e.name === name && (binding === undefined || e.binding === binding))?.url;

async function traceOf(kind: string, provider: string): Promise<TraceAnswer> {
  const answer = await fetch(`${idp.url}/api/trace?provider=${provider}`);
  return ((await answer.json()) as TraceAnswer).filter((e) => e.kind === kind);
}

describe('GET /api/providers', () => {
  it('lists every SAML endpoint as the metadata states it, and an IdP-initiated URL per SP', async () => {
    const saml = await listing('demo-saml');
    const metadataUrl = urlOf(saml, 'Metadata');
    expect(metadataUrl).toBe(saml.metadataUrl);
    const metadata = parseXml(await (await fetch(metadataUrl!)).text());
    const located = (name: string) =>
      descendants(metadata, name).map((e) => [
        e.getAttribute('Binding')!.split(':').at(-1),
        e.getAttribute('Location') ?? '',
      ]);
    for (const [binding, location] of located('SingleSignOnService')) {
      expect(urlOf(saml, 'SingleSignOnService', binding)).toBe(location);
    }
    for (const [binding, location] of located('SingleLogoutService')) {
      expect(urlOf(saml, 'SingleLogoutService', binding)).toBe(location);
    }
    expect(urlOf(saml, 'SingleSignOnService', 'HTTP-POST')).toBeDefined();
    expect(urlOf(saml, 'SingleSignOnService', 'HTTP-Redirect')).toBeDefined();
    const idpInit = saml.endpoints.filter((e) => e.name === 'IdP-initiated login').map((e) => e.url);
    expect(idpInit).toEqual([`${saml.baseUrl}/idp-init?sp=app`, `${saml.baseUrl}/idp-init?sp=bare`]);
    const answer = await fetch(`${idpInit[0]}&user=alice`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('SAMLResponse');
  });

  it('lists every OIDC endpoint as the discovery document states it', async () => {
    const oidc = await listing('tenant');
    const discovery = urlOf(oidc, 'discovery');
    expect(discovery).toMatch(/\/oidc\/tenant\/contoso\/v2\.0\/\.well-known\/openid-configuration$/);
    const document = (await (await fetch(discovery!)).json()) as Record<string, string>;
    expect({
      authorization: urlOf(oidc, 'authorization'),
      token: urlOf(oidc, 'token'),
      userinfo: urlOf(oidc, 'userinfo'),
      jwks: urlOf(oidc, 'jwks'),
      end_session: urlOf(oidc, 'end_session'),
    }).toEqual({
      authorization: document.authorization_endpoint,
      token: document.token_endpoint,
      userinfo: document.userinfo_endpoint,
      jwks: document.jwks_uri,
      end_session: document.end_session_endpoint,
    });
  });

  it('lists the users who may log in through each provider', async () => {
    const emails = (p: ProviderListing) => p.users.map((u) => u.email);
    const tenant = await listing('tenant');
    const saml = await listing('demo-saml');
    expect(emails(tenant)).toContain('zed@example.com');
    expect(emails(tenant)).toContain('alice@example.com');
    expect(emails(saml)).not.toContain('zed@example.com');
    expect(saml.users.find((u) => u.id === 'alice')).toEqual({
      id: 'alice',
      email: 'alice@example.com',
      displayName: 'Alice Admin',
      disabled: false,
    });
    expect(tenant.users.find((u) => u.id === 'zed')?.providers).toEqual(['tenant']);
  });
});

describe('trace signature', () => {
  it('says which SAML elements the harness signed, with which algorithm and key kind', async () => {
    const saml = await listing('demo-saml');
    for (const sp of ['app', 'bare']) {
      const answer = await fetch(`${saml.baseUrl}/idp-init?sp=${sp}&user=alice`);
      expect(answer.status).toBe(200);
    }
    const [bare, signed] = (await traceOf('Response', 'demo-saml')).slice(-2).reverse();
    expect(signed?.summary).toContain('https://sp.example/saml');
    expect(signed?.signature).toEqual({
      signed: ['Response', 'Assertion'],
      alg: 'rsa-sha256',
      keyKind: 'current',
    });
    const signatures = descendants(parseXml(signed!.decoded!), 'Signature');
    expect(signatures.map((s) => (s.parentNode as { localName?: string } | null)?.localName)).toEqual([
      'Response',
      'Assertion',
    ]);
    expect(bare?.summary).toContain('https://bare.example/saml');
    expect(bare?.signature).toEqual({ signed: [] });
  });

  it('keeps the id_token as it travelled, with its alg and the key kind that signed it', async () => {
    const oidc = await listing('tenant');
    const rp = await discoverRp(oidc.entityId, 'app', {
      method: 'client_secret_basic',
      secret: 'app-secret',
    });
    const tokens = await loginWithCode(rp, new TestBrowser(), { redirectUri: REDIRECT, user: 'zed' });
    const response = (await traceOf('token', 'tenant')).find((e) => e.direction === 'out');
    expect(response?.raw).toBe(tokens.id_token);
    expect(response?.signature).toEqual({ signed: ['id_token'], alg: 'RS256', keyKind: 'current' });
    expect(JSON.parse(response!.decoded!).id_token.payload.email).toBe('zed@example.com');
  });
});
