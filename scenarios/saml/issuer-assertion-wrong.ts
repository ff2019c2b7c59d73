import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.issuer.assertion-wrong',
  title: 'Assertion Issuer differs from the Response Issuer',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.issuer',
      params: {
        value: 'https://unknown-idp.invalid/saml/metadata',
        where: 'assertion',
      },
    },
  ],
  expect: 'reject',
  tags: ['issuer'],
  why: "The envelope says our IdP, the assertion names another. Only the assertion's Issuer says who vouches for the user, so a correct SP checks it (not only the Response's).",
  refs: ['SAML 2.0 Profiles §4.1.4.2', 'SAML 2.0 Core §2.3.3'],
  caughtBy: ['issuer'],
});
