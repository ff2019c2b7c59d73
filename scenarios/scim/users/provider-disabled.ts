import { defineScimScenario } from '../define.ts';

export default defineScimScenario({
  id: 'scim.provider.disabled',
  title: 'Provider switched off: every user it provisioned loses access',
  kind: 'provisioning',
  users: ['subject', 'colleague'],
  steps: [
    { do: 'assign', user: 'subject' },
    { do: 'assign', user: 'colleague' },
    { do: 'login', user: 'subject', expect: 'accept' },
    { do: 'login', user: 'colleague', expect: 'accept' },
    { do: 'disable-provider' },
    { do: 'probe', user: 'subject', expect: 'reject' },
    { do: 'probe', user: 'colleague', expect: 'reject' },
    { do: 'login', user: 'colleague', expect: 'reject' },
  ],
  tags: ['scim', 'deprovisioning', 'multi-provider'],
  why: 'Turning off provisioning for an IdP (a merger, a retired tenant) unassigns everyone it pushed. Every one of them must lose their session and their login, not just the first.',
  refs: ['https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20'],
  caughtBy: [
    { lax: 'scim-keep-sessions', dialects: ['entra', 'okta'] },
    { lax: 'scim-ignore-active', dialects: ['entra', 'okta'] },
    { lax: 'scim-delete-keeps-login', dialects: ['rfc', 'onelogin'] },
  ],
});
