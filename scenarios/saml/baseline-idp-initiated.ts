import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.baseline.idp-initiated',
  title: 'Valid IdP-initiated login where the connection allows it',
  protocol: 'saml',
  requires: {
    tag: 'idp-initiated',
  },
  flow: {
    type: 'idp-initiated',
  },
  faults: [],
  expect: 'accept',
  tags: ['baseline', 'idp-initiated'],
  why: "The user starts at the IdP's app dashboard and the IdP posts an unsolicited, correctly signed Response (no InResponseTo). A connection whose policy allows IdP-initiated login logs the user in; if this fails, dashboard tiles for this app will not work.",
  refs: [
    'SAML 2.0 Profiles §4.1.5 (Unsolicited Responses)',
    'SAML 2.0 Core §3.2.2 (InResponseTo is optional)',
  ],
});
