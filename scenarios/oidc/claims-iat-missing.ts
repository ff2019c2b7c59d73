import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.claims.iat-missing',
  title: 'id_token without iat',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.claims',
      params: {
        set: {},
        remove: ['iat'],
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'tokens', 'claims'],
  why: 'The id_token has no iat, so the SP cannot tell how old it is. A correct SP refuses; an SP that checks iat only when present accepts a token minted long ago.',
  refs: [
    'OIDC Core §2 (ID Token: iss, sub, aud, exp, iat REQUIRED)',
    'OIDC Core §3.1.3.7 step 10',
    'RFC 7519 §4.1 (iat)',
  ],
  caughtBy: ['claims-required'],
});
