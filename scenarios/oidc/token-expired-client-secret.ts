import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.token.expired-client-secret',
  title: "Client secret expired: the persona's token endpoint error (Entra AADSTS7000222)",
  protocol: 'oidc',
  requires: {
    persona: 'entra',
  },
  faults: [
    {
      fault: 'oidc.endpoint.expired-secret',
      params: {
        keepTokens: true,
      },
    },
  ],
  expect: 'reject',
  tags: ['status', 'token-endpoint', 'client-auth'],
  why: "The SP's client secret has expired at the IdP (Entra secrets expire after at most two years), so the code exchange fails with HTTP 401 invalid_client and the persona's message (AADSTS7000222 for Entra). A correct SP refuses with a clear message that the client credentials must be renewed, not a generic error or a 500. The answer still carries tokens, so an SP that ignores the status logs in.",
  refs: [
    'RFC 6749 §5.2 (invalid_client)',
    'Microsoft Entra error AADSTS7000222 (client secret keys expired)',
  ],
  caughtBy: ['oidc-status'],
});
