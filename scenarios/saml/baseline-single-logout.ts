import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.baseline.single-logout',
  title: 'Single logout after a valid login',
  protocol: 'saml',
  faults: [],
  expect: {
    steps: [
      {
        action: 'login',
        expect: 'accept',
      },
      {
        action: 'logout',
        expect: 'reject',
      },
    ],
  },
  tags: ['baseline', 'logout', 'session'],
  why: 'The user logs in, then logs out at the SP, which ends its own session and sends the IdP a LogoutRequest (SAML single logout). After logout nobody may be logged in; an SP that only redirects to the IdP and forgets its own session leaves the account open on a shared computer.',
  refs: ['SAML 2.0 Profiles §4.4 (Single Logout Profile)', 'SAML 2.0 Core §3.7 (Single Logout Protocol)'],
  caughtBy: ['logout-keeps-session'],
});
