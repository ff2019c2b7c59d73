import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.refresh.iss-changed',
  title: 'Refreshed id_token comes from another issuer (iss)',
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
    {
      fault: 'oidc.id-token.refresh-claims',
      params: {
        set: {
          iss: 'https://other-idp.example/',
        },
      },
    },
  ],
  expect: 'reject',
  tags: ['refresh', 'tokens', 'security', 'jwt'],
  why: "The id_token of the token refresh names another issuer than the login's. OIDC requires the same iss. A correct SP ends the session; an SP that checks iss only at login accepts identities from an issuer it never configured.",
  refs: [
    'OIDC Core §12.2 (successful refresh response)',
    'OIDC Core §12.1 (refresh request)',
    'RFC 6749 §6 (refreshing an access token)',
    'OIDC Core §12.2: iss MUST be the same as in the original ID Token',
  ],
  caughtBy: ['refresh-identity'],
});
