import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.signature.unknown-kid',
  title: 'id_token signed by a key the IdP does not publish (unknown kid)',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.key',
      params: {
        kind: 'rogue',
        kid: 'follow',
      },
    },
  ],
  expect: 'reject',
  tags: ['certificates', 'signature', 'tokens'],
  why: 'The id_token names a kid that is not in the JWKS. A correct SP fetches the JWKS once more (it may be a rotation), still finds no such key, and refuses; it must never fall back to "any key" or to no verification.',
  refs: [
    'OIDC Core §3.1.3.7 (ID Token Validation) step 6',
    'OIDC Core §10.1.1 (Rotation of Asymmetric Signing Keys)',
  ],
  caughtBy: ['id-token-signature'],
});
