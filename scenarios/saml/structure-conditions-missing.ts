import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.structure.conditions-missing',
  title: 'Assertion without Conditions',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.element-missing',
      params: {
        element: 'Conditions',
      },
    },
  ],
  expect: 'reject',
  tags: ['structure', 'audience'],
  why: 'Core makes Conditions optional, but the Web SSO profile requires the bearer assertion to carry an AudienceRestriction naming the SP, which lives in Conditions. Without it the assertion is good at every SP trusting this IdP; a correct SP refuses (python3-saml, ruby-saml and Shibboleth require the audience).',
  refs: [
    'SAML 2.0 Profiles §4.1.4.2 (MUST contain an AudienceRestriction)',
    'SAML 2.0 Core §2.5 (Conditions optional in Core)',
  ],
  caughtBy: ['audience'],
});
