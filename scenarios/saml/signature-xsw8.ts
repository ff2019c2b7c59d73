import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.xsw8',
  title: 'Signature wrapping XSW8: forged assertion for alice',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signature-wrapping',
      params: {
        variant: 8,
        identity: '{{victim.email}}',
      },
    },
  ],
  expect: {
    notAs: 'victim',
  },
  tags: ['signature', 'xsw', 'security'],
  why: 'As XSW6, but the original copy sits in a ds:Object of the kept signature, a place schemas allow any content. The forged assertion around the signature names alice.',
  refs: [
    'Somorovsky et al., "On Breaking SAML: Be Whoever You Want to Be", USENIX Security 2012 (XSW8)',
    'SAML 2.0 Core §5.4.2 (References)',
    'W3C XML Signature Best Practices (Working Group Note, 2013): use only what was signed',
    'CWE-347',
  ],
  caughtBy: ['signature-wrapping'],
});
