import { defineScimScenario } from '../define.ts';

export default defineScimScenario({
  id: 'scim.users.update-profile',
  title: 'Email and name changed at the IdP reach the SP',
  kind: 'provisioning',
  steps: [
    { do: 'assign', user: 'subject' },
    { do: 'login', user: 'subject', expect: 'accept' },
    { do: 'update', user: 'subject' },
    { do: 'check-user', user: 'subject', expect: { status: 200, currentEmail: true } },
    { do: 'login', user: 'subject', expect: 'accept' },
    { do: 'count-users', user: 'subject', expect: 1 },
  ],
  tags: ['scim', 'users'],
  why: 'A renamed employee gets a new email at the IdP, which pushes it (Okta with a full PUT, Entra with PATCH Replace on emails[type eq "work"].value). The SP must show the new email, and the next login, asserting it, must land in the same account.',
  refs: ['RFC 7644 §3.5.1', 'RFC 7644 §3.5.2.3'],
});
