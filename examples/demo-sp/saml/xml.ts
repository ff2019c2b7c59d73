import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { LoginRefused } from '../errors.ts';

export const ns = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
} as const;

export function hasDoctype(xml: string): boolean {
  return /<!DOCTYPE/i.test(xml);
}

/** Parses XML; a parse error is a refusal naming what was wrong, never a 500. */
export function parseXml(xml: string, what: string): Document {
  const errors: string[] = [];
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (error) {
    throw new LoginRefused('response-invalid', `the ${what} is not well-formed XML: ${String(error)}`, {
      status: 400,
    });
  }
  if (errors.length > 0 || !doc.documentElement) {
    throw new LoginRefused(
      'response-invalid',
      `the ${what} is not well-formed XML: ${errors[0] ?? 'empty'}`,
      {
        status: 400,
      },
    );
  }
  return doc;
}

/** Element children of `parent` with the given namespace and local name. */
export function children(parent: Element | Document, namespace: string, localName: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) {
      const el = node as Element;
      if (el.namespaceURI === namespace && el.localName === localName) out.push(el);
    }
  }
  return out;
}

export function child(parent: Element | Document, namespace: string, localName: string): Element | undefined {
  return children(parent, namespace, localName)[0];
}

/** Follows a path of (namespace, localName) steps through first children. */
export function path(parent: Element, ...steps: Array<[string, string]>): Element | undefined {
  let current: Element | undefined = parent;
  for (const [namespace, localName] of steps) {
    if (!current) return undefined;
    current = child(current, namespace, localName);
  }
  return current;
}

export function descendants(parent: Element | Document, namespace: string, localName: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(namespace, localName));
}

export function text(el: Element | undefined): string | undefined {
  const value = el?.textContent?.trim();
  return value ? value : undefined;
}

/**
 * The first text node of an element, trimmed: how readers vulnerable to CVE-2017-11427
 * read a value (a comment or processing instruction inside it ends the value there).
 */
export function firstText(el: Element | undefined): string | undefined {
  for (let node = el?.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 || node.nodeType === 4) return node.nodeValue?.trim() || undefined;
  }
  return undefined;
}

export function attr(el: Element | undefined, name: string): string | undefined {
  if (!el?.hasAttribute(name)) return undefined;
  return el.getAttribute(name) ?? undefined;
}
