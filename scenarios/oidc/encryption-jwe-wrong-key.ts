import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.encryption.jwe-wrong-key',
  title: 'id_token encrypted to a key the client does not have',
  protocol: 'oidc',
  // Only where the client publishes an encryption key (jwksUri) and the target says so.
  requires: {
    tag: 'jwe',
  },
  faults: [
    {
      fault: 'oidc.id-token.encrypt',
      params: {
        to: 'other',
        alg: 'RSA-OAEP-256',
        enc: 'A256GCM',
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'encryption', 'tokens', 'security'],
  why: 'The id_token is a JWE encrypted to some other key, so the SP cannot read it. A correct SP refuses the login; an SP that treats an unreadable id_token as absent and logs in whoever userinfo names for the access token has lost the signed identity.',
  refs: ['OIDC Core §10.2 (encryption)', 'RFC 7516 §5.2 (JWE decryption)', 'OIDC Core §3.1.3.7 step 1'],
  caughtBy: ['id-token-required'],
});
