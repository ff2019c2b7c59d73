import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.refresh.sub-changed',
  title: 'Refreshed id_token names another user (sub)',
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
          sub: 'another-subject-after-refresh',
        },
      },
    },
  ],
  expect: 'reject',
  tags: ['refresh', 'tokens', 'security', 'jwt'],
  why: 'The login was for one user; the id_token of the token refresh names another sub. OIDC requires a refreshed id_token to name the same subject. A correct SP ends the session; an SP that keeps it (or switches to the new user) lets a mixed-up or malicious token response change who is logged in.',
  refs: [
    'OIDC Core §12.2 (successful refresh response)',
    'OIDC Core §12.1 (refresh request)',
    'RFC 6749 §6 (refreshing an access token)',
    'OIDC Core §12.2: sub MUST be the same as in the original ID Token',
  ],
  caughtBy: ['refresh-identity'],
});
