import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.status.request-denied',
  title: 'Status RequestDenied with an assertion',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.status',
      params: {
        code: 'Requester',
        subCode: 'RequestDenied',
        keepAssertion: true,
      },
    },
  ],
  expect: 'reject',
  tags: ['status'],
  why: 'The IdP denies the request (the user is not assigned to this app) but an assertion slipped into the response. A correct SP refuses on the status.',
  refs: ['SAML 2.0 Core §3.2.2.2 (StatusCode)', 'SAML 2.0 Profiles §4.1.4.2 (an error response)'],
  caughtBy: ['status'],
});
