import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.users.email-takeover-new-subject',
  title: "New Entra identity claiming an existing user's email",
  protocol: 'oidc',
  requires: {
    persona: 'entra',
    notTag: 'jit',
  },
  role: 'stranger',
  faults: [
    {
      fault: 'oidc.claims.identity',
      params: {
        email: '{{subject.email}}',
        newSubject: false,
      },
    },
  ],
  expect: {
    notAs: 'subject',
  },
  tags: ['users', 'account-takeover'],
  why: "Another directory object (its own oid) now carries erin's email, as a renamed or recreated account, or a guest, can. Entra emails are not verified and not stable, so the staff connection matches on oid: a correct SP must not log this identity in as the existing erin account.",
  refs: [
    'OIDC Core §5.7 (only iss + sub are stable)',
    'Microsoft: use oid/sub, not email or upn, to identify users (nOAuth)',
  ],
  caughtBy: ['match-by-email'],
});
