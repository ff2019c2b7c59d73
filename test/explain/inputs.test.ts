import { generateKeyPairSync } from 'node:crypto';
import { CompactEncrypt, exportJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExplainContext } from '../../explain/context/settings.ts';
import { explain } from '../../explain/explain.ts';
import { renderHtml } from '../../explain/render/html.ts';
import { startTestIdp, type TestIdp } from '../support/idp.ts';
import { autoPostForm, idpCertificateFromMetadata, makeSpKeys, SamlTestSp } from '../support/saml-sp.ts';
import { findingsOf } from './support.ts';

/**
 * Every shape of input support staff paste, read from real messages: the same SAML
 * Response as base64, URL-encoded, raw XML and a POST body; a signed Redirect
 * AuthnRequest; a LogoutRequest; an encrypted assertion; a SAML-tracer export; JWE, a
 * logout token, a JWT access token, a token endpoint error.
 */
type Idp = TestIdp & { stop(): Promise<void> };
const spKeys = makeSpKeys('explain-inputs-sp');
const sp = {
  entityId: 'https://app.test/metadata',
  acsUrl: 'https://app.test/acs',
  sloUrl: 'https://app.test/slo',
};
let idp: Idp;
let idpCert: string;

beforeAll(async () => {
  idp = await startTestIdp({
    providers: {
      idp: {
        protocol: 'saml',
        persona: 'okta',
        sps: {
          app: {
            entityId: sp.entityId,
            acsUrls: [sp.acsUrl],
            sloUrl: sp.sloUrl,
            certificate: spKeys.certificate,
          },
          sealed: {
            entityId: 'https://sealed.test/metadata',
            acsUrls: ['https://sealed.test/acs'],
            encryptAssertion: true,
            encryptionCertificate: spKeys.certificate,
          },
        },
      },
    },
    users: { alice: { email: 'alice@example.com', givenName: 'Alice' } },
  });
  idpCert = await idpCertificateFromMetadata(`${idp.url}/saml/idp/metadata`);
});
afterAll(() => idp?.stop());

const context = (extra: Partial<ExplainContext> = {}): ExplainContext => ({
  sp: {
    source: 'test',
    entityId: sp.entityId,
    acsUrls: [sp.acsUrl],
    sloUrls: [sp.sloUrl],
    signingCertificates: [spKeys.certificate],
    wantAssertionsSigned: true,
    nameIdFormats: [],
    requiredAttributes: [],
    redirectUris: [],
    requiredClaims: [],
  },
  idp: {
    source: 'test',
    entityId: `${idp.url}/saml/idp`,
    ssoUrls: [`${idp.url}/saml/idp/sso`],
    sloUrls: [`${idp.url}/saml/idp/slo`],
    signingCertificates: [idpCert],
  },
  clockSkewSeconds: 180,
  expected: {},
  knownIssuers: [],
  ...extra,
});

const ids = (checks: Array<{ id: string; status: string }>, status = 'problem') =>
  checks.filter((c) => c.status === status).map((c) => c.id);

