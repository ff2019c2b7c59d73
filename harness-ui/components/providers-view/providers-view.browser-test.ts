import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

let view: ComponentPage;
beforeAll(async () => {
  view = await sharedComponentPage();
});

const day = 24 * 3600 * 1000;
const certificate = (kind: string, notAfter: number) => ({
  kind,
  use: 'signing',
  subject: `CN=${kind}`,
  issuer: `CN=${kind}`,
  notBefore: new Date(Date.now() - 400 * day).toISOString(),
  notAfter: new Date(notAfter).toISOString(),
  fingerprintSha256: `AA:${kind}`,
  serialNumber: '01',
  signatureAlgorithm: 'sha256WithRSAEncryption',
});

describe('<providers-view>', () => {
  it('shows each provider, whether it is enabled, and how long its certificates last', async () => {
    await view.stubApi({
      '/providers': [
        {
          id: 'okta',
          protocol: 'saml',
          displayName: 'Okta',
          persona: 'okta',
          disabled: false,
          entityId: 'http://idp/saml/okta',
          metadataUrl: 'http://idp/saml/okta/metadata',
          baseUrl: 'http://idp/saml/okta',
          certificates: [
            certificate('current', Date.now() + 10.5 * day),
            certificate('expired', Date.now() - 3.5 * day),
          ],
          relyingParties: ['app'],
          endpoints: [
            { name: 'Metadata', url: 'http://idp/saml/okta/metadata', binding: 'GET' },
            { name: 'SingleSignOnService', url: 'http://idp/saml/okta/sso', binding: 'HTTP-Redirect' },
            { name: 'SingleSignOnService', url: 'http://idp/saml/okta/sso', binding: 'HTTP-POST' },
            { name: 'SingleLogoutService', url: 'http://idp/saml/okta/slo', binding: 'HTTP-Redirect' },
            {
              name: 'IdP-initiated login',
              url: 'http://idp/saml/okta/idp-init?sp=app',
              binding: 'GET',
              note: 'an unsolicited Response to app',
            },
          ],
          users: [
            { id: 'alice', email: 'alice@example.com', displayName: 'Alice', disabled: false },
            {
              id: 'olivia',
              email: 'olivia@partner.example',
              displayName: 'Olivia',
              providers: ['okta'],
              disabled: true,
            },
          ],
        },
        {
          id: 'entra',
          protocol: 'oidc',
          displayName: 'Entra',
          persona: 'entra',
          disabled: true,
          entityId: 'http://idp/oidc/entra',
          metadataUrl: 'http://idp/oidc/entra/.well-known/openid-configuration',
          baseUrl: 'http://idp/oidc/entra',
          certificates: [],
          relyingParties: [],
          endpoints: [
            {
              name: 'discovery',
              url: 'http://idp/oidc/entra/.well-known/openid-configuration',
              binding: 'GET',
            },
            { name: 'token', url: 'http://idp/oidc/entra/token' },
            { name: 'end_session', url: 'http://idp/oidc/entra/logout' },
          ],
          users: [],
        },
      ],
    });
    await view.open('/providers');
    const okta = view.page.locator('section', { has: view.page.getByRole('heading', { name: 'Okta' }) });
    await okta.waitFor();
    expect(await okta.locator('cert-badge .badge').allTextContents()).toEqual([
      '!expires in 10 days',
      '✗expired 3 days ago',
    ]);
    expect(await okta.getByRole('link', { name: /Download metadata/ }).getAttribute('download')).toBe(
      'okta-metadata.xml',
    );
    const entra = view.page.locator('section', { has: view.page.getByRole('heading', { name: 'Entra' }) });
    expect(await entra.textContent()).toContain('✗ disabled');
    expect(await entra.textContent()).toContain('Discovery URL');
    expect(await entra.getByRole('link', { name: /Download discovery document/ }).count()).toBe(1);
  });

  it('lists every endpoint with a copy button, and who may log in through each provider', async () => {
    const okta = view.page.locator('section', { has: view.page.getByRole('heading', { name: 'Okta' }) });
    const endpoints = okta.getByRole('table', { name: 'Endpoints of Okta' }).locator('tbody tr');
    expect(await endpoints.count()).toBe(5);
    expect((await endpoints.nth(2).locator('td').allInnerTexts()).slice(0, 3)).toEqual([
      'SingleSignOnService',
      'HTTP-POST',
      'http://idp/saml/okta/sso',
    ]);
    // The metadata URL above the table, then each endpoint's.
    expect(await okta.getByRole('button', { name: /^Copy .* URL$/ }).count()).toBe(6);
    await okta.getByRole('button', { name: 'Copy IdP-initiated login URL' }).click();
    expect(await view.page.evaluate(() => navigator.clipboard.readText())).toBe(
      'http://idp/saml/okta/idp-init?sp=app',
    );
    await okta.getByRole('button', { name: '✓ Copied IdP-initiated login URL' }).waitFor();
    await okta.getByRole('button', { name: 'Copy SingleLogoutService HTTP-Redirect URL' }).click();
    expect(await view.page.evaluate(() => navigator.clipboard.readText())).toBe('http://idp/saml/okta/slo');
    const users = okta.getByRole('list', { name: 'Users of Okta' }).getByRole('listitem');
    expect((await users.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      'Alice alice@example.com every provider',
      'Olivia olivia@partner.example only okta ✗ disabled',
    ]);

    const entra = view.page.locator('section', { has: view.page.getByRole('heading', { name: 'Entra' }) });
    await entra.getByRole('button', { name: 'Copy token URL' }).click();
    expect(await view.page.evaluate(() => navigator.clipboard.readText())).toBe(
      'http://idp/oidc/entra/token',
    );
    expect(await entra.textContent()).toContain('No user may log in through this provider');
  });
});
