import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.signature.alg-none-capitalized-case',
  title: 'Unsigned id_token with alg "None"',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.alg-none',
      params: {
        spelling: 'None',
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'signature', 'security', 'tokens'],
  why: 'The header says "None" instead of "none" and the signature is empty. A filter that blocks only the exact string "none" lets it through to a library that compares case-insensitively. A correct SP accepts only its registered algorithms and refuses it.',
  refs: [
    'RFC 7518 §3.6 (none)',
    'RFC 8725 §3.1',
    'OIDC Core §3.1.3.7 step 7',
    'jwt_tool: -X a (alg none variants)',
  ],
  caughtBy: ['alg-none'],
});
