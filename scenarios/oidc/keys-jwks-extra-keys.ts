import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.keys.jwks-extra-keys',
  title: 'JWKS with extra keys that sign nothing',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.jwks.add-keys',
      params: {
        kinds: ['rogue', 'ec'],
      },
    },
  ],
  expect: 'accept',
  tags: ['certificates', 'keys'],
  why: 'The JWKS lists more keys than the one in use (other algorithms, keys for other apps). A correct SP picks the key by kid and logs the user in; an SP that takes the first key, or refuses a set with several keys, fails here.',
  refs: ['RFC 7517 §5', 'OIDC Core §10.1'],
});
