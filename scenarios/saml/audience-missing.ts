import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.audience.missing',
  title: 'No AudienceRestriction',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.audience',
      params: {
        audiences: [],
      },
    },
  ],
  expect: 'reject',
  tags: ['audience'],
  why: 'The Web SSO profile requires an AudienceRestriction naming the SP. Without one the assertion is good at any SP that trusts this IdP, so a careful SP refuses it.',
  refs: ['SAML 2.0 Profiles §4.1.4.2 (MUST contain an AudienceRestriction)', 'SAML 2.0 Core §2.5.1.4'],
  caughtBy: ['audience'],
});
