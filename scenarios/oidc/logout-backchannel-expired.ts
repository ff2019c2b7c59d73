import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.logout.backchannel-expired',
  title: 'Back-channel logout token expired 10 minutes ago',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.logout-token.claims',
      params: {
        set: {},
        expiredSeconds: 600,
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
  why: "The logout token's exp passed ten minutes ago, well beyond any clock skew: a captured token replayed later. A correct RP refuses it. A correct RP answers HTTP 400 and keeps the session; the probe shows the user still logged in.",
  refs: [
    'OpenID Connect Back-Channel Logout 1.0 §2.4 (exp REQUIRED)',
    'OpenID Connect Back-Channel Logout 1.0 §2.6 step 3',
    'RFC 7519 §4.1.4',
  ],
  caughtBy: ['logout-token-expired'],
});
