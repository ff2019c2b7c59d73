import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.users.foreign-tenant',
  title: 'id_token from another Entra tenant (tid)',
  protocol: 'oidc',
  requires: {
    persona: 'entra',
    tag: 'tenant',
  },
  faults: [
    {
      fault: 'oidc.claims.set',
      params: {
        claims: {
          tid: 'f00dbabe-0000-4000-8000-00000000beef',
        },
        use: 'id_token',
      },
    },
  ],
  expect: 'reject',
  tags: ['users', 'tenant', 'multi-provider'],
  why: "The token's tid names another tenant. Apps registered as multi-tenant (or validating the issuer by template) must check tid against the tenants they serve; otherwise any Entra tenant's users can log in. A correct SP refuses.",
  refs: [
    'Microsoft identity platform: validate the tid claim for multi-tenant apps',
    'OIDC Core §3.1.3.7 (ID Token Validation) step 2',
  ],
  caughtBy: ['tenant'],
});
