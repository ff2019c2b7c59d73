import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.in-response-to.missing',
  title: 'Answer to an SP-initiated login without InResponseTo',
  protocol: 'saml',
  requires: {
    notTag: 'idp-initiated',
  },
  faults: [
    {
      fault: 'saml.in-response-to',
      params: {
        remove: true,
      },
    },
  ],
  expect: 'reject',
  tags: ['in-response-to', 'idp-initiated'],
  why: 'The SP sent an AuthnRequest, but the response names none, so it looks unsolicited. At a connection that does not allow IdP-initiated login a correct SP refuses it.',
  refs: ['SAML 2.0 Profiles §4.1.4.2 and §4.1.5'],
  caughtBy: ['unsolicited'],
});
