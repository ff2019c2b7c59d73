import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.time.iat-future',
  title: 'id_token iat ten minutes in the future',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.issued-at',
      params: {
        offsetSeconds: 600,
      },
    },
  ],
  expect: 'reject',
  tags: ['time', 'tokens'],
  why: 'The token claims to have been issued ten minutes from now: a pre-minted token or a badly wrong IdP clock. A correct SP refuses an iat beyond its clock skew.',
  refs: [
    'OIDC Core §3.1.3.7 (ID Token Validation) step 10 (iat used to reject tokens issued too far away from the current time)',
  ],
  caughtBy: ['issue-instant'],
});
