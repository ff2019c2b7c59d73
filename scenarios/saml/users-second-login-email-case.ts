import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.users.second-login-email-case',
  title: 'A second login with the email in other letter case lands in the same account',
  protocol: 'saml',
  requires: {
    tag: 'jit',
  },
  role: 'stranger',
  // An opaque NameID (persistent), so that the page's NameID cannot pass for the email.
  faults: [
    { fault: 'saml.identity', params: { email: '{{stranger.email}}', nameId: '{{stranger.nameId}}' } },
  ],
  expect: {
    steps: [
      { action: 'login', expect: 'accept' },
      {
        action: 'login',
        expect: 'accept',
        faults: [
          {
            fault: 'saml.identity',
            params: { email: '{{stranger.email | upper}}', nameId: '{{stranger.nameId}}' },
          },
        ],
      },
    ],
  },
  tags: ['users', 'provisioning', 'jit'],
  why: "A new user logs in and is created just in time. Next time the IdP spells the same person's email in capitals (directories keep the case people typed; Entra and Okta send it as stored). Emails are case-insensitive in practice, so a correct SP lands the second login in the account the first one made, not in a second account.",
  refs: ['RFC 5321 §2.4 (the local part is case-sensitive only in theory)', 'SAML 2.0 Profiles §4.1.4.3'],
  caughtBy: ['match-by-email', 'email-case-sensitive'],
});
