import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.claims.iss-missing',
  title: 'id_token without iss',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.claims',
      params: {
        set: {},
        remove: ['iss'],
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'tokens', 'claims'],
  why: 'The id_token has no iss. Without it the SP cannot tell which IdP issued the token, and a token from another IdP the SP trusts passes. A correct SP refuses; an SP that checks iss only when present accepts.',
  refs: [
    'OIDC Core §2 (ID Token: iss, sub, aud, exp, iat REQUIRED)',
    'OIDC Core §3.1.3.7 step 2',
    'RFC 7519 §4.1 (iss)',
  ],
  caughtBy: ['claims-required'],
});
