import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.time.exp-passed',
  title: 'id_token expired ten minutes ago',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.expired',
      params: {
        secondsAgo: 600,
      },
    },
  ],
  expect: 'reject',
  tags: ['time', 'tokens'],
  why: 'exp lies ten minutes in the past, far beyond any reasonable clock skew. A correct SP refuses the expired token; an SP with a huge tolerance (or none of the check) accepts a stolen token long after it should have died.',
  refs: ['OIDC Core §3.1.3.7 (ID Token Validation) step 9', 'RFC 7519 §4.1.4'],
  caughtBy: ['clock-skew'],
});
