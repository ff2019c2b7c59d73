import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.time.not-before-2m',
  title: 'NotBefore 2 minutes in the future',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.not-before-future',
      params: {
        seconds: 120,
      },
    },
  ],
  expect: 'reject',
  tags: ['time'],
  why: "Two minutes ahead is beyond the demo SP's 60 s clock skew, so it refuses until the assertion is valid. SPs that allow 3-5 minutes (common defaults) would accept: such targets override this expectation in their config.",
  refs: ['SAML 2.0 Core §2.5.1.2', 'SAML 2.0 Core §1.3.3'],
  caughtBy: ['clock-skew'],
});
