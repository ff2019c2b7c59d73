import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.time.not-before-10m',
  title: 'NotBefore 10 minutes in the future',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.not-before-future',
      params: {
        seconds: 600,
      },
    },
  ],
  expect: 'reject',
  tags: ['time'],
  why: "Ten minutes is beyond any reasonable allowance: the IdP's clock is wrong (or the assertion was made for later). A correct SP refuses; one with a very wide skew accepts assertions long before their time.",
  refs: ['SAML 2.0 Core §2.5.1.2', 'SAML 2.0 Core §1.3.3'],
  caughtBy: ['clock-skew'],
});
