import { generateKeyPairSync } from 'node:crypto';
import { exportJWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { ExplainContext } from '../../explain/context/settings.ts';
import { explain } from '../../explain/explain.ts';
import type { Explanation } from '../../explain/types.ts';

/**
 * A capture made through a harness (or an SP) on another port: its URLs match the SP's
 * settings but for the port. explain says so as a warning of its own, and does not
 * replay it; a URL on another host stays a problem.
 */
const setting = { idp: 'http://localhost:7000/saml/okta', acs: 'http://localhost:3000/saml/okta/acs' };
const at = '2026-01-01T00:00:00Z';

function response(issuer: string, acs: string): string {
  return `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0" IssueInstant="${at}" Destination="${acs}">
<saml:Issuer>${issuer}</saml:Issuer>
<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
<saml:Assertion ID="_a1" Version="2.0" IssueInstant="${at}"><saml:Issuer>${issuer}</saml:Issuer>
<saml:Subject><saml:NameID>alice@example.com</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="2026-01-01T00:05:00Z" Recipient="${acs}"/></saml:SubjectConfirmation></saml:Subject>
<saml:Conditions NotBefore="${at}" NotOnOrAfter="2026-01-01T00:05:00Z"><saml:AudienceRestriction><saml:Audience>${acs.replace(/\/acs$/, '')}</saml:Audience></saml:AudienceRestriction></saml:Conditions>
<saml:AuthnStatement AuthnInstant="${at}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>
</saml:Assertion></samlp:Response>`;
}

const samlContext = (): ExplainContext => ({
  sp: {
    source: 'test',
    entityId: 'http://localhost:3000/saml/okta',
    acsUrls: [setting.acs],
    sloUrls: [],
    signingCertificates: [],
    wantAssertionsSigned: false,
    nameIdFormats: [],
    requiredAttributes: [],
    redirectUris: ['http://localhost:3000/oidc/google/callback'],
    requiredClaims: [],
    clientId: 'client-1',
  },
  idp: { source: 'test', entityId: setting.idp, ssoUrls: [], sloUrls: [], signingCertificates: [] },
  clockSkewSeconds: 180,
  expected: {},
  knownIssuers: [],
});

const of = (explanation: Explanation, ids: string[]) =>
  explanation.checks.filter((c) => ids.includes(c.id)).map((c) => `${c.status} ${c.id}: ${c.text}`);
const reproduced = (explanation: Explanation) =>
  explanation.reproduction?.scenario?.faults.map((f) => f.fault) ?? [];

const samlIds = ['saml.issuer', 'saml.destination', 'saml.audience', 'saml.recipient'];

describe('explain: URLs that differ from the settings only in the port', () => {
  it('SAML: Issuer, Destination, Audience and Recipient on other ports are warnings that name both ports, not replayed', async () => {
    const text = response('http://localhost:7100/saml/okta', 'http://localhost:3100/saml/okta/acs');
    const explanation = await explain({ text, context: samlContext() });
    expect(of(explanation, samlIds)).toEqual([
      "warning saml.issuer: the Response's Issuer differs from the IdP entityID the SP trusts only in the port: 7100 here vs 7000 in the setting; a capture from a harness (or an SP) on another port?",
      "warning saml.destination: the Destination differs from the SP's ACS URL only in the port: 3100 here vs 3000 in the setting; a capture from a harness (or an SP) on another port?",
      "warning saml.issuer: the Assertion's Issuer differs from the IdP entityID the SP trusts only in the port: 7100 here vs 7000 in the setting; a capture from a harness (or an SP) on another port?",
      "warning saml.audience: the Audience differs from the SP's entityID only in the port: 3100 here vs 3000 in the setting; a capture from a harness (or an SP) on another port?",
      "warning saml.recipient: the Recipient differs from the SP's ACS URL only in the port: 3100 here vs 3000 in the setting; a capture from a harness (or an SP) on another port?",
    ]);
    expect(explanation.checks.find((c) => c.id === 'saml.issuer')).toMatchObject({
      expected: setting.idp,
      actual: 'http://localhost:7100/saml/okta',
    });
    expect(reproduced(explanation).filter((f) => /issuer|destination|audience|recipient/.test(f))).toEqual(
      [],
    );
  });

  it('SAML: another host (or path) is still a real mismatch, replayed', async () => {
    const text = response('http://127.0.0.1:7100/saml/okta', 'http://localhost:3000/saml/other/acs');
    const explanation = await explain({ text, context: samlContext() });
    expect(of(explanation, samlIds).map((line) => line.split(':')[0])).toEqual([
      'problem saml.issuer',
      'problem saml.destination',
      'problem saml.issuer',
      'problem saml.audience',
      'problem saml.recipient',
    ]);
    expect(reproduced(explanation)).toEqual(
      expect.arrayContaining(['saml.issuer', 'saml.destination', 'saml.audience', 'saml.recipient']),
    );
  });

  it('OIDC: an id_token whose iss and an authorization request whose redirect_uri differ only in the port', async () => {
    const op = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwks = { keys: [{ ...(await exportJWK(op.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
    const context: ExplainContext = {
      ...samlContext(),
      idp: { ...samlContext().idp!, entityId: 'http://localhost:7000/oidc/google', jwks: jwks as never },
      expected: { nonce: 'n-1' },
    };
    const token = await new SignJWT({ aud: 'client-1', sub: 'u1', nonce: 'n-1' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer('http://localhost:7100/oidc/google')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(op.privateKey);
    const idToken = await explain({ text: token, context });
    expect(of(idToken, ['oidc.iss'])).toEqual([
      'warning oidc.iss: iss differs from the issuer the RP expects only in the port: 7100 here vs 7000 in the setting; a capture from a harness (or an SP) on another port?',
    ]);
    expect(idToken.reproduction?.scenario).toBeUndefined();

    const request = `http://localhost:7100/oidc/google/auth?${new URLSearchParams({
      client_id: 'client-1',
      redirect_uri: 'http://localhost:3100/oidc/google/callback',
      response_type: 'code',
      scope: 'openid email',
      state: 's-1',
      nonce: 'n-1',
    })}`;
    const authorization = await explain({ text: request, context });
    expect(of(authorization, ['oidc.redirect-uri'])).toEqual([
      'warning oidc.redirect-uri: the redirect_uri differs from the redirect URI registered for the client only in the port: 3100 here vs 3000 in the setting; a capture from a harness (or an SP) on another port?',
    ]);
  });
});
