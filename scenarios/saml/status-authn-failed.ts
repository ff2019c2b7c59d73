import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.status.authn-failed',
  title: 'Status AuthnFailed with an assertion',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.status',
      params: {
        code: 'Responder',
        subCode: 'AuthnFailed',
        keepAssertion: true,
      },
    },
  ],
  expect: 'reject',
  tags: ['status'],
  why: 'The IdP says authentication failed (wrong password, MFA refused), and still attaches an assertion. A correct SP refuses on the status.',
  refs: ['SAML 2.0 Core §3.2.2.2 (StatusCode)', 'SAML 2.0 Profiles §4.1.4.2 (an error response)'],
  caughtBy: ['status'],
});
