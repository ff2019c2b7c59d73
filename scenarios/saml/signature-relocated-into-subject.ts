import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.relocated-into-subject',
  title: "The Assertion's signature moved inside its Subject",
  protocol: 'saml',
  faults: [
    { fault: 'saml.signed-parts', params: { targets: 'assertion' } },
    {
      fault: 'saml.xml-edit',
      params: {
        select: '/samlp:Response/saml:Assertion/ds:Signature',
        action: 'move',
        to: '/samlp:Response/saml:Assertion/saml:Subject/saml:NameID',
        position: 'after',
      },
    },
  ],
  expect: 'reject',
  tags: ['signature', 'xml', 'security'],
  why: "After signing, the Assertion's ds:Signature is moved from its place (the Assertion's child after Issuer) into the Subject, after the NameID. The enveloped-signature transform removes the signature wherever it sits inside the signed element, so the digest still matches, but the document the SP reads is no longer the one that was signed: the Subject now holds an element the IdP never wrote there, and nothing checks what else rides along inside that signature. A correct SP verifies only the signature that is the signed element's own child and reads only the bytes it verified (node-saml 5.1.0 does); node-saml 5.0.1 verified a signature found anywhere inside the Assertion and read the received document (CVE-2025-54419).",
  refs: [
    'CVE-2025-54419 / GHSA-4mxg-3p6v-xgq3 (@node-saml/node-saml < 5.1.0: assertion read from the unsigned document)',
    'SAML 2.0 Core §5.4.1 (enveloped signatures) and the saml:Assertion schema (ds:Signature after Issuer)',
    'W3C XML Signature Best Practices (Working Group Note, 2013): use only what was signed',
    'CWE-347',
  ],
  caughtBy: ['signature-placement'],
});
