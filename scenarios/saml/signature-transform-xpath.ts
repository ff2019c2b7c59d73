import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.transform-xpath',
  title: 'Signature Reference with an XPath filter Transform',
  protocol: 'saml',
  faults: [
    { fault: 'saml.signed-parts', params: { targets: 'assertion' } },
    { fault: 'saml.signature-transform', params: { transform: 'xpath-filter' } },
  ],
  expect: 'reject',
  tags: ['signature', 'xml', 'security'],
  why: "The assertion's signature is valid, but its Reference applies an XPath 1.0 filter (here one keeping all but signatures) besides the enveloped-signature and exclusive c14n transforms. SAML's profile of XML Signature allows only those two, because other transforms let the signer's content and the verifier's differ (and XSLT runs code in the verifier). A correct SP refuses the signature; one that skips transforms it does not know, or runs them, accepts.",
  refs: [
    'SAML 2.0 Core §5.4.4 (Transforms: enveloped signature and exclusive c14n only)',
    'W3C XML Signature Best Practices (Working Group Note, 2013): avoid XSLT and XPath transforms',
    'CWE-347',
  ],
  caughtBy: ['unknown-transforms'],
});
