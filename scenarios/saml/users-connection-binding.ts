import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.users.connection-binding',
  title: 'User bound to one IdP logs in through another',
  protocol: 'saml',
  requires: {
    tag: 'external-id',
  },
  role: 'other-subject',
  faults: [],
  expect: 'reject',
  tags: ['users', 'multi-provider'],
  why: 'Alice\'s account belongs to the "Acme SSO" connection, but a valid response for her arrives through the ADFS connection of the same domain. Whoever controls that other IdP could otherwise log in as her; a correct SP refuses logins through a connection the account is not bound to.',
  refs: ['SAML 2.0 Profiles §4.1.4.3'],
  caughtBy: ['connection-binding'],
});
