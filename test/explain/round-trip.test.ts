import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckStatus } from '../../explain/types.ts';
import { faultRegistry } from '../../idp/faults/index.ts';
import type { FaultRef } from '../../idp/flows.ts';
import { type Demo, startDemo } from '../support/demo.ts';
import { captureLogin, captureOidcLogin, explainOidc, explainSaml, findingsOf } from './support.ts';

/**
 * The round trip: for every fault of the registry whose effect shows in what the IdP
 * sends, the real harness commits it in a real login (the HTTP driver against the demo
 * SP, or a code flow at the OP), the capture goes through explain with the SP's
 * settings, and the explanation must name the problem: the check the fault trips.
 */
interface Case {
  /** The faults of the flow; params chosen so the effect is visible (see each note). */
  faults: FaultRef[] | ((demo: Demo) => FaultRef[]);
  /** The check the explanation must report. */
  check: string;
  status?: Exclude<CheckStatus, 'ok'>;
}

const one = (fault: string, params?: Record<string, unknown>): FaultRef[] => [{ fault, params }];

const samlCases: Record<string, Case> = {
  'saml.assertion-expired': { faults: one('saml.assertion-expired'), check: 'saml.time.not-on-or-after' },
  // 120 s (the default) is within the 180 s skew explain assumes: a warning. 600 s is a problem.
  'saml.not-before-future': {
    faults: one('saml.not-before-future', { seconds: 600 }),
    check: 'saml.time.not-before',
  },
  'saml.subject-confirmation-expired': {
    faults: one('saml.subject-confirmation-expired'),
    check: 'saml.time.confirmation',
  },
  'saml.issue-instant': { faults: one('saml.issue-instant'), check: 'saml.time.issue-instant' },
  'saml.session-expired': { faults: one('saml.session-expired'), check: 'saml.time.session' },
  // The default 180 s sits exactly at the skew allowed; ten minutes ahead is beyond it.
  'saml.clock-skew': { faults: one('saml.clock-skew', { seconds: 600 }), check: 'saml.time.issue-instant' },
  'saml.audience': { faults: one('saml.audience'), check: 'saml.audience' },
  'saml.destination': { faults: one('saml.destination'), check: 'saml.destination' },
  'saml.recipient': { faults: one('saml.recipient'), check: 'saml.recipient' },
  'saml.issuer': { faults: one('saml.issuer'), check: 'saml.issuer' },
  'saml.in-response-to': { faults: one('saml.in-response-to'), check: 'saml.in-response-to' },
  // A fixed ID reused across logins shows only across two messages; an ID shared with the Response shows in one.
  'saml.ids': { faults: one('saml.ids', { sameAsResponse: true }), check: 'saml.ids' },
  // The defaults change nothing; the transient format is one the demo SP's metadata does not list.
  'saml.nameid': {
    faults: one('saml.nameid', { format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient' }),
    check: 'saml.nameid.format',
  },
  'saml.nameid-processing-instruction': {
    faults: one('saml.nameid-processing-instruction'),
    check: 'saml.nameid.hidden-content',
  },
  'saml.subject-missing': { faults: one('saml.subject-missing'), check: 'saml.subject' },
  // The defaults keep the email attribute; removing it misses one the SP requires.
  'saml.attribute': {
    faults: one('saml.attribute', { name: 'email', remove: true }),
    check: 'saml.attributes',
  },
  'saml.authn-context': { faults: one('saml.authn-context'), check: 'saml.authn-context' },
  'saml.status': { faults: one('saml.status'), check: 'saml.status' },
  'saml.signing-key': { faults: one('saml.signing-key'), check: 'saml.signature.certificate-validity' },
  // KeyInfo is a hint: the registered key still signs, so this is a warning (the catalog expects accept).
  'saml.key-info': { faults: one('saml.key-info'), check: 'saml.signature.certificate', status: 'warning' },
  'saml.signature-algorithm': { faults: one('saml.signature-algorithm'), check: 'saml.signature.algorithm' },
  'saml.digest-algorithm': { faults: one('saml.digest-algorithm'), check: 'saml.signature.algorithm' },
  'saml.signed-parts': { faults: one('saml.signed-parts'), check: 'saml.signature.present' },
  // The demo connection logs in as alice, the fault's default identity: name someone else.
  'saml.tamper': {
    faults: one('saml.tamper', { identity: 'mallory@example.com' }),
    check: 'saml.signature.verifies',
  },
  'saml.signature-wrapping': { faults: one('saml.signature-wrapping'), check: 'saml.signature.wrapping' },
  'saml.extra-assertion': { faults: one('saml.extra-assertion'), check: 'saml.signature.wrapping' },
  'saml.version': { faults: one('saml.version'), check: 'saml.structure' },
  'saml.issuers-several': { faults: one('saml.issuers-several'), check: 'saml.structure' },
  'saml.attribute-duplicated': {
    faults: one('saml.attribute-duplicated', { name: 'email', values: ['mallory@example.com'] }),
    check: 'saml.structure',
  },
  // explain reads a zone-less time as not UTC: a warning (the demo SP refuses it).
  'saml.issue-instant-malformed': {
    faults: one('saml.issue-instant-malformed'),
    check: 'saml.time.issue-instant',
    status: 'warning',
  },
  // The default leaves Conditions out, and with it the AudienceRestriction.
  'saml.element-missing': { faults: one('saml.element-missing'), check: 'saml.audience' },
  'saml.subject-confirmation-method': {
    faults: one('saml.subject-confirmation-method'),
    check: 'saml.subject',
  },
  // The comment splits a signed NameID that starts with the victim and goes on.
  'saml.comment-injection': {
    faults: [
      { fault: 'saml.nameid', params: { value: 'alice@example.com.evil.example' } },
      { fault: 'saml.comment-injection' },
    ],
    check: 'saml.nameid.hidden-content',
  },
  'saml.doctype': { faults: one('saml.doctype'), check: 'input.dtd' },
  'saml.xml-edit': {
    faults: one('saml.xml-edit', {
      select: '//saml:NameID',
      action: 'set-text',
      value: 'mallory@example.com',
    }),
    check: 'saml.signature.verifies',
  },
  'saml.xml-edit-before-signing': {
    faults: one('saml.xml-edit-before-signing', { select: '/samlp:Response/@Destination', action: 'remove' }),
    check: 'saml.destination',
  },
  'saml.digest-comment': {
    faults: [
      { fault: 'saml.tamper', params: { identity: 'mallory@example.com' } },
      { fault: 'saml.digest-comment' },
    ],
    check: 'saml.signature.verifies',
  },
  'saml.assertion-signature-invalid': {
    faults: one('saml.assertion-signature-invalid'),
    check: 'saml.signature.verifies',
  },
  'saml.signature-transform': { faults: one('saml.signature-transform'), check: 'saml.signature.verifies' },
  // Posted to the okta connection's ACS: the HAR shows where it went, the Response names the saml ACS.
  'saml.acs-url': {
    faults: (demo) => one('saml.acs-url', { url: `${demo.spUrl}/saml/okta/acs` }),
    check: 'saml.delivered-to',
  },
  'saml.relay-state': { faults: one('saml.relay-state'), check: 'saml.relay-state' },
};

const oidcCases: Record<string, Case> = {
  'oidc.claims.groups-overage': {
    faults: one('oidc.claims.groups-overage'),
    check: 'oidc.claims.groups-overage',
    status: 'warning',
  },
  'oidc.claims.remove': { faults: one('oidc.claims.remove'), check: 'oidc.claims.required' },
  // email_verified false is legal; trusting that email is the RP's mistake: a warning.
  'oidc.claims.set': {
    faults: one('oidc.claims.set'),
    check: 'oidc.claims.email-verified',
    status: 'warning',
  },
  'oidc.id-token.alg-none': { faults: one('oidc.id-token.alg-none'), check: 'oidc.alg' },
  'oidc.id-token.audience': { faults: one('oidc.id-token.audience'), check: 'oidc.aud' },
  'oidc.id-token.azp': { faults: one('oidc.id-token.azp'), check: 'oidc.azp' },
  'oidc.id-token.auth-time': { faults: one('oidc.id-token.auth-time'), check: 'oidc.auth_time' },
  'oidc.id-token.expired': { faults: one('oidc.id-token.expired'), check: 'oidc.exp' },
  'oidc.id-token.hash-claims': { faults: one('oidc.id-token.hash-claims'), check: 'oidc.at_hash' },
  'oidc.id-token.hmac-public-key': { faults: one('oidc.id-token.hmac-public-key'), check: 'oidc.alg' },
  'oidc.id-token.issued-at': { faults: one('oidc.id-token.issued-at'), check: 'oidc.iat' },
  'oidc.id-token.issuer': { faults: one('oidc.id-token.issuer'), check: 'oidc.iss' },
  'oidc.id-token.key': { faults: one('oidc.id-token.key'), check: 'oidc.kid' },
  // The OP publishes two keys (RS256 and ES256): a token without kid is ambiguous.
  'oidc.id-token.kid': { faults: one('oidc.id-token.kid'), check: 'oidc.kid' },
  'oidc.id-token.nonce': { faults: one('oidc.id-token.nonce'), check: 'oidc.nonce' },
  'oidc.id-token.not-before': { faults: one('oidc.id-token.not-before'), check: 'oidc.nbf' },
  'oidc.id-token.tamper': { faults: one('oidc.id-token.tamper'), check: 'oidc.signature' },
  'oidc.id-token.header': { faults: one('oidc.id-token.header'), check: 'oidc.jose-header' },
  // Signed by an untrusted key: its kid is not in the OP's JWKS.
  'oidc.id-token.header-key': { faults: one('oidc.id-token.header-key'), check: 'oidc.kid' },
  'oidc.id-token.kid-injection': { faults: one('oidc.id-token.kid-injection'), check: 'oidc.alg' },
  'oidc.id-token.hmac-secret': { faults: one('oidc.id-token.hmac-secret'), check: 'oidc.alg' },
  'oidc.id-token.forged-signature': {
    faults: one('oidc.id-token.forged-signature'),
    check: 'oidc.signature',
  },
  'oidc.token-response.remove': { faults: one('oidc.token-response.remove'), check: 'oidc.token-response' },
  'oidc.jwks.empty': { faults: one('oidc.jwks.empty'), check: 'oidc.kid' },
  'oidc.jwks.remove-kid': { faults: one('oidc.jwks.remove-kid'), check: 'oidc.kid' },
  'oidc.jwks.rotate': { faults: one('oidc.jwks.rotate'), check: 'oidc.kid' },
  'oidc.discovery.endpoints': { faults: one('oidc.discovery.endpoints'), check: 'oidc.discovery' },
  'oidc.discovery.issuer': { faults: one('oidc.discovery.issuer'), check: 'oidc.iss' },
  'oidc.discovery.remove': { faults: one('oidc.discovery.remove'), check: 'oidc.discovery' },
  'oidc.endpoint.answer': { faults: one('oidc.endpoint.answer'), check: 'oidc.token-response' },
  'oidc.endpoint.error': { faults: one('oidc.endpoint.error'), check: 'oidc.token-response' },
  'oidc.endpoint.expired-secret': {
    faults: one('oidc.endpoint.expired-secret'),
    check: 'oidc.token-response',
  },
  'oidc.authorization-response.error': {
    faults: one('oidc.authorization-response.error'),
    check: 'oidc.authorization-response.error',
  },
  'oidc.authorization-response.iss': {
    faults: one('oidc.authorization-response.iss'),
    check: 'oidc.authorization-response.iss',
  },
  'oidc.authorization-response.state': {
    faults: one('oidc.authorization-response.state'),
    check: 'oidc.authorization-response.state',
  },
};

/** Faults whose effect is not in the messages, and why. */
const excluded: Record<string, string> = {
  'saml.duplicate-attribute':
    'makes the response not well-formed XML: explain refuses to read it (problem input.xml), so no check of the message applies and nothing is reproduced',
  'saml.posts':
    'posts the same response twice from one browser; the HTTP driver posts once, so a capture holds one post (a HAR with a repeated response is not checked for replay)',
  'saml.identity':
    'asserts another user in a well-formed, signed response: nothing in the message is wrong, only the SP knows the user should not be this one',
  'oidc.claims.identity':
    'another user in a valid, signed token: only the RP knows who should have logged in',
  'oidc.id-token.claims':
    "sets well-formed claims (amr: pwd by default); only the RP's policy (MFA required) can call them wrong",
  'oidc.id-token.subject': 'another subject in a valid, signed token: only the RP knows whose sub it expects',
  'oidc.token-response.set': 'extra fields in the token response are allowed (RFC 6749 §5.1)',
  'oidc.userinfo.set':
    'changes the userinfo answer, which travels between the RP back end and the OP; explain reads SSO messages, not userinfo',
  'oidc.jwks.add-keys': 'extra keys that sign nothing leave every token verifiable',
  'oidc.jwks.publish': 'publishes the current key by default: the normal key set',
  'oidc.endpoint.slow': 'a slow answer is the same answer: timing is not in the message',
  'oidc.id-token.encrypt':
    "encrypts the id_token to the RP's own key: only the RP's private key, which a capture does not carry, shows what is inside",
  'oidc.id-token.refresh-claims':
    'changes only the id_token of a refresh_token grant, which comes after the login a capture holds',
  'oidc.id-token.tenant':
    "moves a token to another Entra tenant (tid, and the tenant in iss): which tenants a multi-tenant app serves only the RP knows; an iss off the configured tenant issuer is oidc.iss's, covered by oidc.id-token.issuer",
  'saml.issuer-format':
    'leaves Format off the Issuer, which SAML allows (entity is then in effect, Core §2.2.5): a valid message, nothing to name',
  'saml.attribute-name-format':
    'leaves NameFormat off the attributes, which SAML allows (unspecified is then in effect, Core §2.7.3.1): nothing to name',
  'saml.time-precision':
    'writes instants with another fractional precision, each a valid UTC xs:dateTime (Core §1.3.3): nothing to name',
  'saml.encryption-algorithms':
    "an encrypt-stage fault, which the round trip's non-encrypting demo connection cannot take; explain decrypts with the SP key (saml.encrypted) but does not judge the key transport or content cipher",
  'saml.encryption-skipped':
    'a plaintext assertion is valid SAML: only the SP policy of requiring encryption makes it wrong, which explain is not given',
  'saml.encryption-certificate':
    "an encrypt-stage fault, which the round trip's non-encrypting demo connection cannot take; given the SP key, explain names it (saml.encrypted: cannot be decrypted)",
  'oidc.logout-token.claims':
    'changes the back-channel logout token, which the IdP posts to the RP server to server: not in a capture of a login',
  'oidc.logout-token.signature':
    'changes the back-channel logout token, which the IdP posts to the RP server to server: not in a capture of a login',
  'oidc.frontchannel-logout.iss':
    'changes the front-channel logout request, which comes after the login captured here',
  'oidc.frontchannel-logout.sid':
    'changes the front-channel logout request, which comes after the login captured here',
  'saml.logout-unsigned': "changes the IdP's LogoutRequest or LogoutResponse, not the login captured here",
  'saml.logout-signing-key': "changes the IdP's LogoutRequest or LogoutResponse, not the login captured here",
  'saml.logout-issuer': "changes the IdP's LogoutRequest or LogoutResponse, not the login captured here",
  'saml.logout-destination': "changes the IdP's LogoutRequest or LogoutResponse, not the login captured here",
  'saml.logout-in-response-to': "changes the IdP's LogoutResponse, not the login captured here",
  'saml.session-lifetime':
    'a SessionNotOnOrAfter a few seconds ahead is valid when the response is read; it matters only once it has passed',
  'saml.metadata-certificates': 'changes the IdP metadata, which a capture of a login does not hold',
};

const covered = [...Object.keys(samlCases), ...Object.keys(oidcCases)];

describe('explain round trip: every visible fault of the registry is named', () => {
  it('maps every fault of the registry to a check, or gives the reason it is not visible', () => {
    const all = Object.keys(faultRegistry).sort();
    expect([...covered, ...Object.keys(excluded)].sort()).toEqual(all);
    console.log(
      `explain round trip covers ${covered.length} of ${all.length} faults (${Object.keys(excluded).length} excluded: not visible in a message)`,
    );
  });

  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(() => demo?.close());

  describe('SAML: the HTTP driver logs in through the demo SP, its HAR is explained', () => {
    it('a clean login has no problem', async () => {
      const explanation = await explainSaml(demo, 'saml', await captureLogin(demo, 'saml', []), {
        requiredAttributes: ['email'],
      });
      expect(explanation.outcome).toBe('readable');
      expect(explanation.messages.map((m) => m.kind)).toEqual(['saml-authn-request', 'saml-response']);
      expect(findingsOf(explanation).filter((f) => f.startsWith('problem'))).toEqual([]);
      expect(explanation.reproduction).toBeUndefined();
    });

    it.each(Object.entries(samlCases))('%s', async (_name, c) => {
      const har = await captureLogin(
        demo,
        'saml',
        typeof c.faults === 'function' ? c.faults(demo) : c.faults,
      );
      const explanation = await explainSaml(demo, 'saml', har, { requiredAttributes: ['email'] });
      const tripped = explanation.checks.filter(
        (check) => check.id === c.check && check.status === (c.status ?? 'problem'),
      );
      expect(tripped, findingsOf(explanation).join('\n')).not.toEqual([]);
      if ((c.status ?? 'problem') === 'problem') {
        expect(
          explanation.reproduction?.sources.map((s) => s.check),
          'a problem has a fault that reproduces it',
        ).toContain(c.check);
      }
    });
  });

  describe('OIDC: a code flow at the OP (front and back channel) is explained with its live discovery and JWKS', () => {
    it('a clean login has no problem', async () => {
      const explanation = await captureOidcLogin(demo, [], (har) => explainOidc(demo, har));
      expect(explanation.messages.map((m) => m.kind)).toEqual([
        'oidc-authorization-request',
        'oidc-authorization-response',
        'oidc-token-response',
        'oidc-id-token',
      ]);
      expect(findingsOf(explanation).filter((f) => f.startsWith('problem'))).toEqual([]);
    });

    it.each(Object.entries(oidcCases))('%s', async (_name, c) => {
      const explanation = await captureOidcLogin(
        demo,
        typeof c.faults === 'function' ? c.faults(demo) : c.faults,
        (har) => explainOidc(demo, har),
      );
      const tripped = explanation.checks.filter(
        (check) => check.id === c.check && check.status === (c.status ?? 'problem'),
      );
      expect(tripped, findingsOf(explanation).join('\n')).not.toEqual([]);
    });
  });
});
