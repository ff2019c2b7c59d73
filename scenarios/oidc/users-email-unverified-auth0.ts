import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.users.email-unverified-auth0',
  title: 'Auth0 userinfo says email_verified false',
  protocol: 'oidc',
  requires: {
    tag: 'userinfo',
  },
  faults: [
    {
      fault: 'oidc.claims.set',
      params: {
        claims: {
          email_verified: false,
        },
        use: 'userinfo',
      },
    },
  ],
  expect: 'reject',
  tags: ['users', 'email-verified', 'userinfo'],
  why: 'The id_token says nothing against the email, but the userinfo answer (which this SP reads) says it is not verified. A correct SP takes the most cautious source and refuses to trust the email.',
  refs: ['OIDC Core §5.1 (email_verified)', 'Auth0: verify emails before trusting them'],
  caughtBy: ['email-verified'],
});
