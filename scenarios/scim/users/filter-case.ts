import { defineScimScenario } from '../define.ts';

export default defineScimScenario({
  id: 'scim.users.filter-case-insensitive',
  title: 'filter=userName eq finds the user in any letter case',
  kind: 'provisioning',
  steps: [
    { do: 'assign', user: 'subject' },
    { do: 'count-users', user: 'subject', upperCase: true, expect: 1 },
  ],
  tags: ['scim', 'users', 'filter'],
  why: 'Entra, Okta and OneLogin look a user up with filter=userName eq "..." before creating it. The comparison is case-insensitive for userName; an SP that misses it gets a duplicate create instead of a link.',
  refs: ['RFC 7644 §3.4.2.2', 'RFC 7643 §2.4'],
  caughtBy: ['scim-username-case'],
});
