import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.time.iat-far-past',
  title: 'id_token iat a day ago (exp still valid)',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.issued-at',
      params: {
        offsetSeconds: -86400,
      },
    },
  ],
  expect: 'reject',
  tags: ['time', 'tokens'],
  why: "The token was issued a day ago but its exp has not passed (a long-lived token or one kept for replay). A login's id_token is used right after it is issued; a correct SP limits its age (here 10 minutes) and refuses.",
  refs: ['OIDC Core §3.1.3.7 (ID Token Validation) step 10'],
  caughtBy: ['issue-instant'],
});
