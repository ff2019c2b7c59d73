import type { Attr, Document, Element, Node } from '@xmldom/xmldom';
import * as xpath from 'xpath';
import { z } from 'zod';
import { parseXml, serializeXml } from '../../../lib/xml.ts';
import { ns } from '../../saml/constants.ts';

/**
 * One edit of the response XML, selected by XPath: the engine of `saml.xml-edit` (after
 * signing) and `saml.xml-edit-before-signing`. A published attack that is "put this
 * element there" can be composed from these without code.
 *
 * XPath prefixes bound in every expression and in raw XML: samlp, saml, ds, xenc, xs, xsi.
 */
export const xmlEditPrefixes: Readonly<Record<string, string>> = {
  samlp: ns.protocol,
  saml: ns.assertion,
  ds: ns.dsig,
  xenc: ns.xenc,
  xs: 'http://www.w3.org/2001/XMLSchema',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

export const xmlEditActions = [
  'set-attribute',
  'remove-attribute',
  'set-text',
  'remove',
  'duplicate',
  'move',
  'wrap',
  'insert',
] as const;

export type XmlEditAction = (typeof xmlEditActions)[number];

const positions = ['before', 'after', 'inside', 'inside-first'] as const;
type Position = (typeof positions)[number];

const select = xpath.useNamespaces({ ...xmlEditPrefixes });

/** QName prefixes an expression uses (`saml:` in `//saml:NameID`), string literals left out; axes (`child::`) are not prefixes. */
function prefixesIn(expression: string): string[] {
  const unquoted = expression.replace(/'[^']*'|"[^"]*"/g, "''");
  return [...unquoted.matchAll(/(?<![\w.:-])([A-Za-z_][\w.-]*):(?!:)/g)].map((m) => m[1]!);
}

/** Whether an XPath expression compiles with the SAML prefixes; the error text when it does not. */
export function xpathProblem(expression: string): string | undefined {
  const unknown = prefixesIn(expression).filter((prefix) => !Object.hasOwn(xmlEditPrefixes, prefix));
  if (unknown.length > 0) {
    return `uses the undeclared prefix ${[...new Set(unknown)].map((p) => `"${p}:"`).join(', ')}; known prefixes: ${Object.keys(xmlEditPrefixes).join(', ')}`;
  }
  try {
    select(expression, parseXml('<probe/>') as never);
    return undefined;
  } catch (error) {
    return `not a valid XPath with the prefixes ${Object.keys(xmlEditPrefixes).join(', ')} (${firstLine(error)})`;
  }
}

/** Parses raw XML (elements, text, comments) with the SAML prefixes declared around it. */
function parseFragment(raw: string): Document {
  const declarations = Object.entries(xmlEditPrefixes)
    .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
    .join('');
  return parseXml(`<fragment${declarations}>${raw}</fragment>`, 'the raw XML');
}

function rawXmlProblem(raw: string, action: XmlEditAction): string | undefined {
  let fragment: Document;
  try {
    fragment = parseFragment(raw);
  } catch (error) {
    return `not well-formed XML (${firstLine(error)})`;
  }
  if (action === 'wrap') {
    const roots = Array.from(fragment.documentElement!.childNodes).filter((n) => n.nodeType === 1);
    if (roots.length !== 1) return `wrap needs exactly one element to wrap in, found ${roots.length}`;
  }
  return undefined;
}

const needs: Record<XmlEditAction, ReadonlyArray<'name' | 'value' | 'xml' | 'to'>> = {
  'set-attribute': ['name', 'value'],
  'remove-attribute': ['name'],
  'set-text': ['value'],
  remove: [],
  duplicate: [],
  move: ['to'],
  wrap: ['xml'],
  insert: ['xml'],
};

/** The parameters of both XML-edit faults; bad XPath or raw XML fails here, naming the parameter. */
export const xmlEditParams = z
  .object({
    select: z
      .string()
      .min(1)
      .describe(
        'XPath of the nodes to edit, with the prefixes samlp, saml, ds, xenc, xs, xsi (e.g. //saml:Assertion/saml:Subject/saml:NameID)',
      )
      .meta({ title: 'Select (XPath)' }),
    action: z
      .enum(xmlEditActions)
      .describe(
        'set-attribute / remove-attribute (name, value), set-text (value), remove, duplicate (to, position), move (to, position), wrap (xml), insert (xml, position)',
      ),
    name: z
      .string()
      .min(1)
      .optional()
      .describe('Attribute name for set-attribute and remove-attribute (a prefix such as xsi: is allowed)'),
    value: z.string().optional().describe('New attribute value (set-attribute) or text (set-text)'),
    xml: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Raw XML for insert (any nodes) or wrap (one element; the selected node goes inside it, last); the prefixes above need no declaration',
      )
      .meta({ title: 'Raw XML' }),
    to: z
      .string()
      .min(1)
      .optional()
      .describe(
        'XPath of the place for move (required) and duplicate (default: next to the original); its first match is used',
      )
      .meta({ title: 'To (XPath)' }),
    position: z
      .enum(positions)
      .default('after')
      .describe(
        'Where move, duplicate and insert put nodes: before or after the place, or inside it (last or first)',
      ),
    match: z
      .enum(['all', 'first'])
      .default('all')
      .describe('Edit every node the select XPath matches, or only the first'),
  })
  .superRefine((params, ctx) => {
    for (const key of needs[params.action]) {
      if (params[key] === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `action "${params.action}" needs ${key}` });
      }
    }
    for (const key of ['select', 'to'] as const) {
      const expression = params[key];
      const problem = expression === undefined ? undefined : xpathProblem(expression);
      if (problem) ctx.addIssue({ code: 'custom', path: [key], message: problem });
    }
    if (params.xml !== undefined) {
      const problem = rawXmlProblem(params.xml, params.action);
      if (problem) ctx.addIssue({ code: 'custom', path: ['xml'], message: problem });
    }
  });

