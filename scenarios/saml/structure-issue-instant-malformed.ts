import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.structure.issue-instant-malformed',
  title: 'IssueInstant that is not a UTC xs:dateTime',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.issue-instant-malformed',
    },
  ],
  expect: 'reject',
  tags: ['structure', 'time'],
  why: 'The IssueInstant reads "2026-05-01 10:00:00": no T, no Z. SAML times MUST be UTC xs:dateTime; a lenient date parser reads this as the server\'s local time and the age check then measures from the wrong instant. A correct SP refuses a time it cannot read as SAML says.',
  refs: [
    'SAML 2.0 Core §1.3.3 (time values: xs:dateTime in UTC, no time zone component)',
    'W3C XML Schema Part 2 §3.2.7 (dateTime)',
  ],
  caughtBy: ['issue-instant'],
});
