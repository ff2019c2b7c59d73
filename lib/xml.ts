import { createRequire } from 'node:module';
import type * as Xmldom from '@xmldom/xmldom';
import type { Document, Element, Node } from '@xmldom/xmldom';
import { HarnessError } from './errors.ts';

const require = createRequire(import.meta.url);
let xmldomModule: typeof Xmldom | undefined;

/** xmldom, loaded on first parse: serving metadata and discovery needs no XML parser. */
function xmldom(): typeof Xmldom {
  xmldomModule ??= require('@xmldom/xmldom') as typeof Xmldom;
  return xmldomModule;
}

/**
 * The one way this project parses XML that came from outside (SAML messages, SP
 * metadata, uploaded responses). Nothing here resolves entities or reads a DTD: a
 * DOCTYPE or ENTITY declaration is refused before the parser sees the text (XXE,
 * billion laughs), and every parser warning or error is an exception instead of a
 * silently repaired document.
 */
export type XmlErrorCode = 'XML_DTD_FORBIDDEN' | 'XML_MALFORMED' | 'XML_TOO_COMPLEX';

/**
 * How deep and how large a document from outside may be. A SAML message or SP metadata
 * nests about a dozen levels and holds hundreds of elements; xmldom's cost grows with
 * depth much faster than with size (a 1.5 KB deflated request nested 100,000 deep held
 * the event loop for seconds), so both are checked by a linear scan before parsing.
 */
export const xmlLimits = {
  /** Deepest element nesting accepted. */
  maxDepth: 64,
  /** Most elements accepted in one document. */
  maxElements: 20_000,
};

export class XmlError extends HarnessError<XmlErrorCode> {
  constructor(code: XmlErrorCode, message: string, cause?: unknown) {
    super(code, message, { status: 400, cause });
  }
}

const DTD_PATTERN = /<!\s*(DOCTYPE|ENTITY)\b/i;

/** Whether the text declares a DOCTYPE or an entity anywhere (also inside comments: refuse early). */
export function hasDtd(text: string): boolean {
  return DTD_PATTERN.test(text);
}

/**
 * Parses XML text into a DOM, or throws `XmlError`.
 *
 * @example
 * const doc = parseXml(xmlText, 'the AuthnRequest');
 * doc.documentElement.localName; // 'AuthnRequest'
 */
export function parseXml(text: string, what = 'the XML document'): Document {
  const dtd = DTD_PATTERN.exec(text);
  if (dtd) {
    throw new XmlError(
      'XML_DTD_FORBIDDEN',
      `${what} contains a <!${dtd[1]!.toUpperCase()}> declaration; DOCTYPE and entity declarations are refused (XXE and entity expansion attacks)`,
    );
  }
  if (!text.trim()) throw new XmlError('XML_MALFORMED', `${what} is empty`);
  checkXmlShape(text, what);
  const parser = new (xmldom().DOMParser)({
    onError: (level: string, message: string) => {
      throw new XmlError('XML_MALFORMED', `${what} is not well-formed XML (${level}: ${message.trim()})`);
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (error) {
    if (error instanceof XmlError) throw error;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new XmlError('XML_MALFORMED', `${what} is not well-formed XML (${message})`, error);
  }
  if (!doc.documentElement) throw new XmlError('XML_MALFORMED', `${what} has no root element`);
  for (let node = doc.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 10) {
      throw new XmlError('XML_DTD_FORBIDDEN', `${what} contains a DOCTYPE declaration`);
    }
  }
  return doc;
}

/**
 * Counts element depth and number in one pass over the text (comments, CDATA, processing
 * instructions and quoted attribute values skipped) and throws `XML_TOO_COMPLEX` past
 * `xmlLimits`. Linear in the text, whatever its shape.
 */
export function checkXmlShape(text: string, what = 'the XML document', limits = xmlLimits): void {
  let depth = 0;
  let elements = 0;
  let i = text.indexOf('<');
  const skipTo = (end: string, from: number) => {
    const at = text.indexOf(end, from);
    return at < 0 ? text.length : at + end.length;
  };
  while (i >= 0 && i < text.length) {
    const next = text[i + 1];
    if (text.startsWith('<!--', i)) i = skipTo('-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) i = skipTo(']]>', i + 9);
    else if (next === '?' || next === '!') i = skipTo('>', i + 2);
    else if (next === '/') {
      depth--;
      i = skipTo('>', i + 2);
    } else {
      let j = i + 1;
      let quote = '';
      for (; j < text.length; j++) {
        const c = text[j];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      elements++;
      if (text[j - 1] !== '/') depth++;
      if (depth > limits.maxDepth || elements > limits.maxElements) {
        throw new XmlError(
          'XML_TOO_COMPLEX',
          depth > limits.maxDepth
            ? `${what} nests elements deeper than ${limits.maxDepth} levels; refused before parsing`
            : `${what} has more than ${limits.maxElements} elements; refused before parsing`,
        );
      }
      i = j + 1;
    }
    i = text.indexOf('<', i);
  }
}

export function serializeXml(node: Node): string {
  return new (xmldom().XMLSerializer)().serializeToString(node);
}

/** Escapes text for element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Element children of a node, optionally only those with the given local name (any namespace). */
export function childElements(parent: Node, localName?: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (localName === undefined || (node as Element).localName === localName)) {
      out.push(node as Element);
    }
  }
  return out;
}

