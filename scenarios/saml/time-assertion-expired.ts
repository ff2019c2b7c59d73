import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.time.assertion-expired',
  title: 'Assertion expired 5 minutes ago',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.assertion-expired',
      params: {
        secondsAgo: 300,
      },
    },
  ],
  expect: 'reject',
  tags: ['time'],
  why: 'Conditions NotOnOrAfter passed five minutes before the response was sent (a slow user, a stale form re-posted, or an IdP with a short lifetime and a wrong clock). Five minutes is beyond any reasonable clock-skew allowance; a correct SP refuses.',
  refs: ['SAML 2.0 Core §2.5.1.2 (NotBefore and NotOnOrAfter)', 'SAML 2.0 Core §1.3.3 (time values)'],
  caughtBy: ['clock-skew'],
});
