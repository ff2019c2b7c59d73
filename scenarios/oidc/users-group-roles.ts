import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.users.group-roles',
  title: 'Groups claim mapped to a role',
  protocol: 'oidc',
  requires: {
    persona: 'auth0',
    tag: 'group-roles',
  },
  faults: [],
  expect: 'accept',
  tags: ['users', 'group-roles'],
  why: 'The user\'s IdP groups map to an SP role. Auth0 sends them in a namespaced custom claim (also in userinfo), not in "groups". A correct SP reads the configured claim and logs the user in with the mapped role; a wrong claim name shows up as the default role or a refused login.',
  refs: ['Auth0: add custom claims with a namespace', 'OIDC Core §5.1.2 (Additional Claims)'],
});
