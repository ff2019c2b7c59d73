import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.certificates.keyinfo-registered-and-rogue',
  title: "KeyInfo carries the IdP's registered certificate and a rogue one; the rogue key signs",
  protocol: 'saml',
  faults: [
    { fault: 'saml.signing-key', params: { kind: 'rogue' } },
    { fault: 'saml.key-info', params: { certificate: 'current', also: ['rogue'] } },
  ],
  expect: 'reject',
  tags: ['certificates', 'signature', 'security'],
  why: "The response is signed with a key the SP has never seen. KeyInfo lists the IdP's registered certificate first and the rogue signer's after it, as a chain would. An SP that checks that KeyInfo contains the registered certificate and then verifies with any certificate KeyInfo carries accepts a forgery anyone can make; a correct SP verifies only with the certificates it registered and refuses.",
  refs: [
    'SAML 2.0 Metadata §2.4.1.1 (KeyDescriptor: the keys the SP trusts)',
    'W3C XML Signature Best Practices (Working Group Note, 2013): establish trust in the key, not in KeyInfo',
    'CWE-347',
  ],
  caughtBy: ['keyinfo-chain'],
});
