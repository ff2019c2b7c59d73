import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.azp.other-client',
  title: 'id_token azp names another client',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.azp',
      params: {
        azp: 'another-client',
      },
    },
  ],
  expect: 'reject',
  tags: ['audience', 'tokens'],
  why: 'azp says the token was issued to another party than this client. A correct SP that sees an azp checks it is its own client_id and refuses otherwise.',
  refs: ['OIDC Core §3.1.3.7 (ID Token Validation) steps 4-5'],
  caughtBy: ['azp'],
});
