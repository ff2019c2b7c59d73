import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.users.jit-new-contractor',
  title: 'Unknown contractor provisioned just in time',
  protocol: 'oidc',
  requires: {
    persona: 'entra',
    tag: 'jit',
  },
  role: 'stranger',
  faults: [],
  expect: 'accept',
  tags: ['users', 'provisioning', 'jit'],
  why: 'A contractor who never logged in before arrives from the contractors tenant. The connection provisions users just in time, so a correct SP creates the account with the default role and logs them in.',
  refs: ['OIDC Core §5.1 (Standard Claims)', 'Microsoft: just-in-time provisioning for OIDC apps'],
});
