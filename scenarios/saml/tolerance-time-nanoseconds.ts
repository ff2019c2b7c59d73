import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.tolerance.time-nanoseconds',
  title: 'Instants with nine fractional digits',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.time-precision',
      params: {
        digits: 9,
      },
    },
  ],
  expect: 'accept',
  tags: ['tolerance', 'time'],
  why: "Java's Instant.toString writes up to nine fractional digits, and IdPs built on it send them. Still a valid xs:dateTime: a correct SP accepts it (and may ignore the digits beyond milliseconds).",
  refs: ['SAML 2.0 Core §1.3.3', 'W3C XML Schema Part 2 §3.2.7 (any number of fractional digits)'],
  caughtBy: ['strict-timestamps'],
});
