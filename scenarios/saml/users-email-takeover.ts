import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.users.email-takeover',
  title: "Another identity claims an existing account's email",
  protocol: 'saml',
  role: 'stranger',
  faults: [
    {
      fault: 'saml.identity',
      params: {
        email: '{{victim.email}}',
        keepNameId: true,
      },
    },
  ],
  expect: {
    notAs: 'victim',
  },
  tags: ['users', 'security'],
  why: "Mallory changed the email in her IdP profile to alice@example.com; her NameID is still her own. Alice's account is linked to alice's NameID, so a correct SP refuses instead of handing mallory alice's account.",
  refs: [
    'Descope, "nOAuth" (2023): account takeover by matching on a mutable email',
    'SAML 2.0 Core §8.3 (name identifiers)',
  ],
  caughtBy: ['match-by-email'],
});
