import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.aud.missing',
  title: 'id_token without aud',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.audience',
      params: {
        mode: 'missing',
      },
    },
  ],
  expect: 'reject',
  tags: ['audience', 'tokens'],
  why: 'aud is a required claim; without it the token is for nobody in particular. A correct SP refuses it instead of treating a missing audience as "any audience".',
  refs: ['OIDC Core §2 (aud REQUIRED)', 'OIDC Core §3.1.3.7 (ID Token Validation) step 3'],
  caughtBy: ['oidc-audience'],
});
