import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.signature.rogue-key',
  title: 'id_token signed by an unknown key under the published kid',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.key',
      params: {
        kind: 'rogue',
        kid: 'keep',
      },
    },
  ],
  expect: 'reject',
  tags: ['certificates', 'signature', 'tokens'],
  why: "The id_token names the IdP's real kid but was signed by another private key (an attacker's, or a key the IdP never published). A correct SP verifies the signature against the published key and refuses; an SP that trusts the token endpoint's TLS and skips the signature check logs the forged user in.",
  refs: ['OIDC Core §3.1.3.7 (ID Token Validation) step 6', 'RFC 7515 §5.2 (JWS validation)'],
  caughtBy: ['id-token-signature'],
});
