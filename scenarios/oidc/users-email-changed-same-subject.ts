import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.users.email-changed-same-subject',
  title: 'Existing user whose email changed at the IdP',
  protocol: 'oidc',
  requires: {
    persona: 'entra',
    notTag: 'jit',
  },
  faults: [
    {
      fault: 'oidc.claims.identity',
      params: {
        email: '{{victim.email}}',
        newSubject: false,
      },
    },
  ],
  expect: 'accept',
  tags: ['users', 'account-takeover'],
  why: "erin's directory object (same oid) now carries alice@example.com as its email. A correct SP matches on oid and logs erin into her own account; it must not switch to the account that the new email names (alice's).",
  refs: ['OIDC Core §5.7', 'Microsoft: nOAuth guidance (email claim is mutable)'],
});
