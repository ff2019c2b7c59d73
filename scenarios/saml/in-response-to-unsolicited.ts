import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.in-response-to.on-unsolicited',
  title: 'Unsolicited response that claims to answer a request',
  protocol: 'saml',
  requires: {
    tag: 'idp-initiated',
  },
  flow: {
    type: 'idp-initiated',
  },
  faults: [
    {
      fault: 'saml.in-response-to',
      params: {},
    },
  ],
  expect: 'reject',
  tags: ['in-response-to', 'idp-initiated'],
  why: 'An IdP-initiated response carries an InResponseTo for a request this SP never sent. Even where unsolicited login is allowed, a response that claims to answer a request must answer a real one.',
  refs: ['SAML 2.0 Profiles §4.1.4.3', 'SAML 2.0 Profiles §4.1.5'],
  caughtBy: ['in-response-to'],
});
