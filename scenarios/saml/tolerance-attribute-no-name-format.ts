import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.tolerance.attribute-no-name-format',
  title: 'Attributes without NameFormat',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.attribute-name-format',
    },
  ],
  expect: 'accept',
  tags: ['tolerance', 'attributes'],
  why: 'The Attribute elements carry no NameFormat. It is optional (unspecified is then in effect), and many IdPs leave it out; an SP that matches attributes on Name and NameFormat together loses the email and refuses the login.',
  refs: ['SAML 2.0 Core §2.7.3.1 (NameFormat [Optional]; default unspecified)'],
  caughtBy: ['strict-attribute-name-format'],
});
