import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.claims.exp-missing',
  title: 'id_token without exp',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.claims',
      params: {
        set: {},
        remove: ['exp'],
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'tokens', 'claims'],
  why: 'The id_token has no exp, so it never expires. A correct SP refuses; an SP that checks exp only when present accepts a stolen token forever.',
  refs: [
    'OIDC Core §2 (ID Token: iss, sub, aud, exp, iat REQUIRED)',
    'OIDC Core §3.1.3.7 step 9',
    'RFC 7519 §4.1 (exp)',
  ],
  caughtBy: ['claims-required'],
});
