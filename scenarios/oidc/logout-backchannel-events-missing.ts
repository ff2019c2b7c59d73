import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.logout.backchannel-events-missing',
  title: 'Back-channel logout token without the events claim',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.logout-token.claims',
      params: {
        set: {},
        remove: ['events'],
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
  why: 'The IdP posts a logout token that has no events claim. The events member is what tells a logout token from any other JWT the IdP signs (an id_token, an access token): an RP that skips the check can be logged out with a replayed id_token. A correct RP answers HTTP 400 and keeps the session; the probe shows the user still logged in.',
  refs: [
    'OpenID Connect Back-Channel Logout 1.0 §2.4 (events REQUIRED)',
    'OpenID Connect Back-Channel Logout 1.0 §2.6 step 5',
    'OpenID Foundation conformance suite: OIDCCClientTestBackChannelLogoutNoEvent',
  ],
  caughtBy: ['logout-token-events'],
});
