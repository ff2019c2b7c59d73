import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.signature.hs256-public-key-jwk',
  title: 'HS256 id_token keyed with the IdP public key (JWK form): algorithm confusion',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.hmac-public-key',
      params: {
        form: 'jwk',
      },
    },
  ],
  expect: 'reject',
  tags: ['certificates', 'signature', 'tokens'],
  why: 'The same algorithm confusion with the public key in its JWK JSON form as the HMAC secret, which is how libraries that take the key from the JWKS would load it. A correct SP refuses HS* id_tokens from an asymmetric IdP.',
  refs: ['RFC 8725 §3.1 (JWT BCP)', 'OIDC Core §10.1'],
  caughtBy: ['hs-confusion'],
});
