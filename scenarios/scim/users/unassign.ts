import { defineScimScenario } from '../define.ts';

export default defineScimScenario({
  id: 'scim.users.unassign',
  title: 'Unassigned from the app: access ends, however the IdP says it',
  kind: 'provisioning',
  steps: [
    { do: 'assign', user: 'subject' },
    { do: 'login', user: 'subject', expect: 'accept' },
    { do: 'unassign', user: 'subject' },
    { do: 'probe', user: 'subject', expect: 'reject' },
    { do: 'login', user: 'subject', expect: 'reject' },
  ],
  tags: ['scim', 'users', 'deprovisioning'],
  why: 'Removing the app from a user is sent as a deactivation by Entra and Okta and as a DELETE by OneLogin and the RFC dialect. Either way the user must lose the session and the login.',
  refs: ['RFC 7644 §3.6', 'https://developers.onelogin.com/scim/implement-scim-api'],
  caughtBy: [
    { lax: 'scim-keep-sessions', dialects: ['entra', 'okta'] },
    { lax: 'scim-ignore-active', dialects: ['entra', 'okta'] },
    { lax: 'scim-delete-keeps-login', dialects: ['rfc', 'onelogin'] },
  ],
});
