import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.subject.nameid-missing',
  title: 'Subject without NameID',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.nameid',
      params: {
        remove: true,
      },
    },
  ],
  expect: 'reject',
  tags: ['subject'],
  why: 'The bearer confirmation is there but the NameID is not, so the SP has no stable key for the user. A careful SP refuses rather than guess from attributes.',
  refs: ['SAML 2.0 Core §2.4.1 (Subject)', 'SAML 2.0 Profiles §4.1.4.2'],
  caughtBy: ['nameid-format'],
});
