import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.certificates.sha1-signature',
  title: 'RSA-SHA1 signature',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signature-algorithm',
      params: {
        algorithm: 'rsa-sha1',
      },
    },
  ],
  expect: 'reject',
  tags: ['certificates', 'signature', 'crypto'],
  why: 'The IdP still signs with RSA-SHA1, the default of some older IdP setups. SHA-1 collisions are practical, so a strict SP refuses and the IdP must move to RSA-SHA256.',
  refs: [
    'NIST SP 800-131A Rev. 2 §9 (SHA-1 disallowed for signatures)',
    'RFC 6194',
    'W3C XML Signature 1.1 §6.4.2',
  ],
  caughtBy: ['weak-crypto'],
});
