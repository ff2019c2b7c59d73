import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.users.group-roles',
  title: 'Groups claim mapped to a role',
  protocol: 'oidc',
  connection: 'auth0',
  faults: [],
  expect: 'accept',
  tags: ['users', 'group-roles'],
  why: "heidi's IdP groups (a namespaced Auth0 claim, also in userinfo) map to the editor role. A correct SP reads the configured claim and logs her in; a wrong claim name typically shows up as a failed login or the default role.",
  refs: ['Auth0: add custom claims with a namespace', 'OIDC Core §5.1.2 (Additional Claims)'],
});
