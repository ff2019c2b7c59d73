import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.keys.retired-key',
  title: 'id_token signed by a key the JWKS no longer publishes',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.jwks.rotate',
      params: {
        keep: false,
      },
    },
  ],
  expect: 'reject',
  tags: ['certificates', 'keys', 'rotation'],
  why: 'The IdP retired its old key (the JWKS lists only the next one) but this token is still signed with the old key, as a stolen or replayed token would be. A correct SP refetches, still finds no such key, and refuses; a key cache that never forgets old keys accepts it.',
  refs: ['OIDC Core §10.1.1', 'OIDC Core §3.1.3.7 (ID Token Validation) step 6'],
  caughtBy: ['id-token-signature'],
});
