import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.sha512',
  title: 'RSA-SHA512 signature and SHA-512 digest',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signature-algorithm',
      params: {
        algorithm: 'rsa-sha512',
      },
    },
    {
      fault: 'saml.digest-algorithm',
      params: {
        algorithm: 'sha512',
      },
    },
  ],
  expect: 'accept',
  tags: ['baseline', 'signature'],
  why: 'Some IdPs are configured for SHA-512. It is stronger than the usual SHA-256, so a correct SP accepts it; an SP that hard-codes SHA-256 locks out IdPs that follow hardening guides.',
  refs: [
    'W3C XML Signature Syntax and Processing 1.1 §6.4.2 (RSA), §6.2 (digests)',
    'RFC 6931 (additional XML security URIs: SHA-512)',
  ],
});
