import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.issuer.unknown-idp',
  title: 'Issuer is an unknown IdP',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.issuer',
      params: {
        value: 'https://unknown-idp.invalid/saml/metadata',
      },
    },
  ],
  expect: 'reject',
  tags: ['issuer'],
  why: "The Response and Assertion name an IdP this connection does not trust, even though the signature is the trusted one's. A correct SP checks that the Issuer is the IdP it registered for this connection, so an IdP cannot speak for another.",
  refs: ["SAML 2.0 Profiles §4.1.4.2 (Issuer MUST be the IdP's entity ID)", 'SAML 2.0 Core §2.3.3'],
  caughtBy: ['issuer'],
});
