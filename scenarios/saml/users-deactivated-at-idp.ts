import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.users.deactivated-at-idp',
  title: 'User deactivated at the IdP: RequestDenied, with a stale assertion',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.status',
      params: {
        code: 'Responder',
        subCode: 'RequestDenied',
        message: 'The user account is deactivated',
        keepAssertion: true,
      },
    },
  ],
  expect: 'reject',
  tags: ['users', 'status'],
  why: 'Bob was deactivated at the IdP, which answers Responder/RequestDenied. A careful IdP sends no assertion (then no SP can get it wrong); this response carries one anyway, the shape that tests the SP: a correct SP refuses on the status, a lax one reads the assertion and logs a deactivated user in.',
  refs: ['SAML 2.0 Core §3.2.2.2 (RequestDenied)', 'SAML 2.0 Profiles §4.1.4.2'],
  caughtBy: ['status'],
});
