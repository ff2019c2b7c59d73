import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.multi-tenant.iss-tid-mismatch',
  title: 'Multi-tenant app: iss names another tenant than tid',
  protocol: 'oidc',
  requires: {
    tag: 'multi-tenant',
  },
  faults: [
    {
      fault: 'oidc.id-token.tenant',
      params: { change: 'iss' },
    },
  ],
  expect: 'reject',
  tags: ['tenant', 'multi-tenant', 'issuer'],
  why: "tid is a tenant the app serves, but iss names another one. An RP that accepts any issuer of the form https://login.microsoftonline.com/<anything>/v2.0 and checks tid separately accepts it; a correct one builds the expected issuer from the token's own tid and refuses.",
  refs: [
    'Microsoft identity platform: Validate tokens (the issuer with the tid substituted)',
    'OIDC Core §3.1.3.7 (ID Token Validation) step 2',
  ],
  caughtBy: ['multi-tenant-issuer'],
});
