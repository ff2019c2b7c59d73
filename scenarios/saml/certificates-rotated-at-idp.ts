import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.certificates.rotated-at-idp',
  title: 'IdP rotated its signing key; the SP still has the old certificate',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signing-key',
      params: {
        kind: 'next',
      },
    },
  ],
  expect: 'reject',
  tags: ['certificates', 'signature'],
  why: 'The IdP signs with its next key before the SP registered the new certificate (metadata not refreshed, certificate pasted by hand). Logins fail until the SP is updated; an SP that "fixes" this by trusting whatever certificate the response carries accepts anyone\'s signature.',
  refs: [
    'SAML 2.0 Core §5.4',
    'SAML 2.0 Metadata §2.4.1.1 (KeyDescriptor)',
    'W3C XML Signature Best Practices (Working Group Note, 2013): trust in the verification key',
  ],
  caughtBy: ['keyinfo-trust'],
});
