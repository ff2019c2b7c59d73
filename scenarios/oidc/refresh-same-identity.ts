import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.refresh.same-identity',
  title: 'Token refresh keeps the login (same sub and iss)',
  protocol: 'oidc',
  requires: {
    tag: 'refresh',
  },
  faults: [
    {
      fault: 'oidc.token-response.set',
      params: {
        fields: {
          expires_in: 0,
        },
      },
    },
  ],
  expect: 'accept',
  tags: ['refresh', 'tokens', 'baseline'],
  why: 'The access token expires at once, so the SP uses its refresh token on its next request and gets a new id_token for the same user from the same issuer. A correct SP keeps the session; an SP that cannot refresh logs its users out whenever an access token expires.',
  refs: [
    'OIDC Core §12.2 (successful refresh response)',
    'OIDC Core §12.1 (refresh request)',
    'RFC 6749 §6 (refreshing an access token)',
  ],
});
