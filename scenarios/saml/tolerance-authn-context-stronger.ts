import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.tolerance.authn-context-stronger',
  title: 'Stronger AuthnContextClassRef than requested',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.authn-context',
      params: {
        classRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract',
      },
    },
  ],
  expect: 'accept',
  tags: ['tolerance', 'authn-context'],
  why: 'The SP asked for at least PasswordProtectedTransport (Comparison minimum); the user signed in with a second factor. Minimum means this or stronger: a correct SP accepts, one that compares for equality refuses users whose IdP enforces MFA.',
  refs: [
    'SAML 2.0 Core §3.3.2.2.1 (Comparison minimum: at least as strong)',
    'SAML 2.0 Authentication Context (saml-authn-context-2.0-os)',
  ],
  caughtBy: ['strict-authn-context-exact'],
});
