import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.xsw6',
  title: 'Signature wrapping XSW6: forged assertion for alice',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signature-wrapping',
      params: {
        variant: 6,
        identity: '{{victim.email}}',
      },
    },
  ],
  expect: {
    notAs: 'victim',
  },
  tags: ['signature', 'xsw', 'security'],
  why: 'As XSW5, but the copy of the original assertion that the reference finds is placed inside the signature element of the forged assertion.',
  refs: [
    'Somorovsky et al., "On Breaking SAML: Be Whoever You Want to Be", USENIX Security 2012 (XSW6)',
    'SAML 2.0 Core §5.4.2 (References)',
    'W3C XML Signature Best Practices (Working Group Note, 2013): use only what was signed',
    'CWE-347',
  ],
  caughtBy: ['signature-wrapping'],
});
