import { defineScimScenario } from '../define.ts';

export default defineScimScenario({
  id: 'scim.groups.rename',
  title: 'A group renamed to the mapped name grants its members the role',
  kind: 'provisioning',
  requires: { roleGroup: true },
  steps: [
    { do: 'assign', user: 'subject' },
    { do: 'push-group', group: 'team' },
    { do: 'add-member', group: 'team', user: 'subject' },
    { do: 'login', user: 'subject', expect: 'accept' },
    { do: 'probe', user: 'subject', expect: 'no-role' },
    { do: 'rename-group', group: 'team', to: 'role' },
    { do: 'probe', user: 'subject', expect: 'role' },
  ],
  tags: ['scim', 'groups', 'roles'],
  why: 'Roles are mapped by group name, and names change at the IdP (Okta renames with a path-less PATCH of {id, displayName}). The members of a group renamed into a mapped name get the role at once.',
  refs: ['RFC 7644 §3.5.2.3'],
  caughtBy: ['scim-group-roles'],
});
