import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.time.idp-clock-behind-small',
  title: 'IdP clock 45 seconds behind',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.clock-skew',
      params: {
        seconds: -45,
      },
    },
  ],
  expect: 'accept',
  tags: ['time'],
  why: "The IdP's clock is 45 seconds behind: everything is a little old, but inside the validity window and the 60 s allowance. A correct SP accepts.",
  refs: ['SAML 2.0 Core §1.3.3', 'SAML 2.0 Core §2.5.1.2'],
});
