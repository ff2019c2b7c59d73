import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.status.responder',
  title: 'Status Responder with an assertion',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.status',
      params: {
        code: 'Responder',
        subCode: 'none',
        keepAssertion: true,
      },
    },
  ],
  expect: 'reject',
  tags: ['status'],
  why: 'The IdP reports its own failure (Responder) but an assertion is attached. A correct SP trusts the status and refuses; an SP that looks only for an assertion logs the user in anyway.',
  refs: ['SAML 2.0 Core §3.2.2.2 (StatusCode)', 'SAML 2.0 Profiles §4.1.4.2 (an error response)'],
  caughtBy: ['status'],
});
