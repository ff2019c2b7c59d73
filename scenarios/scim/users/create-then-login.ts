import { defineScimScenario } from '../define.ts';

export default defineScimScenario({
  id: 'scim.users.create-then-login',
  title: 'Provisioned, then first SSO login lands in that account',
  kind: 'provisioning',
  steps: [
    { do: 'assign', user: 'subject' },
    { do: 'check-user', user: 'subject', expect: { status: 200, active: true } },
    { do: 'login', user: 'subject', expect: 'accept' },
    { do: 'count-users', user: 'subject', expect: 1 },
  ],
  tags: ['scim', 'users', 'jit'],
  why: 'The IdP created the account before the user ever logged in. Their first SSO login must land in that account (and link the subject to it); an SP that misses it makes a second, JIT account with the same email: two users, the provisioned one never used, deprovisioning later hitting the wrong one.',
  refs: ['RFC 7644 §3.3', 'https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20'],
  caughtBy: ['scim-duplicate-on-login'],
});
