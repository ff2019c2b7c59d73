import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.structure.subject-confirmation-missing',
  title: 'Subject without a SubjectConfirmation',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.element-missing',
      params: {
        element: 'SubjectConfirmation',
      },
    },
  ],
  expect: 'reject',
  tags: ['structure', 'subject'],
  why: 'The NameID is there, but nothing says who may present the assertion, to which ACS, until when or answering which request. The Web SSO profile requires a bearer SubjectConfirmation; a correct SP refuses without one.',
  refs: ['SAML 2.0 Profiles §4.1.4.2 (at least one bearer SubjectConfirmation)', 'SAML 2.0 Core §2.4.1.1'],
  caughtBy: ['recipient'],
});
