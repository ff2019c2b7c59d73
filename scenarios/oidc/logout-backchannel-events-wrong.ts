import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.logout.backchannel-events-wrong',
  title: 'Back-channel logout token whose events claim names another event',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.logout-token.claims',
      params: {
        set: {
          events: {
            'http://schemas.openid.net/event/other-logout': {},
          },
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
  why: 'The events claim is present but does not hold http://schemas.openid.net/event/backchannel-logout: this JWT is some other security event token. An RP that checks only that events exists ends sessions on tokens meant for something else. A correct RP answers HTTP 400 and keeps the session; the probe shows the user still logged in.',
  refs: [
    'OpenID Connect Back-Channel Logout 1.0 §2.4',
    'OpenID Connect Back-Channel Logout 1.0 §2.6 step 5',
    'RFC 8417 (Security Event Token) §2.2',
    'OpenID Foundation conformance suite: OIDCCClientTestBackChannelLogoutWrongEvent',
  ],
  caughtBy: ['logout-token-events'],
});
