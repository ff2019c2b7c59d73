import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.users.external-id',
  title: 'NameID is an employee ID, not the email',
  protocol: 'saml',
  requires: {
    tag: 'external-id',
  },
  faults: [],
  expect: 'accept',
  tags: ['users', 'baseline'],
  why: 'ADFS sends the employee ID (E-2001) as NameID and the email as a claim. The SP matches the account on the NameID it linked, and logs dave in.',
  refs: [
    'SAML 2.0 Core §8.3.1 (unspecified format)',
    'Microsoft AD FS documentation: claim rules that issue a Name ID',
  ],
});
