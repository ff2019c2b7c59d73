import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIdp, type TestIdp } from '../../support/idp.ts';

const app = { clientSecret: 's3cret', redirectUris: ['http://127.0.0.1:1/callback'] };

describe("Entra's tenant-independent endpoints (common, organizations)", () => {
  let idp: TestIdp & { stop(): Promise<void> };
  beforeAll(async () => {
    idp = await startTestIdp({
      providers: {
        entra: { protocol: 'oidc', persona: 'entra', tenantId: 'contoso-tenant', clients: { app } },
        okta: { protocol: 'oidc', persona: 'okta', clients: { app } },
      },
      users: { alice: { email: 'alice@example.com' } },
    });
  });
  afterAll(async () => idp?.stop());

  const discovery = async (path: string) => {
    const response = await fetch(`${idp.url}${path}/.well-known/openid-configuration`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it.each(['common', 'organizations'])(
    '/%s/v2.0 names the {tenantid} issuer, with the tenant endpoints',
    async (alias) => {
      const tenant = await discovery('/oidc/entra/contoso-tenant/v2.0');
      const multi = await discovery(`/oidc/entra/${alias}/v2.0`);
      expect(multi.status).toBe(200);
      expect(multi.body.issuer).toBe(`${idp.url}/oidc/entra/{tenantid}/v2.0`);
      expect(tenant.body.issuer).toBe(`${idp.url}/oidc/entra/contoso-tenant/v2.0`);
      expect(multi.body.jwks_uri).toBe(tenant.body.jwks_uri);
      expect(multi.body.token_endpoint).toBe(tenant.body.token_endpoint);
    },
  );

  it('other personas have no such endpoint', async () => {
    const response = await fetch(`${idp.url}/oidc/okta/common/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(404);
  });
});
