import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.time.expired-within-skew',
  title: 'Assertion expired 30 seconds ago (within the clock skew)',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.assertion-expired',
      params: {
        secondsAgo: 30,
      },
    },
  ],
  expect: 'accept',
  tags: ['time'],
  why: "By the IdP's clock the assertion ended 30 seconds ago. Clocks drift, so SPs allow some skew (the demo SP 60 s); within it a correct SP still accepts, and one with no allowance at all fails users whenever clocks are a little apart.",
  refs: ['SAML 2.0 Core §2.5.1.2', 'SAML 2.0 Core §1.3.3'],
});
