import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.recipient.missing',
  title: 'SubjectConfirmationData without Recipient',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.recipient',
      params: {
        remove: true,
      },
    },
  ],
  expect: 'reject',
  tags: ['destination'],
  why: 'The Web SSO profile requires a Recipient on the bearer confirmation. Without it the assertion is not bound to this ACS, and a careful SP refuses it.',
  refs: ['SAML 2.0 Profiles §4.1.4.2 (bearer SubjectConfirmationData MUST contain Recipient)'],
  caughtBy: ['recipient'],
});
