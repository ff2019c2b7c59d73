import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.jwt.header-jwk-embedded',
  title: 'id_token signed by a key embedded in its own header (jwk)',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.header-key',
      params: {
        member: 'jwk',
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'signature', 'security', 'tokens'],
  why: 'The token carries its own public key in the jwk header and is signed with the matching private key, which any attacker has. A correct SP verifies only with the keys the IdP publishes and refuses it; an SP that takes the key from the header accepts whatever identity the attacker writes.',
  refs: [
    'RFC 7515 §4.1.3 (jwk)',
    'RFC 8725 §3.10 (do not trust received keys)',
    'CVE-2018-0114 (node-jose embedded jwk)',
    'jwt_tool: -X i (JWKS injection / embedded jwk)',
  ],
  caughtBy: ['jwt-header-key'],
});
