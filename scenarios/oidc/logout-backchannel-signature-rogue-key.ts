import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.logout.backchannel-signature-rogue-key',
  title: 'Back-channel logout token signed by a key the IdP never published',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.logout-token.signature',
      params: {
        mode: 'rogue-key',
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
