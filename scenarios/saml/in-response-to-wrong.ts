import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.in-response-to.wrong',
  title: 'InResponseTo names a request the SP never sent',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.in-response-to',
      params: {},
    },
  ],
  expect: 'reject',
  tags: ['in-response-to'],
  why: "The response answers an AuthnRequest this SP has no record of: a response from another browser's login, or a stale one. A correct SP matches InResponseTo against the requests it sent (and refuses the rest).",
  refs: ['SAML 2.0 Profiles §4.1.4.3 (InResponseTo)', 'SAML 2.0 Core §3.2.2'],
  caughtBy: ['in-response-to'],
});
