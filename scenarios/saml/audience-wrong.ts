import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.audience.wrong',
  title: 'Audience names another SP',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.audience',
      params: {
        audiences: ['https://other-sp.invalid/saml/metadata'],
      },
    },
  ],
  expect: 'reject',
  tags: ['audience'],
  why: "The assertion is for another SP (wrong entity ID in the IdP's app settings, or an assertion replayed from another app). A correct SP refuses an assertion whose AudienceRestriction does not name it.",
  refs: ['SAML 2.0 Core §2.5.1.4 (AudienceRestriction)', 'SAML 2.0 Profiles §4.1.4.2'],
  caughtBy: ['audience'],
});
