import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.jwt.crit-unknown',
  title: 'id_token with an unknown extension marked critical (crit)',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.header',
      params: {
        set: {
          crit: ['urn:sso-harness:unknown'],
          'urn:sso-harness:unknown': true,
        },
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'security', 'tokens'],
  why: 'The header lists an extension in crit, which means: a recipient that does not understand it must reject the token. The signature is valid. A correct SP refuses; an SP that ignores crit may skip a processing rule the issuer required.',
  refs: ['RFC 7515 §4.1.11 (crit)', 'RFC 8725 §3.1'],
  caughtBy: ['crit'],
});
