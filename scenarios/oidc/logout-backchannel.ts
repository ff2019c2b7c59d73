import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.logout.backchannel',
  title: 'Back-channel logout with a valid logout token ends the RP session',
  protocol: 'oidc',
  faults: [],
  expect: {
    steps: [
      {
        action: 'login',
        expect: 'accept',
      },
      {
        action: 'backchannel-logout',
        expect: 'reject',
      },
    ],
  },
  tags: ['baseline', 'logout', 'back-channel'],
  why: "The user signs out at the IdP (or an admin ends the session there), and the IdP posts a signed logout token to the RP's backchannel_logout_uri. A correct RP validates it, ends the session it names by sid (or every session of its sub) and answers 200; the browser's next request finds no session. An RP that answers 200 and ends nothing leaves the user signed in after the IdP said they are gone.",
  refs: [
    'OpenID Connect Back-Channel Logout 1.0 §2.5–2.8',
    'OpenID Foundation conformance suite: OIDCCClientTestBackChannelLogout',
  ],
  caughtBy: ['backchannel-logout-ignored'],
});
