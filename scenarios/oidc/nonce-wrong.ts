import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.nonce.wrong',
  title: 'id_token nonce is not the one this login sent',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.nonce',
      params: {
        mode: 'wrong',
      },
    },
  ],
  expect: 'reject',
  tags: ['replay', 'tokens'],
  why: "The nonce binds the id_token to this browser's login. Another value means a token from another login (replayed or injected). A correct SP compares it with the nonce it stored and refuses.",
  refs: [
    'OIDC Core §3.1.3.7 (ID Token Validation) step 11',
    'OIDC Core §15.5.2 (Nonce implementation notes)',
  ],
  caughtBy: ['nonce'],
});
