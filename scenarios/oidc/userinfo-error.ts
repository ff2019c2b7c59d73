import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.userinfo.error',
  title: 'userinfo answers 401 invalid_token',
  protocol: 'oidc',
  requires: {
    tag: 'userinfo',
  },
  faults: [
    {
      fault: 'oidc.endpoint.error',
      params: {
        route: 'userinfo',
        status: 401,
        error: 'invalid_token',
        description: 'The access token is invalid',
        keepResult: true,
      },
    },
  ],
  expect: 'reject',
  tags: ['status', 'userinfo'],
  why: 'This connection reads its profile (email, groups) from userinfo, and userinfo refuses the access token. A correct SP ends the login with a clear message instead of logging in with a partial profile. The error answer still carries the claims, so an SP that ignores the status logs in.',
  refs: ['OIDC Core §5.3.3 (UserInfo Error Response)', 'RFC 6750 §3.1'],
  caughtBy: ['oidc-status'],
});
