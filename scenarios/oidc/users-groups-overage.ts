import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.users.groups-overage',
  title: 'Entra groups overage (no groups claim, a Graph link instead)',
  protocol: 'oidc',
  requires: {
    persona: 'entra',
    tag: 'group-roles',
  },
  faults: [
    {
      fault: 'oidc.claims.groups-overage',
    },
  ],
  expect: 'accept',
  tags: ['users', 'group-roles', 'tenant'],
  why: "A user in more groups than fit in a token gets _claim_names/_claim_sources pointing at Microsoft Graph instead of groups. A correct SP still logs the user in; without calling Graph it cannot see the groups, so it gives the connection's default role (here member), never a crash or a refusal.",
  refs: [
    'Microsoft identity platform: groups overage claim',
    'OIDC Core §5.6.2 (Aggregated and Distributed Claims)',
  ],
});
