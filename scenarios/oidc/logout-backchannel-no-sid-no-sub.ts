import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.logout.backchannel-no-sid-no-sub',
  title: 'Back-channel logout token with neither sid nor sub',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.logout-token.claims',
      params: {
        set: {},
        remove: ['sid', 'sub'],
      },
    },
  ],
  expect: {
    steps: [
      {
        action: 'login',
        expect: 'accept',
      },
      {
        action: 'backchannel-logout',
        expect: 'accept',
      },
    ],
  },
  tags: ['logout', 'back-channel', 'tokens'],
  why: 'A logout token must name the session (sid) or the user (sub). One that names neither says nothing to log out; an RP that takes it as "log everyone out" ends every session of the connection. A correct RP answers HTTP 400 and keeps the session; the probe shows the user still logged in.',
  refs: [
    'OpenID Connect Back-Channel Logout 1.0 §2.4 (sid or sub REQUIRED)',
    'OpenID Connect Back-Channel Logout 1.0 §2.6 step 4',
  ],
  caughtBy: ['logout-token-subject'],
});
