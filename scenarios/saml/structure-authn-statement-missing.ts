import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.structure.authn-statement-missing',
  title: 'Assertion without an AuthnStatement',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.element-missing',
      params: {
        element: 'AuthnStatement',
      },
    },
  ],
  expect: 'reject',
  tags: ['structure', 'authn-context'],
  why: 'An assertion with attributes but no AuthnStatement says things about a user without saying the user authenticated. The Web SSO profile requires at least one AuthnStatement; a correct SP refuses (python3-saml: NO_AUTHNSTATEMENT).',
  refs: ['SAML 2.0 Profiles §4.1.4.2 (at least one AuthnStatement)', 'SAML 2.0 Core §2.7.2'],
  caughtBy: ['authn-context'],
});
