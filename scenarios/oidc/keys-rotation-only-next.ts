import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.keys.rotation-only-next',
  title: 'Key rotation: the old key retired, only the next key published',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.jwks.rotate',
      params: {
        keep: false,
      },
    },
    {
      fault: 'oidc.id-token.key',
      params: {
        kind: 'next',
        kid: 'follow',
      },
    },
  ],
  expect: 'accept',
  tags: ['certificates', 'keys', 'rotation'],
  why: 'After a completed rotation the JWKS lists only the new key and tokens are signed with it. A correct SP refreshes its key cache on the unknown kid and accepts; one that keeps the old key set refuses every login until restarted.',
  refs: [
    'OIDC Core §10.1.1 (Rotation of Asymmetric Signing Keys)',
    'Google: certificates at jwks_uri rotate regularly',
  ],
});
