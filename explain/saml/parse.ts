import type { Document, Element } from '@xmldom/xmldom';
import { parseXml, XmlError } from '../../lib/xml.ts';
import { Unreadable } from '../input/unreadable.ts';

/**
 * Parses a SAML message with the project's safe parser: a DOCTYPE or entity declaration
 * (XXE, entity expansion) is refused before the parser sees the text.
 */
export function parseSamlXml(xml: string, what: string): Document {
  try {
    return parseXml(xml, what);
  } catch (error) {
    if (error instanceof XmlError && error.code === 'XML_DTD_FORBIDDEN') {
      throw new Unreadable(
        'input.dtd',
        `${what} carries a DOCTYPE or ENTITY declaration: SAML messages never need one, and SPs must refuse it (XXE, entity expansion). It was not parsed.`,
        {
          spec: 'SAML 2.0 Bindings §3.5.5.1 / OWASP XXE Prevention; SAML messages must not contain a DTD',
          fix: {
            side: 'idp',
            text: 'The IdP (or something between it and the browser) adds a DTD: find and remove it. An SP that accepted this must turn off DTD processing.',
          },
        },
      );
    }
    throw new Unreadable('input.xml', error instanceof Error ? error.message : String(error));
  }
}

/** "Response _8e1f…", "Assertion _a01b…": an element as reports name it. */
export function label(element: Element): string {
  const id = element.getAttribute('ID');
  return id ? `${element.localName} ${shortId(id)}` : (element.localName ?? 'element');
}

export function shortId(id: string): string {
  return id.length > 14 ? `${id.slice(0, 12)}…` : id;
}

/** Every element with the given local name and namespace, in document order. */
export function elementsNS(root: Document | Element, namespace: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(namespace, localName)) as Element[];
}

/** Direct children with the given local name and namespace. */
export function childrenNS(parent: Element, namespace: string, localName: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (
      node.nodeType === 1 &&
      (node as Element).localName === localName &&
      (node as Element).namespaceURI === namespace
    )
      out.push(node as Element);
  }
  return out;
}

export function childNS(
  parent: Element | undefined,
  namespace: string,
  localName: string,
): Element | undefined {
  return parent ? childrenNS(parent, namespace, localName)[0] : undefined;
}

/** Whether `inner` is `outer` or lies inside it. */
export function within(inner: Element, outer: Element): boolean {
  for (let node: Element | null = inner; node; node = node.parentNode as Element | null) {
    if (node === outer) return true;
  }
  return false;
}
