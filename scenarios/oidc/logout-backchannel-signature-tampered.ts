import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.logout.backchannel-signature-tampered',
  title: 'Back-channel logout token changed after signing',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.logout-token.signature',
      params: {
        mode: 'tampered',
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
  why: "The logout token's jti was changed after the IdP signed it (what an attacker does to get a captured token past a replay cache), so its signature no longer verifies. An RP that decodes logout tokens without verifying them lets anyone end any session. A correct RP answers HTTP 400 and keeps the session; the probe shows the user still logged in.",
  refs: [
    'OpenID Connect Back-Channel Logout 1.0 §2.6 step 2 (validate the signature as for an id_token)',
    'RFC 7515 §5.2',
  ],
  caughtBy: ['logout-token-signature'],
});
