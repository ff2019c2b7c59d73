import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.xsw4',
  title: 'Signature wrapping XSW4: forged assertion for alice',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signature-wrapping',
      params: {
        variant: 4,
        identity: '{{victim.email}}',
      },
    },
  ],
  expect: {
    notAs: 'victim',
  },
  tags: ['signature', 'xsw', 'security'],
  why: "A forged assertion for alice takes the place of bob's signed assertion and wraps it as a child, so the signature still verifies inside the forgery. An SP must read the element the signature references, not its container.",
  refs: [
    'Somorovsky et al., "On Breaking SAML: Be Whoever You Want to Be", USENIX Security 2012 (XSW4)',
    'SAML 2.0 Core §5.4.2 (References)',
    'W3C XML Signature Best Practices (Working Group Note, 2013): use only what was signed',
    'CWE-347',
  ],
  caughtBy: ['signature-wrapping'],
});
