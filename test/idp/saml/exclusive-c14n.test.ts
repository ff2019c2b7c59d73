import { generateKeyPairSync } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { ExclusiveCanonicalization, SignedXml } from 'xml-crypto';
import { exclusiveCanonical } from '../../../idp/saml/exclusive-c14n.ts';
import { signElements } from '../../../idp/saml/sign-xml.ts';
import { parseXml } from '../../../lib/xml.ts';

/** xml-crypto is an independent implementation to compare with (where it follows the spec). */
const theirs = (xml: string, id?: string) => {
  const doc = parseXml(xml);
  const element = id ? findId(doc.documentElement!, id)! : doc.documentElement!;
  return new ExclusiveCanonicalization().process(element as never, {}).toString();
};
const ours = (xml: string, id?: string) => {
  const doc = parseXml(xml);
  return exclusiveCanonical(id ? findId(doc.documentElement!, id)! : doc.documentElement!);
};

function findId(root: Element, id: string): Element | undefined {
  if (root.getAttribute('ID') === id) return root;
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) {
      const found = findId(child as Element, id);
      if (found) return found;
    }
  }
  return undefined;
}

const samples = [
  '<a:r xmlns:a="urn:a" xmlns:b="urn:b" xmlns:unused="urn:u" z="1" a:y="2" b:x="3"><a:n>alice<!--c-->@x</a:n><b:q>t&amp;&lt;&gt;"\'</b:q><a:e/></a:r>',
  '<r xmlns="urn:default"><c attr="v&#10;&#9;&quot;&lt;"/><e/></r>',
  '<p:Response xmlns:p="urn:p" xmlns:s="urn:s" ID="r1"><s:Assertion ID="a1"><s:Attr xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string">v</s:Attr></s:Assertion></p:Response>',
];

describe('exclusive c14n', () => {
  it.each(samples)('agrees with xml-crypto on %s', (xml) => {
    expect(ours(xml)).toBe(theirs(xml));
  });

  it('canonicalizes an inner element with the namespaces it uses from above', () => {
    const xml = samples[2]!;
    expect(ours(xml, 'a1')).toBe(theirs(xml, 'a1'));
    expect(ours(xml, 'a1')).toMatch(/^<s:Assertion xmlns:s="urn:s" ID="a1">/);
  });

  it('undeclares the default namespace once, where it changes (xml-crypto repeats it)', () => {
    expect(ours('<r xmlns="urn:d"><c xmlns=""><d/></c></r>')).toBe(
      '<r xmlns="urn:d"><c xmlns=""><d></d></c></r>',
    );
  });

  it('keeps processing instructions, as the spec says (xml-crypto renders them as text)', () => {
    expect(ours('<a>x<?pi data?>y</a>')).toBe('<a>x<?pi data?>y</a>');
  });
});

describe('signElements', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const xml =
    '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">idp</saml:Issuer>' +
    '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a"><saml:Issuer>idp</saml:Issuer><saml:Subject><saml:NameID>alice@example.com</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>';

  it.each(['rsa-sha256', 'rsa-sha1', 'rsa-sha512'] as const)(
    'makes %s signatures that xml-crypto verifies, both nested',
    (alg) => {
      const signed = signElements(
        xml,
        [
          { localName: 'Assertion', id: '_a' },
          { localName: 'Response', id: '_r' },
        ],
        {
          privateKey,
          keyInfoCertificate: undefined,
          signatureAlgorithm: alg,
          digestAlgorithm: alg === 'rsa-sha1' ? 'sha1' : 'sha256',
        },
      );
      const doc = parseXml(signed);
      const signatures = Array.from(
        doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature'),
      );
      expect(signatures).toHaveLength(2);
      for (const signature of signatures) {
        const verifier = new SignedXml({
          publicCert: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        });
        verifier.loadSignature(signature as never);
        expect(verifier.checkSignature(signed)).toBe(true);
      }
      // Placed right after each Issuer, as the SAML schema wants.
      expect(signed).toMatch(/<\/saml:Issuer><ds:Signature[^>]*>.*<\/ds:Signature><saml:Assertion/);
    },
  );
});
