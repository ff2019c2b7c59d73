import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.logout.backchannel-nonce',
  title: 'Back-channel logout token that carries a nonce',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.logout-token.claims',
      params: {
        set: {
          nonce: 'n-0S6_WzA2Mj',
        },
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
  why: 'A logout token must not carry a nonce, so that an id_token (which has one) can never pass for a logout token. An RP that accepts one here has not made sure the token is a logout token. A correct RP answers HTTP 400 and keeps the session; the probe shows the user still logged in.',
  refs: [
    'OpenID Connect Back-Channel Logout 1.0 §2.4 (nonce PROHIBITED)',
    'OpenID Connect Back-Channel Logout 1.0 §2.6 step 6',
    'OpenID Foundation conformance suite: OIDCCClientTestBackChannelLogoutWithNonce',
  ],
  caughtBy: ['logout-token-nonce'],
});
