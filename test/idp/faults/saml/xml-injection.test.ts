import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import nameIdProcessingInstruction from '../../../../idp/faults/saml/model/nameid-processing-instruction.ts';
import commentInjection from '../../../../idp/faults/saml/post-sign/comment-injection.ts';
import doctype from '../../../../idp/faults/saml/post-sign/doctype.ts';
import extraAssertion from '../../../../idp/faults/saml/post-sign/extra-assertion.ts';
import tamper from '../../../../idp/faults/saml/post-sign/tamper.ts';
import type { ResponseModel } from '../../../../idp/saml/response/stages.ts';
import {
  bobModel,
  elementChildren,
  nameIdOf,
  parse,
  signedXml,
  specVerifiedReferences,
  stageContext,
  verifiedReferences,
} from './signed-response.ts';

const ctx = stageContext();
const withNameId = (value: string): ResponseModel => {
  const model = bobModel();
  model.assertions[0]!.subject.nameId!.value = value;
  return model;
};
const nameIdNode = (xml: string) =>
  parse(xml).getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'NameID')[0]!;

describe('comment and processing-instruction injection (CVE-2017-11427 family)', () => {
  it('a comment added after signing splits the NameID and leaves both signatures valid', () => {
    const signed = signedXml(withNameId('alice@example.com.evil.example'), 'both');
    const out = commentInjection.apply(signed, commentInjection.params.parse({}), ctx) as string;
    expect(verifiedReferences(out).sort()).toEqual(['_assertion1', '_response1']);
    const nameId = nameIdNode(out);
    expect(nameId.firstChild!.nodeValue).toBe('alice@example.com');
    expect(nameId.textContent).toBe('alice@example.com.evil.example');
    expect(out).toContain('alice@example.com<!---->.evil.example');
  });

  it('refuses when no signed value starts with the victim, and says how to set one up', () => {
    const signed = signedXml(bobModel(), 'both');
    expect(() => commentInjection.apply(signed, commentInjection.params.parse({}), ctx)).toThrow(
      /saml\.nameid/,
    );
  });

  it('a processing instruction placed before signing is covered by the signature (canonicalized per spec)', async () => {
    const model = await nameIdProcessingInstruction.apply(
      bobModel(),
      nameIdProcessingInstruction.params.parse({}),
      ctx,
    );
    const signed = signedXml(model, 'both');
    expect(specVerifiedReferences(signed).sort()).toEqual(['_assertion1', '_response1']);
    // xml-crypto writes a PI as its data text, so SPs built on it see a bad signature.
    expect(verifiedReferences(signed)).toEqual([]);
    const nameId = nameIdNode(signed);
    expect(nameId.firstChild!.nodeValue).toBe('alice@example.com');
    expect(nameId.childNodes[1]!.nodeType).toBe(7);
    expect(nameId.textContent).toBe('alice@example.com.evil.example');
  });
});

describe('other post-sign faults', () => {
  it('saml.tamper changes the identity and the signatures stop verifying', () => {
    const out = tamper.apply(signedXml(bobModel(), 'both'), tamper.params.parse({}), ctx) as string;
    expect(verifiedReferences(out)).toEqual([]);
    expect(nameIdOf(elementChildren(parse(out).documentElement as Element, 'Assertion')[0]!)).toBe(
      'alice@example.com',
    );
    expect(out).not.toContain('bob@example.com');
  });

  it('saml.extra-assertion adds one unsigned assertion for the identity, before or after the signed one', () => {
    const signed = signedXml(bobModel(), 'assertion');
    for (const [position, expected] of [
      ['before', ['alice@example.com', 'bob@example.com']],
      ['after', ['bob@example.com', 'alice@example.com']],
    ] as const) {
      const out = extraAssertion.apply(signed, extraAssertion.params.parse({ position }), ctx) as string;
      const assertions = elementChildren(parse(out).documentElement as Element, 'Assertion');
      expect(assertions.map(nameIdOf)).toEqual(expected);
      expect(verifiedReferences(out)).toEqual(['_assertion1']);
      expect(assertions.filter((a) => elementChildren(a, 'Signature').length > 0)).toHaveLength(1);
    }
  });

  it('saml.doctype declares an entity in front of the response and leaves the signatures valid', () => {
    const out = doctype.apply(signedXml(bobModel(), 'both'), doctype.params.parse({}), ctx) as string;
    expect(out).toMatch(
      /^<\?xml[^>]*\?>\n<!DOCTYPE samlp:Response \[<!ENTITY xxe SYSTEM "file:\/\/\/etc\/hostname">\]>\n<samlp:Response /,
    );
    expect(verifiedReferences(out).sort()).toEqual(['_assertion1', '_response1']);
  });
});
