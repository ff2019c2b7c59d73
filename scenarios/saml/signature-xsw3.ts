import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.xsw3',
  title: 'Signature wrapping XSW3: forged assertion for alice',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signature-wrapping',
      params: {
        variant: 3,
        identity: '{{victim.email}}',
      },
    },
  ],
  expect: {
    notAs: 'victim',
  },
  tags: ['signature', 'xsw', 'security'],
  why: "A forged, unsigned assertion for alice is inserted before bob's signed one. An SP that verifies the signed assertion but then reads the first assertion in the document logs bob in as alice.",
  refs: [
    'Somorovsky et al., "On Breaking SAML: Be Whoever You Want to Be", USENIX Security 2012 (XSW3)',
    'SAML 2.0 Core §5.4.2 (References)',
    'W3C XML Signature Best Practices (Working Group Note, 2013): use only what was signed',
    'CWE-347',
  ],
  caughtBy: ['signature-wrapping'],
});
