import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.signature.psychic-es256',
  title: 'ES256 id_token with r = s = 0 (psychic signature)',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.forged-signature',
      params: {
        mode: 'ecdsa-zero',
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'signature', 'security', 'tokens', 'cve'],
  why: "The token says ES256 under the IdP's EC key and its signature is all zeros (r = s = 0). Java 15 to 18 accepted such a signature for any message and any key. A correct ECDSA verifier rejects r or s outside 1..n-1.",
  refs: [
    'CVE-2022-21449 (psychic signatures)',
    'RFC 7518 §3.4 (ECDSA)',
    'FIPS 186-4 §6.4 (r, s in [1, n-1])',
    'jwt_tool: -X p (psychic signature)',
  ],
  caughtBy: ['psychic-signature'],
});
