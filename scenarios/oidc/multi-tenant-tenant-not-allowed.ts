import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.multi-tenant.tenant-not-allowed',
  title: 'Multi-tenant app: a genuine token from a tenant it does not serve',
  protocol: 'oidc',
  requires: {
    tag: 'multi-tenant',
  },
  faults: [
    {
      fault: 'oidc.id-token.tenant',
      params: { change: 'both' },
    },
  ],
  expect: 'reject',
  tags: ['tenant', 'multi-tenant', 'issuer'],
  why: 'iss and tid agree and name a tenant this app has no customer in: exactly what any Entra tenant can mint for a multi-tenant app. An RP that only fills the tenant into the issuer template lets every Entra user in; a correct one checks tid against the tenants it serves and refuses.',
  refs: [
    'Microsoft identity platform: Validate tokens (multi-tenant: validate tid)',
    'Microsoft identity platform: Convert single-tenant app to multitenant',
  ],
  caughtBy: ['tenant'],
});
