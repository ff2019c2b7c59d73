import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.time.not-before-30s',
  title: 'NotBefore 30 seconds in the future (within the clock skew)',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.not-before-future',
      params: {
        seconds: 30,
      },
    },
  ],
  expect: 'accept',
  tags: ['time'],
  why: "The IdP's clock is 30 seconds ahead, so the assertion is \"not yet valid\" by the SP's clock. 30 s is inside the demo SP's 60 s allowance, so it accepts; an SP with no allowance at all (some libraries default to zero) fails users whenever the IdP's clock runs a little ahead.",
  refs: ['SAML 2.0 Core §2.5.1.2', 'SAML 2.0 Core §1.3.3'],
});
