import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.token.invalid-grant',
  title: 'Token endpoint answers 400 invalid_grant',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.endpoint.error',
      params: {
        route: 'token',
        status: 400,
        error: 'invalid_grant',
        keepResult: true,
      },
    },
  ],
  expect: 'reject',
  tags: ['status', 'token-endpoint'],
  why: 'The code exchange fails with invalid_grant (code expired, already used, or issued for another redirect URI). A correct SP ends the login with a clear message and no session. To prove the check, the error answer here still carries the tokens of the exchange: an SP that never looks at the HTTP status or the error member (a hand-rolled fetch(...).json()) logs the user in from them.',
  refs: ['RFC 6749 §5.2 (Error Response)', 'OIDC Core §3.1.3.4 (Token Error Response)'],
  caughtBy: ['oidc-status'],
});
