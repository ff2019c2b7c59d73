import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.hash.at-hash-wrong',
  title: 'id_token at_hash that does not match the access token',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.hash-claims',
      params: {
        claims: ['at_hash'],
        mode: 'wrong',
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'tokens', 'security'],
  why: "The id_token's at_hash is the hash of some other access token. It binds the id_token to the access token it came with; a mismatch means one of them was swapped. A correct SP that gets an at_hash compares it and refuses.",
  refs: ['OIDC Core §3.1.3.8 (access token validation)', 'OIDC Core §3.2.2.9', 'OIDC Core §3.3.2.11'],
  caughtBy: ['at-hash'],
});
