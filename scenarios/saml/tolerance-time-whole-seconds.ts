import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.tolerance.time-whole-seconds',
  title: 'Instants in whole seconds',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.time-precision',
      params: {
        digits: 0,
      },
    },
  ],
  expect: 'accept',
  tags: ['tolerance', 'time'],
  why: 'Every instant is written without fractional seconds (2026-05-01T10:00:00Z), as Shibboleth, Okta and many IdPs do. That is a valid UTC xs:dateTime; an SP whose date parser expects exactly milliseconds refuses every login.',
  refs: [
    'SAML 2.0 Core §1.3.3 (xs:dateTime, UTC)',
    'W3C XML Schema Part 2 §3.2.7 (fractional seconds optional)',
  ],
  caughtBy: ['strict-timestamps'],
});
