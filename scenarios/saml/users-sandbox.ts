import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.users.sandbox-org',
  title: 'The same person in a sandbox organisation',
  protocol: 'saml',
  requires: {
    tag: 'sandbox',
  },
  faults: [],
  expect: 'accept',
  tags: ['users', 'sandbox', 'multi-provider'],
  why: "Alice logs in through the sandbox org's connection with her usual identity. The SP maps her to the sandbox account alice+sandbox@example.com, not her production account.",
  refs: ['SAML 2.0 Profiles §4.1.4.3'],
});
