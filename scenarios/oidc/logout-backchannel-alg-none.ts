import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.logout.backchannel-alg-none',
  title: 'Unsigned back-channel logout token (alg "none")',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.logout-token.signature',
      params: {
        mode: 'none',
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
  why: 'The logout token is unsigned. Anyone can make one: an RP that accepts alg none lets anyone who can reach its back-channel endpoint end the sessions of any user. A correct RP answers HTTP 400 and keeps the session; the probe shows the user still logged in.',
  refs: [
    'OpenID Connect Back-Channel Logout 1.0 §2.6 step 2',
    'RFC 8725 §3.1 (JWT BCP: algorithm verification)',
    'OpenID Foundation conformance suite: OIDCCClientTestBackChannelLogoutAlgNone',
  ],
  caughtBy: ['logout-token-alg-none'],
});
