import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.time.nbf-future',
  title: 'id_token not valid before ten minutes from now (nbf)',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.not-before',
      params: {
        secondsAhead: 600,
      },
    },
  ],
  expect: 'reject',
  tags: ['time', 'tokens'],
  why: 'nbf says the token becomes valid only in ten minutes. A correct SP honours nbf (Entra sends it) within its clock skew and refuses.',
  refs: ['RFC 7519 §4.1.5 (nbf)'],
  caughtBy: ['clock-skew'],
});
