import { defineScimScenario } from '../define.ts';

export default defineScimScenario({
  id: 'scim.groups.role-from-membership',
  title: 'Added to and removed from a mapped group: the role follows',
  kind: 'provisioning',
  requires: { roleGroup: true },
  steps: [
    { do: 'assign', user: 'subject' },
    { do: 'push-group', group: 'role' },
    { do: 'login', user: 'subject', expect: 'accept' },
    { do: 'probe', user: 'subject', expect: 'no-role' },
    { do: 'add-member', group: 'role', user: 'subject' },
    { do: 'check-user', user: 'subject', expect: { status: 200, memberOf: 'role' } },
    { do: 'probe', user: 'subject', expect: 'role' },
    { do: 'remove-member', group: 'role', user: 'subject' },
    { do: 'check-user', user: 'subject', expect: { status: 200, notMemberOf: 'role' } },
    { do: 'probe', user: 'subject', expect: 'no-role' },
  ],
  tags: ['scim', 'groups', 'roles'],
  why: 'The SP maps an IdP group to a role. Membership pushed over SCIM (Entra and OneLogin with value arrays, Okta and the RFC with a members[value eq] path to remove) must grant the role and take it away again, without waiting for the next login.',
  refs: ['RFC 7644 §3.5.2.1', 'RFC 7644 §3.5.2.2'],
  caughtBy: ['scim-group-roles'],
});
