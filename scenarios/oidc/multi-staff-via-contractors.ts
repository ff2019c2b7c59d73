import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.multi.staff-via-contractors',
  title: 'Staff user through the contractors connection',
  protocol: 'oidc',
  requires: {
    persona: 'entra',
    tag: 'jit',
  },
  role: 'other-subject',
  faults: [],
  expect: 'reject',
  tags: ['multi-provider', 'users'],
  why: "Two Entra tenants are connected to the same SP (staff and contractors, same persona, different display names). erin belongs to staff; logging in through the contractors connection must not reach her account. A correct SP refuses: her domain is not the contractors' domain, her contractors identity is not the one linked to her account, and her account is bound to the staff connection.",
  refs: ['OIDC Core §5.7 (iss + sub identify a user)', 'RFC 9700 §4.4 (Mix-Up)'],
  caughtBy: ['email-domain', 'match-by-email', 'connection-binding'],
});
