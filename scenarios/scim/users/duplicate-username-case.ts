import { defineScimScenario } from '../define.ts';

export default defineScimScenario({
  id: 'scim.users.duplicate-username-case',
  title: 'The same userName in other letter case is the same user',
  kind: 'provisioning',
  steps: [
    { do: 'assign', user: 'subject' },
    { do: 'create-duplicate', user: 'subject', upperCase: true },
    { do: 'count-users', user: 'subject', expect: 1 },
  ],
  tags: ['scim', 'users', 'errors'],
  why: 'userName is caseExact=false: "Ann@Example.com" and "ann@example.com" are one user. An SP that compares case-sensitively creates a second account when the IdP changes the case of a UPN.',
  refs: ['RFC 7643 §4.1.1 (userName, caseExact false)', 'RFC 7643 §2.4'],
  caughtBy: ['scim-username-case', 'scim-uniqueness'],
});
