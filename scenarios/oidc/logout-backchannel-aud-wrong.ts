import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.logout.backchannel-aud-wrong',
  title: 'Back-channel logout token addressed to another client',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.logout-token.claims',
      params: {
        set: {
          aud: 'another-client',
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
  why: 'The logout token is for another client of the same IdP. An RP that does not check aud lets whoever holds a token for any client of the IdP end sessions here. A correct RP answers HTTP 400 and keeps the session; the probe shows the user still logged in.',
  refs: [
    'OpenID Connect Back-Channel Logout 1.0 §2.6 step 3 (validate aud as for an id_token)',
    'OIDC Core §3.1.3.7 step 3',
    'OpenID Foundation conformance suite: OIDCCClientTestBackChannelLogoutWrongAud',
  ],
  caughtBy: ['logout-token-audience'],
});
