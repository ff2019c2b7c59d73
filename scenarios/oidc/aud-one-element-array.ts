import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.aud.one-element-array',
  title: 'id_token aud as a one-element array',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.audience',
      params: {
        mode: 'array',
      },
    },
  ],
  expect: 'accept',
  tags: ['audience', 'tokens'],
  why: 'aud may be a string or an array; ["client-id"] means the same as "client-id". A correct SP accepts it; an SP that compares aud as a string refuses valid tokens from IdPs that always send arrays.',
  refs: ['OIDC Core §2 (aud: array or single string)', 'RFC 7519 §4.1.3'],
});
