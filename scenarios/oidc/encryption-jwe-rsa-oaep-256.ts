import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.encryption.jwe-rsa-oaep-256',
  title: 'id_token encrypted to the client (JWE: RSA-OAEP-256, A256GCM)',
  protocol: 'oidc',
  // Only where the client publishes an encryption key (jwksUri) and the target says so.
  requires: {
    tag: 'jwe',
  },
  faults: [
    {
      fault: 'oidc.id-token.encrypt',
      params: {
        to: 'client',
        alg: 'RSA-OAEP-256',
        enc: 'A256GCM',
      },
    },
  ],
  expect: 'accept',
  tags: ['jwt', 'encryption', 'tokens'],
  why: 'The IdP signs the id_token and then encrypts it to the key the client publishes at its jwks_uri, as Entra and others do when a client asks for encrypted tokens. A correct SP decrypts it with its own key, then verifies the signature inside as usual.',
  refs: [
    'OIDC Core §10.2 (encryption)',
    'RFC 7516 (JWE)',
    'RFC 7518 §4.3 (RSA-OAEP-256), §5.3 (A256GCM)',
    'RFC 7519 §5.2 (nested JWT)',
  ],
});
