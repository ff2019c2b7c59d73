import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.logout.backchannel-signature-hs256',
  title: 'Back-channel logout token signed with HS256 and the client secret',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.logout-token.signature',
      params: {
        mode: 'hs256',
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
  why: "The logout token is signed by an unknown key under the IdP's current kid. A correct RP verifies it against the IdP's JWKS, finds that it does not verify, and refuses. A correct RP answers HTTP 400 and keeps the session; the probe shows the user still logged in.",
  refs: ['OpenID Connect Back-Channel Logout 1.0 §2.6 step 2', 'OIDC Core §10.1 (Signing)'],
  caughtBy: ['logout-token-signature'],
});
