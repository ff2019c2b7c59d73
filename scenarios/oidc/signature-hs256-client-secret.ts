import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.signature.hs256-client-secret',
  title: 'HS256 id_token keyed with the client secret (client registered for RS256)',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.id-token.hmac-secret',
      params: {
        secret: 'client-secret',
      },
    },
  ],
  expect: 'reject',
  tags: ['jwt', 'signature', 'security', 'tokens'],
  why: "The token is HMAC-signed with this client's own secret. OIDC allows that only when the client registered an HS* algorithm; this client registered RS256. Anyone who knows the secret (every instance of the app, a leaked config) could forge identities, so a correct SP accepts only its registered algorithm.",
  refs: [
    'OIDC Core §10.1 (signing)',
    'OIDC Core §3.1.3.7 step 7',
    'OIDC Registration §2 (id_token_signed_response_alg)',
    'RFC 8725 §3.1',
  ],
  caughtBy: ['hs-confusion'],
});
