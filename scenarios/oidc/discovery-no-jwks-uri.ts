import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.discovery.no-jwks-uri',
  title: 'Discovery document without jwks_uri',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.discovery.remove',
      params: {
        fields: ['jwks_uri'],
      },
    },
  ],
  expect: 'reject',
  tags: ['discovery', 'keys'],
  why: 'jwks_uri is required metadata; without it no id_token signature can be verified. A correct SP refuses the login and says why, rather than skipping verification because it has no keys.',
  refs: [
    'OpenID Connect Discovery 1.0 §3 (jwks_uri REQUIRED)',
    'OIDC Core §3.1.3.7 (ID Token Validation) step 6',
  ],
  caughtBy: ['id-token-signature'],
});
