import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.logout.backchannel-jti-missing',
  title: 'Back-channel logout token without jti',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.logout-token.claims',
      params: {
        set: {},
        remove: ['jti'],
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
  why: 'jti is required so that the RP can refuse a logout token it has seen before; without it replays cannot be told apart. A correct RP refuses the token. A correct RP answers HTTP 400 and keeps the session; the probe shows the user still logged in.',
  refs: [
    'OpenID Connect Back-Channel Logout 1.0 §2.4 (jti REQUIRED)',
    'OpenID Connect Back-Channel Logout 1.0 §2.6 step 7 (replay)',
  ],
  caughtBy: ['logout-token-claims'],
});
