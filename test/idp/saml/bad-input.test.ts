import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIdp, type TestIdp } from '../../support/idp.ts';
import { makeSpKeys, type Page, SamlTestSp, TestBrowser } from '../../support/saml-sp.ts';

type Idp = TestIdp & { stop(): Promise<void> };

const spKeys = makeSpKeys('bad-input-sp');
const SP = 'https://app.test/metadata';
const ACS = 'https://app.test/acs';

const htmlText = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every bad input gets a clear 4xx, a trace entry, and the next good login still works. */
describe('SAML SSO refuses bad input and keeps serving', () => {
  let idp: Idp;
  let sso: string;
  const browser = new TestBrowser();

  beforeAll(async () => {
    idp = await startTestIdp({
      limits: { maxMessageBytes: 8192, maxInflatedBytes: 65_536 },
      providers: {
        idp: {
          protocol: 'saml',
          allowUnknownUsers: false,
          sps: {
            app: { entityId: SP, acsUrls: [ACS, 'https://app.test/acs2'], certificate: spKeys.certificate },
            strict: {
              entityId: 'https://strict.test/metadata',
              acsUrls: ['https://strict.test/acs'],
              certificate: spKeys.certificate,
              requireSignedRequests: true,
            },
          },
        },
        open: { protocol: 'saml', unknownSp: 'permissive' },
        other: { protocol: 'saml' },
      },
      users: {
        alice: { email: 'alice@example.com' },
        dora: { email: 'dora@example.com', disabled: true },
        olga: { email: 'olga@example.com', providers: ['other'] },
      },
    });
    sso = `${idp.url}/saml/idp/sso`;
  });
  afterAll(() => idp.stop());

  const authnRequest = (extra = '', issuer = SP, acs = ACS) =>
    `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_req${Math.random().toString(16).slice(2)}" Version="2.0" IssueInstant="${new Date().toISOString()}" AssertionConsumerServiceURL="${acs}"${extra}><saml:Issuer>${issuer}</saml:Issuer></samlp:AuthnRequest>`;
  const viaRedirect = (xml: string, base = sso) =>
    browser.open(`${base}?SAMLRequest=${encodeURIComponent(deflateRawSync(xml).toString('base64'))}`);
  const viaPost = (value: string) => browser.open(sso, { method: 'POST', form: { SAMLRequest: value } });

  /** The refusal, its trace entry, then a complete good login through node-saml. */
  async function expectRefused(page: Page, status: number, code: string, message: RegExp): Promise<void> {
    expect(page.status).toBe(status);
    expect(page.body).toContain(code);
    expect(htmlText(page.body)).toMatch(message);
    const last = idp.context.trace.list({ provider: 'idp' }).at(-1);
    // An unknown SP or ACS is the IdP refusing the SP's request: the persona's page, a 'refusal' entry.
    expect(last?.kind).toBe(['UNKNOWN_SP', 'ACS_NOT_REGISTERED'].includes(code) ? 'refusal' : 'error');
    expect(last?.summary).toContain(`${status} ${code}`);
    const client = await SamlTestSp.create({ idpUrl: idp.url, providerId: 'idp', entityId: SP, acsUrl: ACS });
    const { profile } = await client.login({ user: 'alice' });
    expect(profile.nameID).toBe('alice@example.com');
  }

  it('refuses a request without SAMLRequest', async () => {
    await expectRefused(await browser.open(sso), 400, 'MESSAGE_MISSING', /no SAMLRequest parameter/);
  });

  it('refuses malformed base64', async () => {
    await expectRefused(
      await browser.open(`${sso}?SAMLRequest=%25%25not*base64`),
      400,
      'MESSAGE_NOT_BASE64',
      /SAMLRequest is not base64 \(found "%"/,
    );
    await expectRefused(await viaPost('abc$def'), 400, 'MESSAGE_NOT_BASE64', /not base64/);
  });

  it('refuses data that is not DEFLATE over HTTP-Redirect', async () => {
    const raw = Buffer.from('plainly not deflated').toString('base64');
    await expectRefused(
      await browser.open(`${sso}?SAMLRequest=${encodeURIComponent(raw)}`),
      400,
      'MESSAGE_NOT_DEFLATE',
      /not DEFLATE-compressed/,
    );
    const entry = idp.context.trace
      .list({ provider: 'idp' })
      .findLast((e) => e.kind === 'AuthnRequest' && e.error);
    expect(entry?.error).toMatch(/DEFLATE/);
    expect(entry?.raw).toBe(raw);
  });

  it('refuses text that is not XML', async () => {
    await expectRefused(
      await viaRedirect('this is not XML at all'),
      400,
      'MESSAGE_NOT_XML',
      /not well-formed XML/,
    );
    await expectRefused(
      await viaRedirect('<samlp:AuthnRequest><unclosed></samlp:AuthnRequest>'),
      400,
      'MESSAGE_NOT_XML',
      /not well-formed XML/,
    );
  });

  it('refuses a DOCTYPE before parsing: XXE and billion laughs', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${authnRequest().replace('</saml:Issuer>', '&xxe;</saml:Issuer>')}`;
    await expectRefused(
      await viaRedirect(xxe),
      400,
      'XML_DTD_FORBIDDEN',
      /<!DOCTYPE> declaration; DOCTYPE and entity declarations are refused/,
    );
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>`;
    await expectRefused(
      await viaPost(Buffer.from(laughs).toString('base64')),
      400,
      'XML_DTD_FORBIDDEN',
      /DOCTYPE/,
    );
    expect(idp.context.trace.list({ provider: 'idp' }).some((e) => e.error?.includes('DOCTYPE'))).toBe(true);
  });

  it('refuses oversize messages: body, query string, and inflated size (zip bomb)', async () => {
    const big = Buffer.from(authnRequest(` ProviderName="${'x'.repeat(9000)}"`)).toString('base64');
    await expectRefused(await viaPost(big), 413, 'MESSAGE_TOO_LARGE', /over the limit of 8192 bytes/);
    await expectRefused(
      await browser.open(`${sso}?SAMLRequest=${'A'.repeat(9000)}`),
      413,
      'MESSAGE_TOO_LARGE',
      /query string is over the limit of 8192 bytes/,
    );
    const bomb = authnRequest().replace('</saml:Issuer>', `</saml:Issuer><!--${' '.repeat(200_000)}-->`);
    expect(deflateRawSync(bomb).length).toBeLessThan(8192);
    await expectRefused(
      await viaRedirect(bomb),
      413,
      'MESSAGE_TOO_LARGE',
      /inflates to more than the limit of 65536 bytes/,
    );
  });

  it('refuses a form post that is not a form', async () => {
    const page = await browser.open(sso, {
      method: 'POST',
      body: '{"SAMLRequest":"x"}',
      contentType: 'application/json',
    });
    await expectRefused(page, 415, 'UNSUPPORTED_MEDIA_TYPE', /expected a form post/);
  });

  it('refuses XML that is not an AuthnRequest', async () => {
    const response =
      '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r" Version="2.0"/>';
    await expectRefused(
      await viaRedirect(response),
      400,
      'MESSAGE_UNEXPECTED',
      /expected a samlp:AuthnRequest, got <samlp:Response>/,
    );
  });

  it('refuses an unknown SP, listing the known entityIDs', async () => {
    await expectRefused(
      await viaRedirect(authnRequest('', 'https://stranger.test/sp', 'https://stranger.test/acs')),
      403,
      'UNKNOWN_SP',
      /the SP "https:\/\/stranger.test\/sp" is not registered[\s\S]*Known SP entityIDs: https:\/\/app.test\/metadata, https:\/\/strict.test\/metadata/,
    );
  });

  it('accepts an unknown SP when the provider is permissive: ACS from the request, audience = Issuer', async () => {
    const client = await SamlTestSp.create({
      idpUrl: idp.url,
      providerId: 'open',
      entityId: 'https://anyone.test/sp',
      acsUrl: 'https://anyone.test/callback',
    });
    const { profile, form, xml } = await client.login({ user: 'alice' });
    expect(profile.nameID).toBe('alice@example.com');
    expect(form.action).toBe('https://anyone.test/callback');
    expect(xml).toContain('<saml:Audience>https://anyone.test/sp</saml:Audience>');
  });

  it('refuses an ACS URL that is not registered, naming it and the registered ones', async () => {
    await expectRefused(
      await viaRedirect(authnRequest('', SP, 'https://evil.test/acs')),
      400,
      'ACS_NOT_REGISTERED',
      /AssertionConsumerServiceURL https:\/\/evil.test\/acs is not registered for SP https:\/\/app.test\/metadata; registered: https:\/\/app.test\/acs, https:\/\/app.test\/acs2/,
    );
    await expectRefused(
      await viaRedirect(
        authnRequest(' AssertionConsumerServiceIndex="7"', SP, ACS).replace(
          / AssertionConsumerServiceURL="[^"]*"/,
          '',
        ),
      ),
      400,
      'ACS_NOT_REGISTERED',
      /AssertionConsumerServiceIndex 7 is not registered/,
    );
  });

  it('refuses a bad signature over HTTP-Redirect', async () => {
    const client = await SamlTestSp.create({
      idpUrl: idp.url,
      providerId: 'idp',
      entityId: SP,
      acsUrl: ACS,
      privateKey: spKeys.privateKey,
    });
    const url = new URL(await client.saml.getAuthorizeUrlAsync('', undefined, {}));
    const signature = url.searchParams.get('Signature')!;
    url.searchParams.set('Signature', `${signature[1]}${signature[0]}${signature.slice(2)}`);
    await expectRefused(
      await browser.open(url.href),
      400,
      'SIGNATURE_INVALID',
      /bad signature: the query signature does not verify/,
    );
    const rogue = await SamlTestSp.create({
      idpUrl: idp.url,
      providerId: 'idp',
      entityId: SP,
      acsUrl: ACS,
      privateKey: makeSpKeys().privateKey,
    });
    await expectRefused(
      await rogue.startLogin(),
      400,
      'SIGNATURE_INVALID',
      /does not verify with the SP certificate/,
    );
  });

  it('refuses a tampered signed AuthnRequest over HTTP-POST', async () => {
    const client = await SamlTestSp.create({
      idpUrl: idp.url,
      providerId: 'idp',
      entityId: SP,
      acsUrl: ACS,
      privateKey: spKeys.privateKey,
      binding: 'HTTP-POST',
    });
    const html = await client.saml.getAuthorizeFormAsync('');
    const value = /name="SAMLRequest" value="([^"]+)"/.exec(html)![1]!;
    const xml = inflateRawSync(Buffer.from(value, 'base64')).toString('utf8');
    expect(xml).toMatch(/<(ds:)?Signature\b/);
    const tampered = xml.replace(/IssueInstant="[^"]+"/, 'IssueInstant="2001-01-01T00:00:00Z"');
    await expectRefused(
      await viaPost(Buffer.from(tampered).toString('base64')),
      400,
      'SIGNATURE_INVALID',
      /bad signature: the signature does not verify/,
    );
  });

  it('refuses an unsigned request when the SP must sign', async () => {
    await expectRefused(
      await viaRedirect(authnRequest('', 'https://strict.test/metadata', 'https://strict.test/acs')),
      400,
      'SIGNATURE_REQUIRED',
      /is not signed, and this IdP requires signed requests/,
    );
  });

  describe('the login page', () => {
    const loginPage = async () => {
      const client = await SamlTestSp.create({
        idpUrl: idp.url,
        providerId: 'idp',
        entityId: SP,
        acsUrl: ACS,
      });
      return { client, page: await client.startLogin() };
    };

    it('shows the refusal of an unknown, disabled or foreign user and lets the next choice through', async () => {
      const { client, page } = await loginPage();
      const unknown = await client.submitLoginPage(page, { email: 'nobody@example.com' });
      expect(unknown.status).toBe(403);
      expect(unknown.body).toContain('nobody@example.com is not a user of this identity provider');
      const disabled = await client.submitLoginPage(unknown, { user: 'dora' });
      expect(disabled.status).toBe(403);
      expect(disabled.body).toContain('dora@example.com is disabled');
      const foreign = await client.submitLoginPage(disabled, { user: 'olga' });
      expect(foreign.status).toBe(403);
      expect(foreign.body).toContain('olga@example.com belongs to other, not to idp');
      const { profile } = await client.consume(await client.submitLoginPage(foreign, { user: 'alice' }));
      expect(profile.nameID).toBe('alice@example.com');
    });

    it('refuses a login form whose pending request is unknown or used', async () => {
      const { client, page } = await loginPage();
      await client.consume(await client.submitLoginPage(page, { user: 'alice' }));
      const reused = await client.submitLoginPage(page, { user: 'alice' });
      await expectRefused(reused, 400, 'BAD_REQUEST', /this sign-in has expired or was already used/);
    });
  });
});
