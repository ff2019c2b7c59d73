import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.status.requester',
  title: 'Status Requester with an assertion',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.status',
      params: {
        code: 'Requester',
        subCode: 'none',
        keepAssertion: true,
      },
    },
  ],
  expect: 'reject',
  tags: ['status'],
  why: "The IdP says the request was wrong (Requester), yet the response still carries a signed assertion. The status is the IdP's answer; a correct SP refuses whatever else the response holds.",
  refs: ['SAML 2.0 Core §3.2.2.2 (StatusCode)', 'SAML 2.0 Profiles §4.1.4.2 (an error response)'],
  caughtBy: ['status'],
});
