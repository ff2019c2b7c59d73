import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.time.issue-instant-future',
  title: 'IssueInstant 10 minutes in the future',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.issue-instant',
      params: {
        offsetSeconds: 600,
      },
    },
  ],
  expect: 'reject',
  tags: ['time'],
  why: 'The Response and Assertion claim to be issued ten minutes from now while their validity windows are current. A message from the future is a wrong IdP clock or a forgery; a correct SP refuses.',
  refs: ['SAML 2.0 Core §2.3.3 and §3.2.2 (IssueInstant)', 'SAML 2.0 Core §1.3.3'],
  caughtBy: ['issue-instant'],
});
