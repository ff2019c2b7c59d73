import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.token.slow',
  title: 'Token endpoint answers after 3 seconds',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.endpoint.slow',
      params: {
        route: 'token',
        delayMs: 3000,
      },
    },
  ],
  expect: 'accept',
  tags: ['availability', 'token-endpoint'],
  why: 'The token endpoint is slow (a busy IdP, a cold start). A correct SP waits a reasonable time and logs the user in; an SP with a very short back-channel timeout fails intermittently in production.',
  refs: ['OIDC Core §3.1.3 (Token Endpoint)'],
});
