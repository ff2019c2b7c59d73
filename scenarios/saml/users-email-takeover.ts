import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.users.email-takeover',
  title: "Another identity claims an existing account's email",
  protocol: 'saml',
  connection: 'saml',
  user: 'mallory',
  faults: [
    {
      fault: 'saml.identity',
      params: {
        email: 'alice@example.com',
        keepNameId: true,
      },
    },
  ],
  expect: {
    notAs: 'alice@example.com',
  },
  tags: ['users', 'security'],
  why: "Mallory changed the email in her IdP profile to alice@example.com; her NameID is still her own. Alice's account is linked to alice's NameID, so a correct SP refuses instead of handing mallory alice's account.",
  refs: [
    'Descope, "nOAuth" (2023): account takeover by matching on a mutable email',
    'SAML 2.0 Core §8.3 (name identifiers)',
  ],
  caughtBy: ['match-by-email'],
});
