import { defineScimScenario } from '../define.ts';

export default defineScimScenario({
  id: 'scim.users.delete',
  title: 'Deleted at the IdP: gone from the SP, session and login included',
  kind: 'provisioning',
  requires: { deletes: true },
  steps: [
    { do: 'assign', user: 'subject' },
    { do: 'login', user: 'subject', expect: 'accept' },
    { do: 'delete', user: 'subject' },
    { do: 'check-user', user: 'subject', expect: { status: 404 } },
    { do: 'probe', user: 'subject', expect: 'reject' },
    { do: 'login', user: 'subject', expect: 'reject' },
  ],
  tags: ['scim', 'users', 'deprovisioning'],
  why: 'After DELETE /Users/<id> the resource is gone (404) and so is the access. A soft delete that only hides the user from SCIM leaves a working account nobody manages.',
  refs: ['RFC 7644 §3.6'],
  caughtBy: ['scim-delete-keeps-login'],
});
