import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.certificates.sha1-certificate',
  title: 'Signing certificate itself signed with SHA-1',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signing-key',
      params: {
        kind: 'sha1',
      },
    },
  ],
  expect: 'reject',
  tags: ['certificates', 'crypto'],
  why: 'The key is the registered one, but the certificate the IdP signs under was issued with sha1WithRSAEncryption. A strict SP refuses certificates whose own signature is SHA-1, as browsers have since 2017.',
  refs: ['NIST SP 800-131A Rev. 2 §9', 'RFC 5280 §4.1.1.2 (signatureAlgorithm)'],
  caughtBy: ['weak-crypto'],
});
