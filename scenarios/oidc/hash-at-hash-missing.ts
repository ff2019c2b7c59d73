import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.hash.at-hash-missing',
  title: 'id_token without at_hash in the code flow',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.hash-claims',
      params: {
        claims: ['at_hash'],
        mode: 'missing',
      },
    },
  ],
  expect: 'accept',
  tags: ['jwt', 'tokens', 'interop'],
  why: 'In the authorization code flow the id_token comes from the token endpoint and at_hash is optional; many IdPs leave it out. A correct SP accepts the login; an SP that demands at_hash breaks with those IdPs.',
  refs: ['OIDC Core §3.1.3.6 (at_hash OPTIONAL)', 'OIDC Core §3.1.3.8'],
});
