import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.subject.missing',
  title: 'Assertion without a Subject',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.subject-missing',
    },
  ],
  expect: 'reject',
  tags: ['subject'],
  why: 'The assertion has no Subject: no NameID and no bearer confirmation, so it says nothing about who may present it. A correct SP refuses; a lax one falls back to the email attribute and logs in whoever it names.',
  refs: [
    'SAML 2.0 Profiles §4.1.4.2 (the assertion MUST contain a Subject with a bearer SubjectConfirmation)',
    'SAML 2.0 Core §2.4',
  ],
  caughtBy: ['recipient', 'nameid-format'],
});
