import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.logout.backchannel-iat-missing',
  title: 'Back-channel logout token without iat',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.logout-token.claims',
      params: {
        set: {},
        remove: ['iat'],
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
  why: 'iat is required in a logout token; without it the RP cannot judge its age. A correct RP refuses the token. A correct RP answers HTTP 400 and keeps the session; the probe shows the user still logged in.',
  refs: [
    'OpenID Connect Back-Channel Logout 1.0 §2.4 (iat REQUIRED)',
    'OpenID Connect Back-Channel Logout 1.0 §2.6 step 3',
  ],
  caughtBy: ['logout-token-claims'],
});
