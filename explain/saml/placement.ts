import type { Element } from '@xmldom/xmldom';
import { xmlEditPrefixes } from '../../idp/faults/saml/xml-edit.ts';
import { within } from './parse.ts';
import type { SignatureInfo } from './signatures.ts';

/**
 * A signature that sits inside the element it references, but not as that element's
 * direct child (moved into the Subject, the Conditions, an attribute, ...). The
 * enveloped-signature transform removes it wherever it sits, so it still verifies.
 */
export function isRelocated(info: SignatureInfo): boolean {
  const { referenced, parent } = info;
  return referenced !== undefined && referenced !== parent && within(parent, referenced);
}

const prefixOf = new Map(Object.entries(xmlEditPrefixes).map(([prefix, uri]) => [uri, prefix]));

/**
 * The XPath of an element from the document root, with the prefixes `saml.xml-edit`
 * binds (samlp, saml, ds, xenc, ...), a position where siblings share the name, and
 * `*[local-name()=...]` for other namespaces: the path the fault can select again.
 */
export function xpathOf(element: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = element; node && node.nodeType === 1; node = node.parentNode as Element) {
    const prefix = prefixOf.get(node.namespaceURI ?? '');
    const name = prefix ? `${prefix}:${node.localName}` : `*[local-name()='${node.localName}']`;
    const parent = node.parentNode as Element | null;
    const same =
      parent && parent.nodeType === 1
        ? Array.from(parent.childNodes).filter(
            (n) =>
              n.nodeType === 1 &&
              (n as Element).localName === node!.localName &&
              (n as Element).namespaceURI === node!.namespaceURI,
          )
        : [node];
    steps.unshift(same.length > 1 ? `${name}[${same.indexOf(node) + 1}]` : name);
  }
  return `/${steps.join('/')}`;
}

/**
 * Where a signature sits, as `saml.xml-edit` places an element: `after <xpath>` of its
 * previous sibling element, or `first in <xpath>` of its parent.
 */
export function placeOf(signature: Element): string {
  let previous = signature.previousSibling;
  while (previous && previous.nodeType !== 1) previous = previous.previousSibling;
  return previous
    ? `after ${xpathOf(previous as Element)}`
    : `first in ${xpathOf(signature.parentNode as Element)}`;
}

/** The place `placeOf` wrote, as the `to` and `position` of a `saml.xml-edit` move; undefined when unreadable. */
export function readPlace(place: string): { to: string; position: 'after' | 'inside-first' } | undefined {
  const match = /^(after|first in) (\/.+)$/.exec(place);
  if (!match) return undefined;
  return { to: match[2]!, position: match[1] === 'after' ? 'after' : 'inside-first' };
}
