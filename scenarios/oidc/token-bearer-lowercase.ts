import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.token.bearer-lowercase',
  title: 'Token response token_type "bearer" in lower case',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.token-response.set',
      params: {
        fields: {
          token_type: 'bearer',
        },
      },
    },
  ],
  expect: 'accept',
  tags: ['tokens', 'token-endpoint'],
  why: 'Some IdPs send token_type "bearer" rather than "Bearer". The value is case-insensitive; a correct SP logs the user in, one that compares exactly fails every login with such an IdP.',
  refs: ['RFC 6749 §5.1 and §7.1 (token_type is case-insensitive)'],
});
