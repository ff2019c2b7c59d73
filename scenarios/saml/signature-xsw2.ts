import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.xsw2',
  title: 'Signature wrapping XSW2: forged assertion for alice',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signature-wrapping',
      params: {
        variant: 2,
        identity: '{{victim.email}}',
      },
    },
  ],
  expect: {
    notAs: 'victim',
  },
  tags: ['signature', 'xsw', 'security'],
  why: 'As XSW1, but the signed Response sits detached next to the signature instead of inside it. The signature verifies; the outer Response, which nothing signs, carries a forged assertion for alice.',
  refs: [
    'Somorovsky et al., "On Breaking SAML: Be Whoever You Want to Be", USENIX Security 2012 (XSW2)',
    'SAML 2.0 Core §5.4.2 (References)',
    'W3C XML Signature Best Practices (Working Group Note, 2013): use only what was signed',
    'CWE-347',
  ],
  caughtBy: ['response-wrapping'],
});
