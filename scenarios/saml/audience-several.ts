import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.audience.several',
  title: 'Audience lists another SP and this one',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.audience',
      params: {
        audiences: ['https://other-sp.invalid/saml/metadata'],
        keepSp: true,
      },
    },
  ],
  expect: 'accept',
  tags: ['audience'],
  why: 'One AudienceRestriction with several Audience elements is satisfied when any of them names the SP. A correct SP accepts; one that compares against the first Audience only breaks IdPs that share an assertion between apps.',
  refs: ['SAML 2.0 Core §2.5.1.4 (the relying party must be a member of one or more of the audiences)'],
});
