import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.keys.kid-absent-single-key',
  title: 'No kid in the id_token header, one key in the JWKS',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.jwks.publish',
      params: {
        kinds: ['current'],
      },
    },
    {
      fault: 'oidc.id-token.kid',
      params: {
        mode: 'absent',
      },
    },
  ],
  expect: 'accept',
  tags: ['certificates', 'signature', 'keys'],
  why: 'The IdP publishes exactly one key and leaves kid out of the header. OIDC Core requires a kid only when the JWK Set holds several keys, so a correct SP verifies with the single key and logs the user in; an SP that demands a kid breaks with such IdPs.',
  refs: ['OIDC Core §10.1 (Signing: kid with several keys)', 'RFC 7515 §4.1.4'],
});
