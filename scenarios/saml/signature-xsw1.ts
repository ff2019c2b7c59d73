import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.xsw1',
  title: 'Signature wrapping XSW1: forged assertion for alice',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signature-wrapping',
      params: {
        variant: 1,
        identity: '{{victim.email}}',
      },
    },
  ],
  expect: {
    notAs: 'victim',
  },
  tags: ['signature', 'xsw', 'security'],
  why: 'Bob\'s signed Response is moved into its own signature\'s ds:Object, and a new outer Response carries a forged assertion for alice. The signature still verifies (its reference finds the moved copy), so an SP that checks "a signature verifies" and then reads the outer Response logs bob in as alice. A correct SP reads only what the signature covers.',
  refs: [
    'Somorovsky et al., "On Breaking SAML: Be Whoever You Want to Be", USENIX Security 2012 (XSW1)',
    'SAML 2.0 Core §5.4.2 (References)',
    'W3C XML Signature Best Practices (Working Group Note, 2013): use only what was signed',
    'CWE-347',
  ],
  caughtBy: ['response-wrapping'],
});