export function childElement(parent: Node, localName: string): Element | undefined {
  return childElements(parent, localName)[0];
}

/** Every descendant element with the given local name, in document order. */
export function descendants(parent: Node, localName: string): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      if ((child as Element).localName === localName) out.push(child as Element);
      walk(child);
    }
  };
  walk(parent);
  return out;
}

/** Trimmed text content of an element, or undefined when it is absent or empty. */
export function textOf(element: Element | undefined): string | undefined {
  const text = element?.textContent?.trim();
  return text ? text : undefined;
}

/** An attribute's value, or undefined when the attribute is absent. */
export function attributeOf(element: Element | undefined, name: string): string | undefined {
  if (!element?.hasAttribute(name)) return undefined;
  return element.getAttribute(name) ?? undefined;
}

/**
 * Indents XML for people to read (traces). Whitespace-only text is dropped and text is
 * kept on its element's line; on unparsable input the text comes back unchanged.
 */
export function prettyXml(text: string): string {
  let doc: Document;
  try {
    doc = parseXml(text);
  } catch {
    return text;
  }
  const lines: string[] = [];
  const attrs = (element: Element) =>
    Array.from(element.attributes)
      .map((a) => ` ${a.name}="${escapeXml(a.value)}"`)
      .join('');
  const walk = (element: Element, depth: number) => {
    const pad = '  '.repeat(depth);
    const children = Array.from(element.childNodes).filter(
      (n) => !(n.nodeType === 3 && !(n.nodeValue ?? '').trim()),
    );
    if (children.length === 0) {
      lines.push(`${pad}<${element.tagName}${attrs(element)}/>`);
      return;
    }
    if (children.every((n) => n.nodeType === 3 || n.nodeType === 4)) {
      const content = children.map((n) => escapeXml(n.nodeValue ?? '')).join('');
      lines.push(`${pad}<${element.tagName}${attrs(element)}>${content}</${element.tagName}>`);
      return;
    }
    lines.push(`${pad}<${element.tagName}${attrs(element)}>`);
    for (const child of children) {
      if (child.nodeType === 1) walk(child as Element, depth + 1);
      else if (child.nodeType === 3) lines.push(`${pad}  ${escapeXml((child.nodeValue ?? '').trim())}`);
      else if (child.nodeType === 8) lines.push(`${pad}  <!--${child.nodeValue ?? ''}-->`);
      else if (child.nodeType === 7) lines.push(`${pad}  ${serializeXml(child)}`);
    }
    lines.push(`${pad}</${element.tagName}>`);
  };
  walk(doc.documentElement as Element, 0);
  return lines.join('\n');
}
