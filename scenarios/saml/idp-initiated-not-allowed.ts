import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.idp-initiated.not-allowed',
  title: 'IdP-initiated login refused where the connection does not allow it',
  protocol: 'saml',
  requires: {
    notTag: 'idp-initiated',
  },
  flow: {
    type: 'idp-initiated',
  },
  faults: [],
  expect: 'reject',
  tags: ['baseline', 'idp-initiated', 'in-response-to'],
  why: 'The same unsolicited Response, but at a connection that only accepts logins it started. An SP that takes unsolicited responses there cannot tie the response to a login it asked for, which opens it to login CSRF and to responses replayed from elsewhere. Targets whose policy allows IdP-initiated login everywhere override this expectation.',
  refs: [
    'SAML 2.0 Profiles §4.1.5 (Unsolicited Responses)',
    'OWASP SAML Security Cheat Sheet (unsolicited responses / IdP-initiated SSO)',
  ],
  caughtBy: ['unsolicited'],
});
