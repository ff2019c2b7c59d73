import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.recipient.wrong',
  title: 'SubjectConfirmationData Recipient is another ACS URL',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.recipient',
      params: {
        value: 'https://other-sp.invalid/saml/acs',
      },
    },
  ],
  expect: 'reject',
  tags: ['destination'],
  why: 'The bearer confirmation says the assertion may only be presented at another ACS. A correct SP checks Recipient against its own ACS URL; otherwise an assertion issued to another SP works here.',
  refs: ['SAML 2.0 Profiles §4.1.4.2 and §4.1.4.3 (Recipient)', 'SAML 2.0 Core §2.4.1.2'],
  caughtBy: ['recipient'],
});
