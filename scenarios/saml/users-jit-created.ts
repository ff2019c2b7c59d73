import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.users.jit-created',
  title: 'Unknown user created just in time',
  protocol: 'saml',
  requires: {
    tag: 'jit',
    persona: 'okta',
  },
  role: 'stranger',
  faults: [],
  expect: 'accept',
  tags: ['users', 'provisioning'],
  why: "Nina has never logged in; the connection provisions users just in time. A correct SP creates her account (with the connection's default role) and logs her in.",
  refs: ['SAML 2.0 Profiles §4.1.4.3'],
});
