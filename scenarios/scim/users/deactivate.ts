import { defineScimScenario } from '../define.ts';

export default defineScimScenario({
  id: 'scim.users.deactivate',
  title: 'Deactivated at the IdP: the open session ends and no login is possible',
  kind: 'provisioning',
  steps: [
    { do: 'assign', user: 'subject' },
    { do: 'login', user: 'subject', expect: 'accept' },
    { do: 'deactivate', user: 'subject' },
    { do: 'check-user', user: 'subject', expect: { status: 200, active: false } },
    { do: 'probe', user: 'subject', expect: 'reject' },
    { do: 'login', user: 'subject', expect: 'reject' },
  ],
  tags: ['scim', 'users', 'deprovisioning'],
  why: 'The employee left: the IdP sends active=false. The SP must refuse their logins and end the session they already have. Entra sends "False" as a string with op "Replace"; an SP that refuses those leaves the leaver active.',
  refs: [
    'RFC 7643 §4.1.1 (active)',
    'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility',
  ],
  caughtBy: [
    'scim-ignore-active',
    'scim-keep-sessions',
    { lax: 'scim-string-booleans', dialects: ['entra'] },
    { lax: 'scim-op-case', dialects: ['entra'] },
  ],
});
