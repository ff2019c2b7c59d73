import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.signature.hs256-empty-secret',
  title: 'HS256 id_token keyed with an empty secret',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.hmac-secret',
      params: {
        secret: 'empty',
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'signature', 'security', 'tokens'],
  why: 'The token is HMAC-signed with a zero-length key, which some libraries substitute when no secret is configured. A correct SP never accepts HS* from an IdP it verifies with public keys, and never an empty key.',
  refs: [
    'RFC 8725 §3.5 (sufficient entropy)',
    'RFC 7518 §3.2 (key at least as long as the hash)',
    'jwt_tool: -X b / blank password',
  ],
  caughtBy: ['hs-confusion'],
});
