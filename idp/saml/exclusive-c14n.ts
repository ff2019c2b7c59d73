import type { Attr, Element, Node } from '@xmldom/xmldom';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * Exclusive XML Canonicalization 1.0 without comments (W3C xml-exc-c14n, no
 * InclusiveNamespaces) of one element and its subtree, as a signature over it sees it:
 * only visibly utilized namespaces, declared where first used; attributes sorted by
 * namespace URI then local name; the spec's escaping; comments left out, processing
 * instructions kept. `omit` is left out with its subtree (an enveloped Signature).
 */
export function exclusiveCanonical(element: Element, omit?: Node): string {
  const out: string[] = [];
  writeElement(element, new Map([['', '']]), out, omit);
  return out.join('');
}

function writeElement(
  element: Element,
  rendered: ReadonlyMap<string, string>,
  out: string[],
  omit?: Node,
): void {
  const qname = element.tagName;
  out.push('<', qname);

  // Namespaces this element visibly uses: its own prefix and its attributes' prefixes.
  const used = new Map<string, string>();
  used.set(element.prefix ?? '', element.namespaceURI ?? '');
  const attributes: Attr[] = [];
  for (let i = 0; i < element.attributes.length; i++) {
    const attr = element.attributes.item(i)!;
    if (attr.namespaceURI === XMLNS_NS || attr.name === 'xmlns' || attr.name.startsWith('xmlns:')) continue;
    attributes.push(attr);
    if (attr.prefix && attr.namespaceURI !== XML_NS) used.set(attr.prefix, attr.namespaceURI ?? '');
  }
  let context = rendered;
  const declarations = [...used]
    .filter(
      ([prefix, uri]) => rendered.get(prefix) !== uri && !(prefix === '' && uri === '' && !rendered.has('')),
    )
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (declarations.length) {
    const next = new Map(rendered);
    for (const [prefix, uri] of declarations) {
      out.push(prefix ? ` xmlns:${prefix}="${escapeAttribute(uri)}"` : ` xmlns="${escapeAttribute(uri)}"`);
      next.set(prefix, uri);
    }
    context = next;
  }
  attributes.sort(compareAttributes);
  for (const attr of attributes) out.push(' ', attr.name, '="', escapeAttribute(attr.value), '"');
  out.push('>');
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child === omit) continue;
    switch (child.nodeType) {
      case 1:
        writeElement(child as Element, context, out, omit);
        break;
      case 3:
      case 4:
        out.push(escapeText(child.nodeValue ?? ''));
        break;
      case 7: {
        const data = child.nodeValue ?? '';
        out.push('<?', (child as unknown as { target: string }).target, data ? ` ${data}` : '', '?>');
        break;
      }
      default:
        // Comments are not part of the canonical form (the "without comments" variant).
        break;
    }
  }
  out.push('</', qname, '>');
}

function compareAttributes(a: Attr, b: Attr): number {
  const nsA = a.namespaceURI ?? '';
  const nsB = b.namespaceURI ?? '';
  if (nsA !== nsB) return nsA < nsB ? -1 : 1;
  const localA = a.localName ?? a.name;
  const localB = b.localName ?? b.name;
  return localA < localB ? -1 : localA > localB ? 1 : 0;
}

function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' })[c]!);
}

function escapeAttribute(text: string): string {
  return text.replace(
    /[&<"\t\n\r]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' })[c]!,
  );
}