describe('one SAML Response, pasted every way it travels', () => {
  let form: { SAMLResponse: string; RelayState?: string };
  beforeAll(async () => {
    const client = await SamlTestSp.create({
      idpUrl: idp.url,
      providerId: 'idp',
      ...sp,
      privateKey: spKeys.privateKey,
    });
    const result = await client.login({ user: 'alice', relayState: '/after' });
    form = result.form.fields as typeof form;
  });

  it.each([
    ['base64', () => form.SAMLResponse, 'saml-base64'],
    ['URL-encoded base64', () => encodeURIComponent(form.SAMLResponse), 'saml-base64'],
    ['raw XML', () => Buffer.from(form.SAMLResponse, 'base64').toString('utf8'), 'saml-xml'],
    [
      'a POST body',
      () => `SAMLResponse=${encodeURIComponent(form.SAMLResponse)}&RelayState=%2Fafter`,
      'saml-form',
    ],
  ] as const)('%s: the same checks, no problem', async (_name, text, kind) => {
    const explanation = await explain({ text: text(), context: context() });
    expect(explanation.input.kind).toBe(kind);
    expect(explanation.messages.map((m) => m.kind)).toEqual(['saml-response']);
    expect(findingsOf(explanation)).toEqual([]);
    expect(explanation.captureTimeSource).toBe('message');
    expect(explanation.messages[0]!.persona).toBeUndefined();
  });

  it('a SAML-tracer export: the messages of its requests', async () => {
    const tracer = {
      requests: [
        {
          method: 'GET',
          url: 'https://app.test/login',
          responseStatus: 302,
          responseHeaders: [{ name: 'Location', value: `${idp.url}/saml/idp/sso` }],
        },
        {
          method: 'POST',
          url: sp.acsUrl,
          post: [
            ['SAMLResponse', form.SAMLResponse],
            ['RelayState', '/after'],
          ],
          responseStatus: 302,
        },
      ],
      timestamp: '2026-01-01T00:00:00Z',
    };
    const explanation = await explain({ text: JSON.stringify(tracer), context: context() });
    expect(explanation.input.kind).toBe('saml-tracer');
    expect(explanation.messages.map((m) => [m.kind, m.binding])).toEqual([['saml-response', 'HTTP-POST']]);
    expect(explanation.flow.map((s) => s.method)).toEqual(['GET', 'POST']);
    expect(ids(explanation.checks)).toEqual([]);
  });

  it('the capture time and skew decide the windows: a day later, the assertion has expired', async () => {
    const explanation = await explain({
      text: form.SAMLResponse,
      context: context({ captureTime: Date.now() + 86_400_000 }),
    });
    expect(ids(explanation.checks)).toEqual(
      expect.arrayContaining([
        'saml.time.not-on-or-after',
        'saml.time.confirmation',
        'saml.time.issue-instant',
      ]),
    );
  });

  it('another certificate than the trusted one: both fingerprints', async () => {
    const other = makeSpKeys('not-the-idp').certificate;
    const explanation = await explain({
      text: form.SAMLResponse,
      context: context({ idp: { ...context().idp!, signingCertificates: [other] } }),
    });
    const problem = explanation.checks.find(
      (c) => c.id === 'saml.signature.certificate' && c.status === 'problem',
    );
    expect(problem?.expected).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(problem?.actual).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(problem?.expected).not.toBe(problem?.actual);
  });

  it('the HTML page is self-contained and escapes what the message says', async () => {
    const explanation = await explain({ text: form.SAMLResponse, context: context() });
    const html = renderHtml(explanation);
    expect(html).toContain('saml.audience');
    expect(html).not.toMatch(/<script|src="http/);
  });
});

describe('requests and logout messages', () => {
  it('a signed HTTP-Redirect AuthnRequest: the query signature verifies with the SP certificate, and fails when the query is changed', async () => {
    const client = await SamlTestSp.create({
      idpUrl: idp.url,
      providerId: 'idp',
      ...sp,
      privateKey: spKeys.privateKey,
    });
    const url = await client.saml.getAuthorizeUrlAsync('/relay', undefined, {});
    expect(url).toContain('Signature=');
    const explanation = await explain({ text: url, context: context() });
    expect(explanation.input.kind).toBe('saml-redirect-url');
    expect(explanation.messages[0]!.kind).toBe('saml-authn-request');
    expect(explanation.checks.find((c) => c.id === 'saml.request.signature')?.status).toBe('ok');
    const changed = await explain({
      text: url.replace('RelayState=%2Frelay', 'RelayState=%2Fevil'),
      context: context(),
    });
    expect(ids(changed.checks)).toContain('saml.request.signature');
  });

  it('a LogoutRequest from the SP', async () => {
    const client = await SamlTestSp.create({
      idpUrl: idp.url,
      providerId: 'idp',
      ...sp,
      privateKey: spKeys.privateKey,
    });
    const { profile } = await client.login({ user: 'alice' });
    const url = await client.saml.getLogoutUrlAsync(profile, '', {});
    const explanation = await explain({ text: url, context: context() });
    expect(explanation.messages[0]!.kind).toBe('saml-logout-request');
    expect(ids(explanation.checks)).toEqual([]);
  });
  it('a LogoutRequest and the LogoutResponse that answers it, in one HAR', async () => {
    const client = await SamlTestSp.create({
      idpUrl: idp.url,
      providerId: 'idp',
      ...sp,
      privateKey: spKeys.privateKey,
    });
    const { profile } = await client.login({ user: 'alice' });
    const url = await client.saml.getLogoutUrlAsync(profile, '', {});
    const page = await client.browser.open(url);
    const form = autoPostForm(page);
    const har = {
      log: {
        entries: [
          {
            startedDateTime: new Date().toISOString(),
            request: { method: 'GET', url },
            response: { status: 200 },
          },
          {
            startedDateTime: new Date().toISOString(),
            request: {
              method: 'POST',
              url: form.action,
              postData: {
                mimeType: 'application/x-www-form-urlencoded',
                text: new URLSearchParams(form.fields).toString(),
              },
            },
            response: { status: 302 },
          },
        ],
      },
    };
    const explanation = await explain({ text: JSON.stringify(har), context: context() });
    expect(explanation.messages.map((m) => m.kind)).toEqual(['saml-logout-request', 'saml-logout-response']);
    expect(explanation.checks.find((c) => c.id === 'saml.in-response-to')).toMatchObject({
      status: 'ok',
      message: 1,
    });
    expect(ids(explanation.checks)).toEqual([]);
  });
});

describe('an encrypted assertion', () => {
  let response: string;
  beforeAll(async () => {
    const client = await SamlTestSp.create({
      idpUrl: idp.url,
      providerId: 'idp',
      entityId: 'https://sealed.test/metadata',
      acsUrl: 'https://sealed.test/acs',
      decryptionPvk: spKeys.privateKey,
    });
    response = (await client.login({ user: 'alice' })).form.fields.SAMLResponse!;
  });
  const sealed = (extra: Partial<ExplainContext> = {}) =>
    context({
      sp: {
        ...context().sp!,
        entityId: 'https://sealed.test/metadata',
        acsUrls: ['https://sealed.test/acs'],
      },
      ...extra,
    });

  it('without the key: a problem that asks for it', async () => {
    const explanation = await explain({ text: response, context: sealed() });
    expect(explanation.checks.find((c) => c.id === 'saml.encrypted')).toMatchObject({
      status: 'problem',
      text: expect.stringContaining('--key'),
    });
  });

  it("with the SP's key: decrypted, and the assertion inside checked", async () => {
    const explanation = await explain({
      text: response,
      context: sealed({ decryptionKey: spKeys.privateKey }),
    });
    expect(explanation.checks.find((c) => c.id === 'saml.encrypted')?.status).toBe('ok');
    expect(explanation.checks.find((c) => c.id === 'saml.audience')?.status).toBe('ok');
    expect(ids(explanation.checks)).toEqual([]);
  });
});

describe('JWTs', () => {
  const op = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rp = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const issuer = 'https://login.microsoftonline.com/11111111-1111-4111-8111-111111111111/v2.0';
  let jwks: { keys: Array<Record<string, unknown>> };
  beforeAll(async () => {
    jwks = { keys: [{ ...(await exportJWK(op.publicKey)), kid: 'op-1', alg: 'RS256', use: 'sig' }] };
  });
  const oidc = (): ExplainContext => ({
    sp: { ...context().sp!, clientId: 'client-1' },
    idp: {
      source: 'test',
      entityId: issuer,
      ssoUrls: [],
      sloUrls: [],
      signingCertificates: [],
      jwks: jwks as never,
    },
    clockSkewSeconds: 180,
    expected: { nonce: 'n-1' },
    knownIssuers: [],
  });
  const sign = (claims: Record<string, unknown>, typ?: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'op-1', ...(typ ? { typ } : {}) })
      .setIssuer(issuer)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(op.privateKey);

  it('an id_token from an Entra issuer: checked, and a fix names the Entra setting', async () => {
    const token = await sign({ aud: 'another-app', sub: 'u1', nonce: 'n-1' });
    const explanation = await explain({ text: token, context: oidc() });
    expect(explanation.messages[0]).toMatchObject({ kind: 'oidc-id-token', persona: 'entra' });
    const aud = explanation.checks.find((c) => c.id === 'oidc.aud');
    expect(aud).toMatchObject({ status: 'problem', expected: 'client-1', actual: 'another-app' });
    expect(ids(explanation.checks)).toEqual(['oidc.aud']);
  });

  it('a JWE: unreadable without the key; with it, decrypted and its id_token checked', async () => {
    const inner = await sign({ aud: 'client-1', sub: 'u1', nonce: 'n-1' });
    const jwe = await new CompactEncrypt(new TextEncoder().encode(inner))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' })
      .encrypt(rp.publicKey);
    const locked = await explain({ text: jwe, context: oidc() });
    expect(locked.outcome).toBe('unreadable');
    expect(ids(locked.checks)).toEqual(['input.jwe']);
    const key = rp.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const open = await explain({ text: jwe, context: { ...oidc(), decryptionKey: key } });
    expect(open.input.kind).toBe('jwe');
    expect(open.checks.find((c) => c.id === 'oidc.encryption')?.status).toBe('ok');
    expect(ids(open.checks)).toEqual([]);
  });

  it('a logout token: its own rules (events, sid or sub, no nonce)', async () => {
    const events = { 'http://schemas.openid.net/event/backchannel-logout': {} };
    const good = await explain({
      text: await sign({ aud: 'client-1', sid: 's1', jti: 'j1', events }, 'logout+jwt'),
      context: oidc(),
    });
    expect(good.messages[0]!.kind).toBe('oidc-logout-token');
    expect(ids(good.checks)).toEqual([]);
    const bad = await explain({
      text: await sign({ aud: 'client-1', jti: 'j1', events, nonce: 'x' }, 'logout+jwt'),
      context: oidc(),
    });
    expect(
      bad.checks.filter((c) => c.id === 'oidc.logout-token' && c.status === 'problem').map((c) => c.text),
    ).toEqual([expect.stringContaining('MUST NOT'), expect.stringContaining('neither sub nor sid')]);
  });

  it('a JWT access token (RFC 9068)', async () => {
    const token = await sign(
      { aud: 'https://api.example', sub: 'u1', client_id: 'client-1', jti: 'j', scope: 'read' },
      'at+jwt',
    );
    const explanation = await explain({ text: token, context: oidc() });
    expect(explanation.messages[0]!.kind).toBe('oidc-access-token');
    expect(ids(explanation.checks)).toEqual([]);
  });

  it('a token endpoint error from Entra: AADSTS7000222 means the client secret expired, fixed in the Entra console', async () => {
    const body = JSON.stringify({
      error: 'invalid_client',
      error_description: "AADSTS7000222: The provided client secret keys for app 'x' are expired.",
    });
    const explanation = await explain({
      text: body,
      context: { ...oidc(), idp: { ...oidc().idp!, persona: 'entra' } },
    });
    const problem = explanation.checks.find((c) => c.id === 'oidc.token-response');
    expect(problem).toMatchObject({
      status: 'problem',
      text: expect.stringContaining('client secret has expired'),
      fix: { side: 'idp', setting: expect.stringContaining('Certificates & secrets') },
    });
  });

  it('an OIDC callback URL with an error', async () => {
    const explanation = await explain({
      text: 'https://app.test/cb?error=access_denied&error_description=no&state=s1',
      context: { ...oidc(), expected: { state: 's1' } },
    });
    expect(explanation.input.kind).toBe('oidc-url');
    expect(ids(explanation.checks)).toEqual(['oidc.authorization-response.error']);
  });
});
