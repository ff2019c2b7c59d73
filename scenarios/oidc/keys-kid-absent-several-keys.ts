import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.keys.kid-absent-several-keys',
  title: 'No kid in the id_token header, several RSA keys in the JWKS',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.jwks.publish',
      params: {
        kinds: ['current', 'next'],
      },
    },
    {
      fault: 'oidc.id-token.kid',
      params: {
        mode: 'absent',
      },
    },
  ],
  expect: 'reject',
  tags: ['certificates', 'signature', 'keys'],
  why: 'With several keys published, OIDC Core requires a kid. The id_token has none, so the SP cannot tell which key is meant. A correct SP refuses (or at most tries only keys it trusts and still verifies); skipping verification because no key was chosen is the bug this catches.',
  refs: ['OIDC Core §10.1 ("If there are multiple keys ... a kid value MUST be provided")'],
  caughtBy: ['id-token-signature'],
});
