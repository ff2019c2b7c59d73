import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.baseline.entra-multi-tenant',
  title: 'Valid login through Entra /organizations (multi-tenant app, {tenantid} issuer)',
  protocol: 'oidc',
  requires: {
    tag: 'multi-tenant',
  },
  faults: [],
  expect: 'accept',
  tags: ['baseline', 'tenant', 'multi-tenant'],
  why: "A multi-tenant app reads discovery at /common or /organizations, whose issuer is literally https://login.microsoftonline.com/{tenantid}/v2.0, while the token's iss names the user's real tenant. An RP that compares iss with the discovery issuer refuses every login (IDX10205 in .NET); a correct one puts the token's tid into the template, compares, and checks tid against the tenants it serves.",
  refs: [
    'Microsoft identity platform: OpenID Connect (the /common and /organizations issuer)',
    'Microsoft identity platform: Validate tokens (multi-tenant issuer and tid)',
    'OIDC Core §3.1.3.7 (ID Token Validation) step 2',
  ],
});
