import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.users.email-unverified-google',
  title: 'Google email_verified false',
  protocol: 'oidc',
  requires: {
    persona: 'google',
    tag: 'email-verified',
  },
  faults: [
    {
      fault: 'oidc.claims.set',
      params: {
        claims: {
          email_verified: false,
        },
      },
    },
  ],
  expect: 'reject',
  tags: ['users', 'email-verified'],
  why: "The IdP says it has not verified the email. Using it to find or create the account lets anyone who typed someone else's address into their IdP profile log in as them. A correct SP refuses (or asks to verify) instead of trusting the email.",
  refs: [
    'OIDC Core §5.1 (email_verified)',
    'OIDC Core §5.7 (email is not a stable identifier)',
    'Google: use email only when email_verified is true',
  ],
  caughtBy: ['email-verified'],
});
