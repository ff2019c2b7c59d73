import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.users.google-hd-missing',
  title: 'Google id_token without hd (a consumer account)',
  protocol: 'oidc',
  requires: {
    tag: 'hosted-domain',
  },
  faults: [
    {
      fault: 'oidc.claims.remove',
      params: {
        names: ['hd'],
      },
    },
  ],
  expect: 'reject',
  tags: ['users', 'hosted-domain'],
  why: 'No hd claim means a consumer Google account, not one of the Workspace domain this connection is for. A correct SP checks hd on the token (the hd request parameter is only a UI hint) and refuses.',
  refs: [
    'Google Identity: OpenID Connect, hd parameter ("validate that the returned ID token has an hd claim value")',
  ],
  caughtBy: ['hosted-domain'],
});
