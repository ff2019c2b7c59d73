import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.logout.idp-initiated',
  title: 'Single logout started at the IdP ends the SP session',
  protocol: 'saml',
  faults: [],
  expect: {
    steps: [
      {
        action: 'login',
        expect: 'accept',
      },
      {
        action: 'idp-logout',
        expect: 'reject',
      },
    ],
  },
  tags: ['baseline', 'logout', 'session'],
  why: "The user signs out at the IdP, or of another SP of the same IdP session, and the IdP sends this SP a signed LogoutRequest for the session's NameID and SessionIndex. A correct SP ends that session and answers Success; one that answers Success and ends nothing leaves the user signed in here after single logout said they are gone everywhere.",
  refs: [
    'SAML 2.0 Profiles §4.4.3.3–4.4.3.4 (IdP sends LogoutRequest to each session participant)',
    'SAML 2.0 Core §3.7.3.2 (session participant processing)',
  ],
  caughtBy: ['idp-logout-ignored'],
});