export type XmlEditParams = z.infer<typeof xmlEditParams>;

/**
 * Applies one edit to the XML text and returns the new text. `what` names the document
 * in errors ("the signed response"). Throws an Error that names the parameter when the
 * select or to XPath matches nothing, or selects something the action cannot edit.
 */
export function applyXmlEdit(xml: string, params: XmlEditParams, what: string): string {
  const doc = parseXml(xml, what);
  const matched = selectNodes(doc, params.select, 'select', what);
  const targets = params.match === 'first' ? matched.slice(0, 1) : matched;
  const place = params.to === undefined ? undefined : selectNodes(doc, params.to, 'to', what)[0];
  for (const node of targets) edit(doc, node, params, place);
  return serializeXml(doc);
}

/**
 * The nodes an XPath (with the SAML prefixes) selects in `doc`. Throws an Error naming
 * `param` when it selects nothing or gives a value instead of nodes.
 */
export function selectNodes(doc: Document, expression: string, param: string, what: string): Node[] {
  const result = select(expression, doc as never) as unknown;
  if (!Array.isArray(result)) {
    throw new Error(`${param}: "${expression}" gives a ${typeof result}, not nodes`);
  }
  if (result.length === 0) throw new Error(`${param}: "${expression}" matches nothing in ${what}`);
  return result as Node[];
}

function edit(doc: Document, node: Node, params: XmlEditParams, place: Node | undefined): void {
  const { action } = params;
  switch (action) {
    case 'set-attribute': {
      const element = asElement(node, action);
      const name = params.name!;
      const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : undefined;
      const uri = prefix === undefined ? undefined : xmlEditPrefixes[prefix];
      if (uri) element.setAttributeNS(uri, name, params.value!);
      else element.setAttribute(name, params.value!);
      return;
    }
    case 'remove-attribute': {
      const element = asElement(node, action);
      if (!element.hasAttribute(params.name!)) {
        throw new Error(`name: the selected <${element.tagName}> has no attribute "${params.name}"`);
      }
      element.removeAttribute(params.name!);
      return;
    }
    case 'set-text':
      if (node.nodeType === 1) {
        while (node.firstChild) node.removeChild(node.firstChild);
        node.appendChild(doc.createTextNode(params.value!));
      } else if (isAttr(node)) node.value = params.value!;
      else node.nodeValue = params.value!;
      return;
    case 'remove':
      if (isAttr(node)) node.ownerElement?.removeAttributeNode(node);
      else parentOf(node, action).removeChild(node);
      return;
    case 'duplicate':
      putAt(notAttr(node, action).cloneNode(true), place ?? node, params.position);
      return;
    case 'move':
      if (place === node || isInside(place!, node)) {
        throw new Error('to: the place to move to lies inside the node being moved');
      }
      parentOf(node, action).removeChild(node);
      putAt(node, place!, params.position);
      return;
    case 'wrap': {
      const wrapper = fragmentNodes(doc, params.xml!).find((n) => n.nodeType === 1) as Element;
      parentOf(node, action).replaceChild(wrapper, node);
      wrapper.appendChild(node);
      return;
    }
    case 'insert':
      for (const inserted of fragmentNodes(doc, params.xml!)) putAt(inserted, node, params.position);
      return;
  }
}

/** The raw XML's top-level nodes, imported into `doc` (a fresh copy for each use). */
function fragmentNodes(doc: Document, raw: string): Node[] {
  const root = parseFragment(raw).documentElement!;
  return Array.from(root.childNodes).map((n) => doc.importNode(n, true));
}

function putAt(node: Node, place: Node, position: Position): void {
  if (isAttr(place)) throw new Error('to: the place is an attribute; choose an element');
  if (position === 'inside') place.appendChild(node);
  else if (position === 'inside-first') place.insertBefore(node, place.firstChild);
  else {
    const parent = place.parentNode;
    if (!parent || parent.nodeType === 9) {
      throw new Error(`position: nothing can go ${position} the document element`);
    }
    parent.insertBefore(node, position === 'before' ? place : place.nextSibling);
  }
}

function asElement(node: Node, action: XmlEditAction): Element {
  if (node.nodeType !== 1)
    throw new Error(`select: ${action} needs elements, and a match is ${describe(node)}`);
  return node as Element;
}

function notAttr(node: Node, action: XmlEditAction): Node {
  if (isAttr(node)) throw new Error(`select: ${action} needs elements or text, and a match is an attribute`);
  return node;
}

function parentOf(node: Node, action: XmlEditAction): Node {
  const parent = notAttr(node, action).parentNode;
  if (!parent || parent.nodeType === 9) {
    throw new Error(`select: ${action} cannot act on the document element`);
  }
  return parent;
}

function isAttr(node: Node): node is Attr {
  return node.nodeType === 2;
}

function isInside(node: Node, ancestor: Node): boolean {
  for (let at: Node | null = node.parentNode; at; at = at.parentNode) if (at === ancestor) return true;
  return false;
}

function describe(node: Node): string {
  return isAttr(node) ? `the attribute ${node.name}` : `a ${node.nodeName} node`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
