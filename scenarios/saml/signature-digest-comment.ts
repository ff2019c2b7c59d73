import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.digest-comment',
  title: 'Identity changed after signing, new digest hidden in a comment inside DigestValue',
  protocol: 'saml',
  faults: [
    { fault: 'saml.tamper', params: { identity: '{{victim.email}}' } },
    { fault: 'saml.digest-comment' },
  ],
  expect: { notAs: 'victim' },
  tags: ['signature', 'xml', 'security'],
  why: "Bob's signed response is changed to name alice, and each DigestValue gets the digest of the changed content as a comment in front of the real one: <DigestValue><!--new-->old</DigestValue>. Canonicalization drops the comment, so SignedInfo and its signature still verify, and the real digest no longer matches. A verifier that reads DigestValue's first child node (xml-crypto before 6.0.1, CVE-2025-29775) compares against the comment and logs bob in as alice; a correct one reads the element's text and refuses.",
  refs: [
    'CVE-2025-29775 (xml-crypto < 6.0.1: DigestValue read from its first child node, which may be a comment)',
    'W3C XML Signature 1.1 §4.4.3.3 (DigestValue is base64 text)',
    'CWE-347',
  ],
  caughtBy: ['digest-comment'],
});
