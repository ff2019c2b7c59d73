import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.structure.issue-instant-missing',
  title: 'Response without an IssueInstant',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.issue-instant-malformed',
      params: {
        remove: true,
        where: 'response',
      },
    },
  ],
  expect: 'reject',
  tags: ['structure', 'time'],
  why: "The Response carries no IssueInstant (the Assertion still does). It is a required attribute of every SAML request and response, and what the SP bounds the message's age by; a correct SP refuses the schema-invalid message rather than treat it as fresh. (node-saml already fails on an Assertion without one, so only the Response's is left out.)",
  refs: ['SAML 2.0 Core §3.2.2 (IssueInstant [Required])', 'SAML 2.0 Core §2.3.3'],
  caughtBy: ['issue-instant'],
});
