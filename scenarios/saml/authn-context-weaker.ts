import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.authn-context.weaker',
  title: 'Weaker AuthnContextClassRef than requested',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.authn-context',
      params: {
        classRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:Password',
      },
    },
  ],
  expect: 'reject',
  tags: ['authn-context'],
  why: 'The SP asked for at least PasswordProtectedTransport (Comparison minimum); the IdP answers Password. An SP that requests a strength must check the answer, or step-up authentication means nothing.',
  refs: [
    'SAML 2.0 Core §3.3.2.2.1 (RequestedAuthnContext comparison)',
    'SAML 2.0 Authentication Context (saml-authn-context-2.0-os)',
  ],
  caughtBy: ['authn-context'],
});
