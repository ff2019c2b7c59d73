import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.signature.alg-none',
  title: 'Unsigned id_token (alg "none")',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.alg-none',
    },
  ],
  expect: 'reject',
  tags: ['certificates', 'signature', 'tokens'],
  why: 'The id_token says alg "none" and carries no signature. A correct SP accepts only the algorithms it registered (RS256/ES256) and refuses it; an SP that lets the header pick the algorithm accepts any forged identity.',
  refs: [
    'OIDC Core §3.1.3.7 step 7',
    'RFC 8725 §3.1 (JWT BCP: perform algorithm verification)',
    'T. McLean, "Critical vulnerabilities in JSON Web Token libraries" (2015)',
  ],
  caughtBy: ['alg-none'],
});
