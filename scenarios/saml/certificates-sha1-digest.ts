import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.certificates.sha1-digest',
  title: 'SHA-1 DigestMethod under an RSA-SHA256 signature',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.digest-algorithm',
      params: {
        algorithm: 'sha1',
      },
    },
  ],
  expect: 'reject',
  tags: ['certificates', 'signature', 'crypto'],
  why: 'The signature itself is RSA-SHA256, but the reference digest is SHA-1, so what is signed is only a SHA-1 hash of the assertion. A strict SP checks the DigestMethod as well as the SignatureMethod.',
  refs: ['NIST SP 800-131A Rev. 2 §9', 'W3C XML Signature 1.1 §6.2 (DigestMethod)'],
  caughtBy: ['weak-crypto'],
});
