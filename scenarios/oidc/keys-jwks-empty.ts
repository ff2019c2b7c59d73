import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.keys.jwks-empty',
  title: 'Empty JWKS',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.jwks.empty',
    },
  ],
  expect: 'reject',
  tags: ['certificates', 'keys'],
  why: 'The jwks_uri answers {"keys":[]} (a broken IdP deployment or a proxy). No signature can be verified, so a correct SP refuses the login with a clear message rather than skipping verification.',
  refs: ['RFC 7517 §5 (JWK Set)', 'OIDC Core §3.1.3.7 (ID Token Validation) step 6'],
  caughtBy: ['id-token-signature'],
});
