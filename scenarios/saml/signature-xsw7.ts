import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.xsw7',
  title: 'Signature wrapping XSW7: forged assertion for alice',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signature-wrapping',
      params: {
        variant: 7,
        identity: '{{victim.email}}',
      },
    },
  ],
  expect: {
    notAs: 'victim',
  },
  tags: ['signature', 'xsw', 'security'],
  why: 'A forged assertion for alice hides in a samlp:Extensions element (whose content schemas do not check) before bob\'s signed assertion. An SP that looks for "an Assertion" anywhere in the document finds the forgery first.',
  refs: [
    'Somorovsky et al., "On Breaking SAML: Be Whoever You Want to Be", USENIX Security 2012 (XSW7)',
    'SAML 2.0 Core §5.4.2 (References)',
    'W3C XML Signature Best Practices (Working Group Note, 2013): use only what was signed',
    'CWE-347',
  ],
  caughtBy: ['signature-wrapping'],
});
