import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.logout.backchannel-iss-wrong',
  title: 'Back-channel logout token from another issuer',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.logout-token.claims',
      params: {
        set: {
          iss: 'https://attacker.example/',
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
  why: "The logout token names an issuer that is not the RP's IdP. A correct RP validates iss exactly as for an id_token and refuses. A correct RP answers HTTP 400 and keeps the session; the probe shows the user still logged in.",
  refs: [
    'OpenID Connect Back-Channel Logout 1.0 §2.6 step 3',
    'OIDC Core §3.1.3.7 step 2',
    'OpenID Foundation conformance suite: OIDCCClientTestBackChannelLogoutWrongIssuer',
  ],
  caughtBy: ['logout-token-issuer'],
});
