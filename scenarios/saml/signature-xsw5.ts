import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.xsw5',
  title: 'Signature wrapping XSW5: forged assertion for alice',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signature-wrapping',
      params: {
        variant: 5,
        identity: '{{victim.email}}',
      },
    },
  ],
  expect: {
    notAs: 'victim',
  },
  tags: ['signature', 'xsw', 'security'],
  why: 'The signed assertion itself is rewritten for alice (new ID) and keeps its signature, whose reference now finds an unsigned copy of the original appended to the end of the Response. An SP that reads the assertion holding the signature is fooled.',
  refs: [
    'Somorovsky et al., "On Breaking SAML: Be Whoever You Want to Be", USENIX Security 2012 (XSW5)',
    'SAML 2.0 Core §5.4.2 (References)',
    'W3C XML Signature Best Practices (Working Group Note, 2013): use only what was signed',
    'CWE-347',
  ],
  caughtBy: ['signature-wrapping'],
});
