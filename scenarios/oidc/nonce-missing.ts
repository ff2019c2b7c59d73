import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.nonce.missing',
  title: 'id_token without nonce although the login sent one',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.nonce',
      params: {
        mode: 'missing',
      },
    },
  ],
  expect: 'reject',
  tags: ['replay', 'tokens'],
  why: 'The SP sent a nonce and the id_token carries none. OIDC Core says the value MUST be checked when sent; a correct SP refuses, an SP that only compares when present accepts replayed tokens.',
  refs: [
    'OIDC Core §3.1.3.7 (ID Token Validation) step 11 ("If a nonce value was sent ... a nonce Claim MUST be present")',
  ],
  caughtBy: ['nonce'],
});
