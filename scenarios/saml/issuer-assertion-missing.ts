import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.issuer.assertion-missing',
  title: 'Assertion without Issuer',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.issuer',
      params: {
        remove: true,
        where: 'assertion',
      },
    },
  ],
  expect: 'reject',
  tags: ['issuer'],
  why: 'An Assertion must name its Issuer. Without it the SP cannot tell which IdP vouches for the user; a correct SP refuses.',
  refs: ['SAML 2.0 Core §2.3.3 (Issuer is required in an Assertion)'],
  caughtBy: ['issuer'],
});
