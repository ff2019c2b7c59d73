import { defineScimScenario } from '../define.ts';

export default defineScimScenario({
  id: 'scim.users.duplicate-username',
  title: 'A second user with a taken userName: 409 uniqueness',
  kind: 'provisioning',
  steps: [
    { do: 'assign', user: 'subject' },
    { do: 'create-duplicate', user: 'subject' },
    { do: 'count-users', user: 'subject', expect: 1 },
  ],
  tags: ['scim', 'users', 'errors'],
  why: 'userName is unique (RFC 7643 §4.1.1). A create with a taken one must answer 409 with scimType "uniqueness", which tells the IdP to look the user up and link it instead.',
  refs: ['RFC 7643 §4.1.1', 'RFC 7644 §3.3', 'RFC 7644 §3.12'],
  caughtBy: ['scim-uniqueness'],
});
