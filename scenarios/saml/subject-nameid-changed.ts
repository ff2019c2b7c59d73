import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.subject.nameid-changed',
  title: 'IdP switched the NameID to a persistent opaque ID',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.nameid',
      params: {
        value: '8f2d1c6e-5b7a-4e3f-9a1d-0c4b7e6f2a91',
        format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      },
    },
  ],
  expect: 'reject',
  tags: ['subject', 'users'],
  why: "Alice's account is linked to her old NameID; the IdP now sends a new persistent ID with her email. The SP must not relink the account on the email alone (that is how accounts get taken over); a correct SP refuses and an administrator relinks.",
  refs: [
    'SAML 2.0 Core §8.3.7 (persistent identifiers)',
    'SAML 2.0 Core §3.6 (Name Identifier Management Protocol)',
  ],
  caughtBy: ['match-by-email'],
});
