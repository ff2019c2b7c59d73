import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.keys.rotation-both-keys',
  title: 'Key rotation: id_token signed by the next key, both keys published',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.jwks.rotate',
      params: {
        keep: true,
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
  why: 'The IdP rolled over to its next key and publishes old and new side by side. An SP that cached the JWKS sees an unknown kid and must fetch the JWKS again, find the new key and log the user in. SPs that pin one key or never refresh their cache break at every rotation (Entra rotates without notice).',
  refs: [
    'OIDC Core §10.1.1 (Rotation of Asymmetric Signing Keys)',
    'Microsoft identity platform: signing key rollover',
  ],
});
