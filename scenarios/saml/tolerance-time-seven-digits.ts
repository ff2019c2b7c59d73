import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.tolerance.time-seven-digits',
  title: 'Instants with seven fractional digits (ADFS)',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.time-precision',
      params: {
        digits: 7,
      },
    },
  ],
  expect: 'accept',
  tags: ['tolerance', 'time', 'adfs'],
  why: 'ADFS writes instants with 100-nanosecond precision (2026-05-01T10:00:00.1230000Z). SAML says SPs SHOULD NOT rely on more than milliseconds, not that they may refuse it; an SP with a fixed-format parser refuses every ADFS login.',
  refs: [
    'SAML 2.0 Core §1.3.3 (SHOULD NOT rely on time resolution finer than milliseconds)',
    'W3C XML Schema Part 2 §3.2.7',
  ],
  caughtBy: ['strict-timestamps'],
});
