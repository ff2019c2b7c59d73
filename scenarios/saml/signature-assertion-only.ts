import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.assertion-only',
  title: 'Only the Assertion is signed',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signed-parts',
      params: {
        targets: 'assertion',
      },
    },
  ],
  expect: 'accept',
  tags: ['signature'],
  why: "A common shape (Entra ID's default signing option): the assertion carries the signature, the Response envelope does not. A correct SP accepts; the unsigned envelope fields (Destination, Status) are checked but cannot be trusted beyond what the assertion says.",
  refs: ['SAML 2.0 Profiles §4.1.4.5', 'SAML 2.0 Core §5.4.1'],
});
