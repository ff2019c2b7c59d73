import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.users.email-outside-domain',
  title: "JIT user with an email outside the connection's domains",
  protocol: 'saml',
  requires: {
    tag: 'jit',
    persona: 'okta',
  },
  user: {
    email: 'oscar@elsewhere.example',
    givenName: 'Oscar',
  },
  faults: [],
  expect: 'reject',
  tags: ['users', 'provisioning'],
  why: "The partner's IdP asserts a user from a domain the connection does not own. A JIT connection must only create accounts in its own domains, or any IdP admin can mint accounts in any domain.",
  refs: ['SAML 2.0 Profiles §4.1.4.3'],
  caughtBy: ['email-domain'],
});
