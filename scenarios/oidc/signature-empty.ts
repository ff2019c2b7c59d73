import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.signature.empty',
  title: 'id_token with an empty signature (alg kept)',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.forged-signature',
      params: {
        mode: 'empty',
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'signature', 'security', 'tokens'],
  why: 'The header still says RS256 but the signature part is empty (header.payload.). A correct SP fails the verification and refuses; an SP that skips verification when there is nothing to verify accepts any payload.',
  refs: ['RFC 7515 §5.2 (validation)', 'OIDC Core §3.1.3.7 step 6', 'jwt_tool: -X n / null signature'],
  caughtBy: ['id-token-signature'],
});
