import type { Document, Element } from '@xmldom/xmldom';
import { childElements, descendants, parseXml, serializeXml } from '../../../lib/xml.ts';
import { ns } from '../../saml/constants.ts';
import { samlId } from '../../saml/xml-writer.ts';
import { isEmailAttribute } from './edit-model.ts';

/**
 * Helpers for post-sign faults, which change the signed XML text: parse it, edit the
 * DOM, write it back. The input string is never changed (strings cannot be), and each
 * call parses its own document.
 */

/** Parses the signed response, lets `edit` change it, and returns the new XML text. */
export function editSignedXml(xml: string, edit: (doc: Document, response: Element) => void): string {
  const doc = parseXml(xml, 'the signed response');
  edit(doc, doc.documentElement as Element);
  return serializeXml(doc);
}

/** The saml:Assertion children of a Response. */
export function assertionsOf(response: Element): Element[] {
  return childElements(response, 'Assertion').filter((e) => e.namespaceURI === ns.assertion);
}

/** The enveloped ds:Signature of an element (a direct child), if it has one. */
export function signatureOf(element: Element): Element | undefined {
  return childElements(element, 'Signature').find((e) => e.namespaceURI === ns.dsig);
}

/** The first assertion that carries its own signature, or a clear error naming the fault. */
export function signedAssertion(response: Element, fault: string): Element {
  const found = assertionsOf(response).find((a) => signatureOf(a) !== undefined);
  if (!found) {
    throw new Error(
      `${fault} needs a signed Assertion, and this response has none (add saml.signed-parts with targets "assertion" or "both")`,
    );
  }
  return found;
}

/** The Response's own signature, or a clear error naming the fault. */
export function responseSignature(response: Element, fault: string): Element {
  const found = signatureOf(response);
  if (!found) {
    throw new Error(
      `${fault} needs a signed Response, and this one is not (add saml.signed-parts with targets "response" or "both")`,
    );
  }
  return found;
}

/** A deep copy of an element without its own enveloped signature. */
export function unsignedCopy(element: Element): Element {
  const copy = element.cloneNode(true) as Element;
  const signature = signatureOf(copy);
  if (signature) copy.removeChild(signature);
  return copy;
}

/** A fresh SAML ID (an NCName, 160 random bits). */
export function newId(): string {
  return samlId();
}

/** Replaces an element's content with one text node. */
export function setText(element: Element, value: string): void {
  while (element.firstChild) element.removeChild(element.firstChild);
  element.appendChild(element.ownerDocument!.createTextNode(value));
}

/**
 * Makes an assertion name another identity: its NameID and the values of its email
 * attributes. Returns the same element, changed.
 */
export function forgeIdentity(assertion: Element, identity: string): Element {
  for (const nameId of descendants(assertion, 'NameID').filter((e) => e.namespaceURI === ns.assertion)) {
    setText(nameId, identity);
  }
  for (const attribute of descendants(assertion, 'Attribute')) {
    if (attribute.namespaceURI !== ns.assertion || !isEmailAttribute(attribute.getAttribute('Name') ?? ''))
      continue;
    for (const value of childElements(attribute, 'AttributeValue')) setText(value, identity);
  }
  return assertion;
}

/** An unsigned copy of a legitimate assertion that names `identity`, under a new ID. */
export function forgedAssertion(original: Element, identity: string): Element {
  const evil = forgeIdentity(unsignedCopy(original), identity);
  evil.setAttribute('ID', newId());
  return evil;
}
