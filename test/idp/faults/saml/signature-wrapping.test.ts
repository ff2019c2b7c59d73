import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import signatureWrapping from '../../../../idp/faults/saml/post-sign/signature-wrapping.ts';
import {
  bobModel,
  elementChildren,
  nameIdOf,
  parse,
  signedXml,
  stageContext,
  verifiedReferences,
} from './signed-response.ts';

const ALICE = 'alice@example.com';
const wrap = (xml: string, variant: number) =>
  signatureWrapping.apply(
    xml,
    signatureWrapping.params.parse({ variant, identity: ALICE }),
    stageContext(),
  ) as string;

/** The document after wrapping, with the pieces each structure is described by. */
function wrapped(variant: number, parts: 'assertion' | 'response') {
  const xml = wrap(signedXml(bobModel(), parts), variant);
  const doc = parse(xml);
  const root = doc.documentElement as Element;
  const all = Array.from(doc.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'Assertion'));
  const ids = Array.from(doc.getElementsByTagName('*'))
    .map((e) => e.getAttribute('ID'))
    .filter(Boolean);
  return { xml, root, rootAssertions: elementChildren(root, 'Assertion'), firstInDocument: all[0]!, ids };
}

describe('saml.signature-wrapping: the eight XSW structures', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'XSW%i keeps a verifying signature over the original and unique IDs',
    (variant) => {
      const { xml, ids } = wrapped(variant, variant <= 2 ? 'response' : 'assertion');
      expect(verifiedReferences(xml)).toEqual([variant <= 2 ? '_response1' : '_assertion1']);
      expect(new Set(ids).size).toBe(ids.length);
    },
  );

  it('XSW1: the signed Response sits in ds:Object of its signature; the outer Response is new and forged', () => {
    const { root, rootAssertions } = wrapped(1, 'response');
    expect(root.getAttribute('ID')).not.toBe('_response1');
    const signature = elementChildren(root, 'Signature')[0]!;
    const original = elementChildren(elementChildren(signature, 'Object')[0]!, 'Response')[0]!;
    expect(original.getAttribute('ID')).toBe('_response1');
    expect(elementChildren(original, 'Signature')).toEqual([]);
    expect(nameIdOf(elementChildren(original, 'Assertion')[0]!)).toBe('bob@example.com');
    expect(rootAssertions.map(nameIdOf)).toEqual([ALICE]);
  });

  it('XSW2: the signed Response sits detached right before the signature', () => {
    const { root, rootAssertions } = wrapped(2, 'response');
    const children = elementChildren(root);
    const signatureAt = children.findIndex((e) => e.localName === 'Signature');
    expect(children[signatureAt - 1]!.localName).toBe('Response');
    expect(children[signatureAt - 1]!.getAttribute('ID')).toBe('_response1');
    expect(rootAssertions.map(nameIdOf)).toEqual([ALICE]);
  });

  it('XSW3: a forged assertion comes before the signed one', () => {
    const { rootAssertions } = wrapped(3, 'assertion');
    expect(rootAssertions.map(nameIdOf)).toEqual([ALICE, 'bob@example.com']);
    expect(rootAssertions[1]!.getAttribute('ID')).toBe('_assertion1');
    expect(elementChildren(rootAssertions[0]!, 'Signature')).toEqual([]);
  });

  it('XSW4: the forged assertion wraps the signed one', () => {
    const { rootAssertions } = wrapped(4, 'assertion');
    expect(rootAssertions).toHaveLength(1);
    const inner = elementChildren(rootAssertions[0]!, 'Assertion')[0]!;
    expect(inner.getAttribute('ID')).toBe('_assertion1');
    expect(elementChildren(rootAssertions[0]!, 'Subject')[0]!.textContent).toContain(ALICE);
  });

  it('XSW5: the forged assertion keeps the signature; the original copy ends the Response', () => {
    const { root, rootAssertions } = wrapped(5, 'assertion');
    expect(rootAssertions.map(nameIdOf)).toEqual([ALICE, 'bob@example.com']);
    expect(elementChildren(rootAssertions[0]!, 'Signature')).toHaveLength(1);
    const last = elementChildren(root).at(-1)!;
    expect(last.getAttribute('ID')).toBe('_assertion1');
    expect(elementChildren(last, 'Signature')).toEqual([]);
  });

  it("XSW6: the original copy sits inside the forged assertion's signature", () => {
    const { rootAssertions } = wrapped(6, 'assertion');
    expect(rootAssertions.map(nameIdOf)).toEqual([ALICE]);
    const signature = elementChildren(rootAssertions[0]!, 'Signature')[0]!;
    expect(elementChildren(signature, 'Assertion')[0]!.getAttribute('ID')).toBe('_assertion1');
  });

  it('XSW7: the forged assertion hides in samlp:Extensions before the Status; the signed one stays', () => {
    const { root, rootAssertions, firstInDocument } = wrapped(7, 'assertion');
    const names = elementChildren(root).map((e) => e.localName);
    expect(names.indexOf('Extensions')).toBe(names.indexOf('Status') - 1);
    expect(rootAssertions.map((a) => a.getAttribute('ID'))).toEqual(['_assertion1']);
    expect(nameIdOf(firstInDocument)).toBe(ALICE);
  });

  it("XSW8: the original copy sits in a ds:Object of the forged assertion's signature", () => {
    const { rootAssertions } = wrapped(8, 'assertion');
    const signature = elementChildren(rootAssertions[0]!, 'Signature')[0]!;
    const object = elementChildren(signature, 'Object')[0]!;
    expect(elementChildren(object, 'Assertion')[0]!.getAttribute('ID')).toBe('_assertion1');
    expect(nameIdOf(rootAssertions[0]!)).toBe(ALICE);
  });

  it('says what to sign when the structure needs a signature the response lacks', () => {
    expect(() => wrap(signedXml(bobModel(), 'assertion'), 1)).toThrow(
      /needs a signed Response.*saml.signed-parts/,
    );
    expect(() => wrap(signedXml(bobModel(), 'response'), 3)).toThrow(
      /needs a signed Assertion.*saml.signed-parts/,
    );
  });
});
