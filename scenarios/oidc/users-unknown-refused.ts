import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.users.unknown-refused',
  title: 'Unknown user refused on an invite-only connection',
  protocol: 'oidc',
  requires: {
    persona: 'entra',
    notTag: 'jit',
  },
  role: 'stranger',
  faults: [],
  expect: 'reject',
  tags: ['users', 'provisioning'],
  why: 'The IdP authenticates a user the SP has never seen, through a connection without just-in-time provisioning. A correct SP refuses ("ask for an invitation") instead of creating an account for anyone the tenant lets in.',
  refs: ['OIDC Core §5.7 (Claim Stability and Uniqueness)'],
  caughtBy: ['jit'],
});
