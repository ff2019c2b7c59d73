import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.token.server-error',
  title: 'Token endpoint answers 500 server_error',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.endpoint.error',
      params: {
        route: 'token',
        status: 500,
        error: 'server_error',
        description: 'Internal error',
        keepResult: true,
      },
    },
  ],
  expect: 'reject',
  tags: ['status', 'token-endpoint', 'availability'],
  why: "The IdP's token endpoint fails with HTTP 500. A correct SP shows a clear, retryable error and creates no session (its own pages must not crash with a 500 either). The answer still carries tokens, so an SP that ignores the status logs the user in from a response the IdP disowned.",
  refs: ['RFC 6749 §5.1-5.2 (a successful response is HTTP 200)', 'OIDC Core §3.1.3.4'],
  caughtBy: ['oidc-status'],
});
