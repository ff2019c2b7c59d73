import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.aud.wrong',
  title: 'id_token aud names another client',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.audience',
      params: {
        mode: 'wrong',
      },
    },
  ],
  expect: 'reject',
  tags: ['audience', 'tokens'],
  why: 'The id_token was issued to another application (token substitution between apps of the same IdP). A correct SP requires its own client_id in aud and refuses.',
  refs: ['OIDC Core §3.1.3.7 (ID Token Validation) step 3'],
  caughtBy: ['oidc-audience'],
});
