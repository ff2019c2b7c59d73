import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.encryption.rsa-oaep-sha256',
  title: 'Encrypted assertion: xmlenc11 RSA-OAEP with SHA-256 and MGF1-SHA-256',
  protocol: 'saml',
  requires: {
    tag: 'encrypted',
  },
  faults: [
    {
      fault: 'saml.encryption-algorithms',
      params: {
        keyTransport: 'rsa-oaep-sha256',
      },
    },
  ],
  expect: 'accept',
  tags: ['encryption', 'tolerance'],
  why: "The content key is wrapped with http://www.w3.org/2009/xmlenc11#rsa-oaep, SHA-256 digest and MGF1 with SHA-256: RSA-OAEP without SHA-1, which IdPs moving off SHA-1 send. XML Encryption 1.1 lists it (OPTIONAL to implement), xmlsec1 (python3-saml, pysaml2), Shibboleth and xml-encryption 4+ decrypt it; node-saml 5.1's bundled xml-encryption 3 does not. A correct SP accepts it.",
  refs: ['W3C XML Encryption 1.1 §5.5.2 (RSA-OAEP, MGF and DigestMethod), §5.1.1'],
  caughtBy: ['strict-xmlenc-1.0'],
});
