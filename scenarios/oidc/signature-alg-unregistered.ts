import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.signature.alg-unregistered',
  title: 'id_token with an alg no registry defines (XS256), no signature',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.header',
      params: {
        set: {
          alg: 'XS256',
        },
        signature: 'empty',
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'signature', 'security', 'tokens'],
  why: 'The header names XS256, an algorithm no registry defines, and carries no signature. A correct SP accepts only the algorithms it registered; an SP whose library skips verification for an algorithm it does not know accepts a forgery.',
  refs: ['RFC 7515 §5.2 step 8 (alg must be supported)', 'RFC 8725 §3.1', 'IANA JWS Algorithms registry'],
  caughtBy: ['alg-unknown'],
});
