import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.certificates.expired',
  title: 'Signed under an expired certificate',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signing-key',
      params: {
        kind: 'expired',
      },
    },
  ],
  expect: 'reject',
  tags: ['certificates', 'signature'],
  why: 'The IdP signs with its registered key, but the certificate it signs under (sent in KeyInfo) has expired: the classic "SSO stopped working on Monday" ticket. A strict SP refuses and says which certificate expired; a lax one keeps trusting a certificate the IdP itself should have rotated.',
  refs: [
    'RFC 5280 §4.1.2.5 (Validity)',
    'SAML 2.0 Core §5.4 (SAML and XML Signature)',
    'W3C XML Signature Syntax and Processing (the KeyInfo element)',
  ],
  caughtBy: ['certificate-expiry'],
});
