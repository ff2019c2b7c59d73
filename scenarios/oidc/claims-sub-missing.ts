import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.claims.sub-missing',
  title: 'id_token without sub',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.claims',
      params: {
        set: {},
        remove: ['sub'],
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'tokens', 'claims'],
  why: 'The id_token has no sub, the only stable identifier of the user at this IdP. A correct SP refuses; an SP that falls back to the email links the login to whoever owns that address.',
  refs: [
    'OIDC Core §2 (ID Token: iss, sub, aud, exp, iat REQUIRED)',
    'OIDC Core §2 (sub REQUIRED)',
    'RFC 7519 §4.1 (sub)',
  ],
  caughtBy: ['claims-required'],
});
