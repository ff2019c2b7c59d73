import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.in-response-to.mismatch',
  title: 'Response and SubjectConfirmationData answer different requests',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.in-response-to',
      params: {
        where: 'subject-confirmation',
      },
    },
  ],
  expect: 'reject',
  tags: ['in-response-to'],
  why: "The Response answers this SP's request, but the assertion's bearer confirmation names another one: the assertion was issued for another login. A correct SP checks both.",
  refs: ['SAML 2.0 Profiles §4.1.4.2 (SubjectConfirmationData InResponseTo)', 'SAML 2.0 Core §2.4.1.2'],
  caughtBy: ['in-response-to'],
});
