import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.baseline.logout',
  title: 'Login, then RP-initiated logout',
  protocol: 'oidc',
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
  tags: ['baseline', 'logout'],
  why: "After a good login the user signs out: the SP must end its own session and send the browser to the IdP's end_session_endpoint (with id_token_hint) so the IdP session ends too. An SP that only redirects to the IdP and keeps its session leaves the user signed in on a shared computer.",
  refs: [
    'OpenID Connect RP-Initiated Logout 1.0 §2',
    'OWASP Session Management: logout must invalidate the session',
  ],
  // The IdP also ends the session by back-channel logout where the client registered it.
  caughtBy: ['logout-keeps-session', 'backchannel-logout-ignored'],
});
