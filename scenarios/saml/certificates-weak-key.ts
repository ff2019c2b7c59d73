import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.certificates.weak-key',
  title: 'Signed with a 1024-bit RSA key',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signing-key',
      params: {
        kind: 'weak',
      },
    },
  ],
  expect: 'reject',
  tags: ['certificates', 'signature', 'crypto'],
  why: 'The response is signed with a 1024-bit RSA key (sent in KeyInfo) instead of the registered 2048-bit one. 1024-bit RSA has been disallowed for signatures since 2013; only the registered, strong key may verify.',
  refs: [
    'NIST SP 800-131A Rev. 2 §3 (RSA key lengths)',
    'W3C XML Signature Best Practices (Working Group Note, 2013): trust in the verification key',
  ],
  caughtBy: ['keyinfo-trust'],
});
