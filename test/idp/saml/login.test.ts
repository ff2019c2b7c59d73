import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIdp, type TestIdp } from '../../support/idp.ts';
import { makeSpKeys, SamlTestSp } from '../../support/saml-sp.ts';

type Idp = TestIdp & { stop(): Promise<void> };

const spKeys = makeSpKeys('login-test-sp');
const sp = (name: string, extra: Record<string, unknown> = {}) => ({
  entityId: `https://${name}.test/metadata`,
  acsUrls: [`https://${name}.test/acs`],
  sloUrl: `https://${name}.test/slo`,
  certificate: spKeys.certificate,
  ...extra,
});

describe('SAML login into a node-saml SP', () => {
  let idp: Idp;
  const spOptions = (name: string, extra: Partial<Parameters<typeof SamlTestSp.create>[0]> = {}) => ({
    idpUrl: idp.url,
    providerId: 'idp',
    entityId: `https://${name}.test/metadata`,
    acsUrl: `https://${name}.test/acs`,
    sloUrl: `https://${name}.test/slo`,
    privateKey: spKeys.privateKey,
    ...extra,
  });

  beforeAll(async () => {
    idp = await startTestIdp({
      providers: {
        idp: {
          protocol: 'saml',
          sps: {
            both: sp('both'),
            assertionOnly: sp('assertion-only', { signResponse: false }),
            responseOnly: sp('response-only', { signAssertion: false }),
            encrypted: sp('encrypted', { encryptAssertion: true, encryptionCertificate: spKeys.certificate }),
            cbc: sp('cbc', {
              encryptAssertion: true,
              encryptionCertificate: spKeys.certificate,
              encryptionAlgorithm: 'aes128-cbc',
            }),
          },
        },
        strong: {
          protocol: 'saml',
          signatureAlgorithm: 'rsa-sha512',
          digestAlgorithm: 'sha512',
          sps: { both: sp('both') },
        },
      },
      users: {
        alice: {
          email: 'alice@example.com',
          givenName: 'Alice',
          familyName: 'Admin',
          groups: ['admins', 'engineering'],
          attributes: { department: 'R&D', badge: ['a', 'b'] },
        },
      },
    });
  });
  afterAll(() => idp.stop());

  it('logs in SP-initiated over HTTP-Redirect, signed assertion and response, RelayState kept', async () => {
    const client = await SamlTestSp.create(spOptions('both'));
    const page = await client.startLogin('/after-login?x=1&y=<2>');
    expect(page.status).toBe(200);
    expect(page.body).toContain('alice@example.com');
    const posted = await client.submitLoginPage(page, { user: 'alice' });
    // The auto-post page works without JavaScript: a visible button inside <noscript>.
    expect(posted.body).toMatch(
      /<noscript>[\s\S]*<button type="submit">Continue<\/button>[\s\S]*<\/noscript>/,
    );
    const { profile, form, xml } = await client.consume(posted);
    expect(profile.nameID).toBe('alice@example.com');
    expect(profile.nameIDFormat).toBe('urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress');
    expect(profile.email).toBe('alice@example.com');
    expect(profile.groups).toEqual(['admins', 'engineering']);
    expect(profile.department).toBe('R&D');
    expect(profile.badge).toEqual(['a', 'b']);
    expect(profile.sessionIndex).toMatch(/^_session_/);
    expect(form.fields.RelayState).toBe('/after-login?x=1&y=<2>');
    expect(xml.match(/<ds:Signature[ >]/g)).toHaveLength(2);
    expect(xml).toMatch(/InResponseTo="_/);
    expect(xml).toContain('SessionNotOnOrAfter=');
    expect(xml).toMatch(
      /<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="[^"]+" Recipient="https:\/\/both.test\/acs" InResponseTo="_/,
    );
    expect(xml).toMatch(
      /<saml:Conditions NotBefore="[^"]+" NotOnOrAfter="[^"]+"><saml:AudienceRestriction><saml:Audience>https:\/\/both.test\/metadata</,
    );
    expect(xml).toContain('Destination="https://both.test/acs"');
    expect(xml).toContain('PasswordProtectedTransport');
  });

  it('logs in SP-initiated over HTTP-POST with a signed AuthnRequest', async () => {
    const client = await SamlTestSp.create(spOptions('both', { binding: 'HTTP-POST' }));
    const { profile } = await client.login({ user: 'alice' });
    expect(profile.nameID).toBe('alice@example.com');
    const entry = idp.context.trace.list({ provider: 'idp' }).findLast((e) => e.kind === 'AuthnRequest');
    expect(entry?.binding).toBe('HTTP-POST');
    expect(entry?.summary).toContain('signature valid');
  });

  it('answers an IdP-initiated login with an unsolicited response', async () => {
    const client = await SamlTestSp.create(
      spOptions('both', { saml: { validateInResponseTo: 'always' as never } }),
    );
    await expect(client.loginIdpInitiated('both', { user: 'alice', relayState: '/home' })).rejects.toThrow(
      /InResponseTo is missing/,
    );
    const lenient = await SamlTestSp.create(spOptions('both'));
    const { profile, form, xml } = await lenient.loginIdpInitiated('both', {
      user: 'alice',
      relayState: '/home',
    });
    expect(profile.nameID).toBe('alice@example.com');
    expect(form.fields.RelayState).toBe('/home');
    expect(xml).not.toContain('InResponseTo');
  });

  it('signs only the assertion when the SP asks for that', async () => {
    const client = await SamlTestSp.create(
      spOptions('assertion-only', { saml: { wantAuthnResponseSigned: false } }),
    );
    const { profile, xml } = await client.login({ user: 'alice' });
    expect(profile.nameID).toBe('alice@example.com');
    expect(xml.match(/<ds:Signature[ >]/g)).toHaveLength(1);
    expect(xml).toMatch(/<saml:Assertion[^>]*>\s*<saml:Issuer[^>]*>[^<]*<\/saml:Issuer>\s*<ds:Signature/);
    // node-saml, insisting on a signed response, refuses it: the signature really is only on the assertion.
    const strict = await SamlTestSp.create(spOptions('assertion-only'));
    await expect(strict.login({ user: 'alice' })).rejects.toThrow(/Invalid document signature/);
  });

  it('signs only the response when the SP asks for that', async () => {
    const client = await SamlTestSp.create(
      spOptions('response-only', { saml: { wantAssertionsSigned: false } }),
    );
    const { profile, xml } = await client.login({ user: 'alice' });
    expect(profile.nameID).toBe('alice@example.com');
    expect(xml.match(/<ds:Signature[ >]/g)).toHaveLength(1);
    expect(xml).toMatch(/<samlp:Response[^>]*>\s*<saml:Issuer[^>]*>[^<]*<\/saml:Issuer>\s*<ds:Signature/);
    const strict = await SamlTestSp.create(spOptions('response-only'));
    await expect(strict.login({ user: 'alice' })).rejects.toThrow(/Invalid signature/);
  });

  it('encrypts the assertion (AES-256-GCM, RSA-OAEP) for an SP with an encryption certificate', async () => {
    const client = await SamlTestSp.create(spOptions('encrypted', { decryptionPvk: spKeys.privateKey }));
    const { profile, xml } = await client.login({ user: 'alice' });
    expect(profile.nameID).toBe('alice@example.com');
    expect(profile.email).toBe('alice@example.com');
    expect(xml).toContain('<saml:EncryptedAssertion');
    expect(xml).toContain('http://www.w3.org/2009/xmlenc11#aes256-gcm');
    expect(xml).toContain('http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p');
    expect(xml).not.toContain('alice@example.com');
    const noKey = await SamlTestSp.create(spOptions('encrypted'));
    await expect(noKey.login({ user: 'alice' })).rejects.toThrow(/decryption key/i);
  });

  it('encrypts with AES-CBC when configured', async () => {
    const client = await SamlTestSp.create(spOptions('cbc', { decryptionPvk: spKeys.privateKey }));
    const { profile, xml } = await client.login({ user: 'alice' });
    expect(profile.nameID).toBe('alice@example.com');
    expect(xml).toContain('http://www.w3.org/2001/04/xmlenc#aes128-cbc');
  });

  it('sends Responder/AuthnFailed without an assertion when the user cancels', async () => {
    const client = await SamlTestSp.create(spOptions('both'));
    const page = await client.submitLoginPage(await client.startLogin(), { action: 'cancel' });
    await expect(client.consume(page)).rejects.toThrow(/Responder error: The user cancelled/);
  });

  it('logs out SP-initiated: node-saml accepts the LogoutResponse and the IdP session is gone', async () => {
    const client = await SamlTestSp.create(spOptions('both'));
    const { profile } = await client.login({ user: 'alice' });
    expect(client.browser.cookies.has('sso_harness_saml_idp')).toBe(true);
    const { loggedOut } = await client.logout(profile);
    expect(loggedOut).toBe(true);
    expect(client.browser.cookies.has('sso_harness_saml_idp')).toBe(false);
    const kinds = idp.context.trace.list({ provider: 'idp' }).map((e) => e.kind);
    expect(kinds).toContain('LogoutRequest');
    expect(kinds).toContain('LogoutResponse');
  });

  it('logs out IdP-initiated: node-saml accepts the LogoutRequest for the right NameID and SessionIndex', async () => {
    const client = await SamlTestSp.create(spOptions('both'));
    const { profile } = await client.login({ user: 'alice' });
    const result = await client.acceptIdpLogout('both');
    expect(result.loggedOut).toBe(true);
    expect(result.profile.nameID).toBe('alice@example.com');
    expect(result.profile.sessionIndex).toBe(profile.sessionIndex);
    expect(result.idpPage.status).toBe(200);
    expect(result.idpPage.body).toContain('Signed out');
    const response = idp.context.trace.list({ provider: 'idp' }).findLast((e) => e.kind === 'LogoutResponse');
    expect(response?.direction).toBe('in');
    expect(response?.summary).toContain('signature valid');
    // The session is over: a second logout has nothing to end.
    const again = await client.browser.open(`${idp.url}/saml/idp/logout?sp=both`);
    expect(again.status).toBe(409);
  });

  it('ends the session on an SP-initiated logout that arrives without the IdP cookie (cross-site POST)', async () => {
    const client = await SamlTestSp.create(spOptions('both'));
    const { profile } = await client.login({ user: 'alice' });
    const cookie = client.browser.cookies.get('sso_harness_saml_idp')!;
    client.browser.cookies.delete('sso_harness_saml_idp');
    expect((await client.logout(profile)).loggedOut).toBe(true);
    const response = idp.context.trace.list({ provider: 'idp' }).findLast((e) => e.kind === 'LogoutResponse');
    expect(response?.summary).toContain('session ended');
    client.browser.cookies.set('sso_harness_saml_idp', cookie);
    expect((await client.browser.open(`${idp.url}/saml/idp/logout?sp=both`)).status).toBe(409);
  });

  it("signs with the provider's algorithms (RSA-SHA512, SHA-512 digests)", async () => {
    const client = await SamlTestSp.create({
      ...spOptions('both'),
      providerId: 'strong',
      saml: { signatureAlgorithm: 'sha512' },
    });
    const { profile, xml } = await client.login({ user: 'alice' });
    expect(profile.nameID).toBe('alice@example.com');
    expect(xml).toContain('Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha512"');
    expect(xml).toContain('Algorithm="http://www.w3.org/2001/04/xmlenc#sha512"');
    expect(xml).not.toContain('rsa-sha256');
  });

  it('speaks HTTP-Redirect to an SP whose metadata lists only a Redirect SingleLogoutService', async () => {
    const metadataXml = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://redirect-slo.test/metadata">
  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${spKeys.certificate.replace(/-----[^-]+-----|\s/g, '')}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://redirect-slo.test/slo"/>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://redirect-slo.test/acs" index="0"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>`;
    await idp.providers.get('idp')!.saml!.putSp('redirectSlo', {}, { metadataXml });
    const client = await SamlTestSp.create(spOptions('redirect-slo'));
    const redirectTo = async (page: { status: number; body: string }) => {
      expect(page.status).toBe(302);
      const url = new URL(page.body);
      expect(url.origin + url.pathname).toBe('https://redirect-slo.test/slo');
      expect(url.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
      return client.saml.validateRedirectAsync(Object.fromEntries(url.searchParams), url.search.slice(1));
    };

    // IdP-initiated: node-saml checks the query signature of our LogoutRequest.
    await client.login({ user: 'alice' });
    const request = await redirectTo(await client.browser.open(`${idp.url}/saml/idp/logout?sp=redirectSlo`));
    expect(request.loggedOut).toBe(true);
    expect(request.profile?.nameID).toBe('alice@example.com');

    // SP-initiated: our LogoutResponse comes back over HTTP-Redirect too.
    const { profile } = await client.login({ user: 'alice' });
    const response = await redirectTo(
      await client.browser.open(await client.saml.getLogoutUrlAsync(profile, '', {})),
    );
    expect(response.loggedOut).toBe(true);
  });
});
