import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.state.missing',
  title: 'Authorization response without state',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.authorization-response.state',
      params: {
        mode: 'missing',
      },
    },
  ],
  expect: 'reject',
  tags: ['csrf', 'authorization-response'],
  why: 'The SP sent a state but none comes back. A correct SP treats a missing state like a wrong one and refuses; an SP that only compares when present is open to login CSRF.',
  refs: ['RFC 6749 §4.1.2 (state REQUIRED if sent)', 'RFC 9700 §4.7'],
  caughtBy: ['state'],
});
