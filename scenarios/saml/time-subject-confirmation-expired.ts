import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.time.subject-confirmation-expired',
  title: 'Bearer confirmation expired 5 minutes ago',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.subject-confirmation-expired',
      params: {
        secondsAgo: 300,
      },
    },
  ],
  expect: 'reject',
  tags: ['time'],
  why: "The assertion's Conditions are still valid, but the bearer SubjectConfirmationData NotOnOrAfter has passed: the window in which the browser may present it is over. SPs that check only Conditions miss this.",
  refs: [
    'SAML 2.0 Profiles §4.1.4.2 and §4.1.4.3 (NotOnOrAfter of the bearer confirmation)',
    'SAML 2.0 Core §2.4.1.2',
  ],
  caughtBy: ['clock-skew'],
});
