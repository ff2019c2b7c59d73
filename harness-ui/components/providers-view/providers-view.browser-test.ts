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
});
