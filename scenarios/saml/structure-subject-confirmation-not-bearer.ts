import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.structure.subject-confirmation-not-bearer',
  title: 'SubjectConfirmation Method sender-vouches instead of bearer',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.subject-confirmation-method',
      params: {
        method: 'sender-vouches',
      },
    },
  ],
  expect: 'reject',
  tags: ['structure', 'subject'],
  why: 'The only SubjectConfirmation is sender-vouches: the assertion says someone else vouches for the presenter, not that whoever bears it is the subject. Browser SSO needs bearer; its Recipient, NotOnOrAfter and InResponseTo are checked on the bearer confirmation only. A correct SP refuses.',
  refs: [
    'SAML 2.0 Profiles §4.1.4.2 (bearer SubjectConfirmation)',
    'SAML 2.0 Profiles §3.3 (sender-vouches)',
  ],
  caughtBy: ['recipient'],
});
