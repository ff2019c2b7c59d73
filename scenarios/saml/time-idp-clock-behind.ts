import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.time.idp-clock-behind',
  title: 'IdP clock 10 minutes behind',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.clock-skew',
      params: {
        seconds: -600,
      },
    },
  ],
  expect: 'reject',
  tags: ['time'],
  why: "With the IdP ten minutes behind, its five-minute assertions have already expired when they arrive. The SP refuses; the fix is the IdP's clock, not a wider skew.",
  refs: ['SAML 2.0 Core §1.3.3', 'SAML 2.0 Core §2.5.1.2'],
  caughtBy: ['clock-skew'],
});
