import { defineScimScenario } from '../define.ts';

export default defineScimScenario({
  id: 'scim.users.reactivate',
  title: 'Reactivated at the IdP: logins work again',
  kind: 'provisioning',
  steps: [
    { do: 'assign', user: 'subject' },
    { do: 'deactivate', user: 'subject' },
    { do: 'login', user: 'subject', expect: 'reject' },
    { do: 'reactivate', user: 'subject' },
    { do: 'check-user', user: 'subject', expect: { status: 200, active: true } },
    { do: 'login', user: 'subject', expect: 'accept' },
  ],
  tags: ['scim', 'users'],
  why: 'A user back from leave is reactivated (active=true). The SP must let them in again, into the same account.',
  refs: ['RFC 7643 §4.1.1 (active)'],
  caughtBy: ['scim-ignore-active'],
});
