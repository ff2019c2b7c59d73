import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.time.issue-instant-old',
  title: 'IssueInstant 30 minutes ago',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.issue-instant',
      params: {
        offsetSeconds: -1800,
      },
    },
  ],
  expect: 'reject',
  tags: ['time'],
  why: 'The response was issued half an hour ago but claims a current validity window. An SP that bounds the age of responses (the demo SP: 10 minutes) refuses such stale messages; one that does not accepts responses held back for later use.',
  refs: [
    'SAML 2.0 Core §3.2.2 (IssueInstant)',
    'OWASP SAML Security Cheat Sheet (validate protocol processing rules)',
  ],
  caughtBy: ['issue-instant'],
});
