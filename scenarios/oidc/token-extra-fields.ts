import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.token.extra-fields',
  title: 'Token response with extra, unknown fields',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.token-response.set',
      params: {
        fields: {
          ext_expires_in: 3600,
          refresh_token_expires_in: 86400,
          x_vendor: {
            nested: true,
          },
        },
      },
    },
  ],
  expect: 'accept',
  tags: ['tokens', 'token-endpoint'],
  why: 'IdPs add their own members to the token response (Entra: ext_expires_in). RFC 6749 says clients MUST ignore unknown members; a correct SP logs the user in. A strict schema that refuses unknown fields breaks with real IdPs.',
  refs: ['RFC 6749 §5.1 ("The client MUST ignore unrecognized value names")'],
});
