import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.userinfo.sub-mismatch',
  title: 'userinfo sub differs from the id_token sub',
  protocol: 'oidc',
  requires: {
    tag: 'userinfo',
  },
  faults: [
    {
      fault: 'oidc.userinfo.set',
      params: {
        set: {
          sub: 'auth0|someone-else',
        },
      },
    },
  ],
  expect: 'reject',
  tags: ['userinfo', 'tokens'],
  why: "The userinfo answer describes another user than the id_token (token substitution, a mixed-up cache at the IdP). OIDC Core says the sub MUST match; a correct SP refuses instead of merging someone else's profile into this login.",
  refs: ['OIDC Core §5.3.2 (UserInfo Response: sub MUST be verified)'],
  caughtBy: ['userinfo-sub'],
});
