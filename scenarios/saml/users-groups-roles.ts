import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.users.groups-to-roles',
  title: 'IdP groups mapped to SP roles',
  protocol: 'saml',
  requires: {
    tag: 'group-roles',
    persona: 'okta',
  },
  faults: [
    {
      fault: 'saml.attribute',
      params: {
        name: 'groups',
        values: ['admins', 'editors'],
      },
    },
  ],
  expect: 'accept',
  tags: ['users', 'roles'],
  why: "Olivia arrives with the groups admins and editors, which the okta connection maps to roles. The login must succeed with both groups present (the roles show on the probe's answer; this scenario checks the identity).",
  refs: ['SAML 2.0 Core §2.7.3'],
});
