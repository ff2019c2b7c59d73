import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.logout.frontchannel',
  title: 'Front-channel logout with the right iss and sid ends the RP session',
  protocol: 'oidc',
  faults: [],
  expect: {
    steps: [
      {
        action: 'login',
        expect: 'accept',
      },
      {
        action: 'frontchannel-logout',
        expect: 'reject',
      },
    ],
  },
  tags: ['baseline', 'logout', 'front-channel'],
  why: "The user signs out at the IdP, which loads every RP's frontchannel_logout_uri in the browser with iss and the session's sid. A correct RP checks iss, ends the session that sid names and answers with a page that can be framed; one that answers and ends nothing leaves the user signed in after the IdP said they are gone.",
  refs: [
    'OpenID Connect Front-Channel Logout 1.0 §2 (RP logout functionality), §3 (OP iframes)',
    'OpenID Foundation conformance suite: OIDCCClientTestFrontChannelLogoutOPInitiated',
  ],
  caughtBy: ['frontchannel-logout-ignored'],
});
