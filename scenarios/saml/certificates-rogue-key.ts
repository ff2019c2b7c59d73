import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.certificates.rogue-key',
  title: "Signed by a rogue key under a certificate with the IdP's subject",
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signing-key',
      params: {
        kind: 'rogue',
      },
    },
  ],
  expect: 'reject',
  tags: ['certificates', 'signature', 'security'],
  why: "An attacker signs with their own key and puts a self-made certificate with the IdP's subject name in KeyInfo. Only the registered certificate may verify the signature; an SP that trusts KeyInfo, or matches certificates by subject, lets anyone log in as anyone.",
  refs: [
    'W3C XML Signature Best Practices (Working Group Note, 2013): trust in the verification key',
    'SAML 2.0 Core §5.4',
    'CWE-347',
  ],
  caughtBy: ['keyinfo-trust'],
});
