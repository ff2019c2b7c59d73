import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.attributes.email-missing',
  title: 'Required email attribute missing',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.attribute',
      params: {
        name: 'email',
        remove: true,
      },
    },
  ],
  expect: 'reject',
  tags: ['attributes'],
  why: 'The IdP app was set up without the email attribute mapping. The connection requires it, so a correct SP refuses with a message that names the missing attribute; a lax one guesses from the NameID.',
  refs: ['SAML 2.0 Core §2.7.3 (AttributeStatement)'],
  caughtBy: ['required-attributes'],
});
