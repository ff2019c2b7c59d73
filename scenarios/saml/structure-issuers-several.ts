import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.structure.issuers-several',
  title: 'Two Issuer elements in the Assertion',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.issuers-several',
    },
  ],
  expect: 'reject',
  tags: ['structure', 'issuer'],
  why: "The Assertion carries the IdP's Issuer and then another entityID's. The schema allows exactly one; an SP whose issuer check reads the first while its key lookup reads the last trusts the wrong party. A correct SP refuses a schema-invalid assertion.",
  refs: ['SAML 2.0 Core §2.3.3 (<Issuer> [Required], one)', 'saml-schema-assertion-2.0.xsd (AssertionType)'],
  caughtBy: ['issuer'],
});
