import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.structure.status-missing',
  title: 'Response without a Status',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.element-missing',
      params: {
        element: 'Status',
      },
    },
  ],
  expect: 'reject',
  tags: ['structure', 'status'],
  why: 'Status is required in every Response; without it the IdP has not said the authentication succeeded. A correct SP reads a missing StatusCode as not Success and refuses, even with a signed assertion inside.',
  refs: ['SAML 2.0 Core §3.2.2 (<Status> [Required])', 'SAML 2.0 Core §3.2.2.2'],
  caughtBy: ['status'],
});
