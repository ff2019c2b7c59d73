import { defineScimScenario } from '../define.ts';

export default defineScimScenario({
  id: 'scim.users.unknown-attribute',
  title: 'An attribute the SP does not know is ignored, not refused',
  kind: 'provisioning',
  steps: [
    { do: 'create-with-unknown-attribute', user: 'subject' },
    { do: 'check-user', user: 'subject', expect: { status: 200 } },
  ],
  tags: ['scim', 'users', 'schema'],
  why: 'IdP admins map extra attributes; IdPs add fields of their own. An SP that refuses the whole user for one unknown attribute provisions nobody.',
  refs: [
    'RFC 7644 §3.3',
    'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups',
  ],
  caughtBy: ['scim-strict-schema'],
});
