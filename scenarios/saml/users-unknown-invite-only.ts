import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.users.unknown-invite-only',
  title: 'Unknown user at an invite-only connection',
  protocol: 'saml',
  requires: {
    tag: 'invite-only',
  },
  role: 'stranger',
  faults: [],
  expect: 'reject',
  tags: ['users', 'provisioning'],
  why: 'A valid response for a user the SP has never seen, at a connection without JIT provisioning. A correct SP refuses with a clear message (ask for an invitation) instead of creating an account.',
  refs: ['SAML 2.0 Profiles §4.1.4.3 (the SP decides what a valid assertion grants)'],
  caughtBy: ['jit'],
});
