import { createHash, createSign, type KeyObject } from 'node:crypto';
import type { Document, Element } from '@xmldom/xmldom';
import { parseXml, serializeXml } from '../../lib/xml.ts';
import { IdpError } from '../errors.ts';
import { certificateBody } from '../keys/certificate.ts';
import {
  type DigestAlgorithmName,
  digestAlgorithm,
  envelopedSignature,
  exclusiveC14n,
  type SignatureAlgorithmName,
  signatureAlgorithm,
} from './algorithms.ts';
import { exclusiveCanonical } from './exclusive-c14n.ts';
import type { ExtraTransformName } from './response/stages.ts';

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

export interface XmlSigningKey {
  privateKey: KeyObject;
  /** Certificate written into KeyInfo; undefined writes no KeyInfo. */
  keyInfoCertificate: string | undefined;
  /** More certificates written into the same X509Data after it (a fault). */
  moreKeyInfoCertificates?: readonly string[] | undefined;
  signatureAlgorithm: SignatureAlgorithmName;
  digestAlgorithm: DigestAlgorithmName;
  /** A Transform outside SAML's profile, written before exclusive c14n; the digest ignores it. */
  extraTransform?: ExtraTransformName | undefined;
}

/**
 * The extra Transforms a fault can write: algorithm and content. Each leaves the signed
 * element as it is (an identity stylesheet; a filter keeping all but signatures), so the
 * digest computed without it is also the one a verifier applying it gets.
 */
const extraTransforms: Record<ExtraTransformName, { algorithm: string; content: string }> = {
  xslt: {
    algorithm: 'http://www.w3.org/TR/1999/REC-xslt-19991116',
    content:
      '<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0"><xsl:template match="/"><xsl:copy-of select="."/></xsl:template></xsl:stylesheet>',
  },
  'xpath-filter': {
    algorithm: 'http://www.w3.org/TR/1999/REC-xpath-19991116',
    content: '<ds:XPath>not(ancestor-or-self::ds:Signature)</ds:XPath>',
  },
};

export interface SignTarget {
  localName: string;
  id: string;
}

/**
 * Adds an enveloped signature (exclusive c14n) to the element with the given local name
 * and ID, placed right after its Issuer as the SAML schema wants (or first when it has
 * no Issuer).
 */
export function signElement(xml: string, target: SignTarget, key: XmlSigningKey): string {
  return signElements(xml, [target], key);
}

/**
 * Signs several elements of one document in order (assertions before the response, so
 * the response's digest covers their signatures), parsing and serializing once. The
 * canonical form comes from our own exclusive c14n, so each signature costs one digest
 * pass over the element, one over SignedInfo, and one RSA operation.
 */
export function signElements(xml: string, targets: readonly SignTarget[], key: XmlSigningKey): string {
  const doc = parseXml(xml, 'the XML to sign');
  for (const target of targets) signOne(doc, target, key);
  return serializeXml(doc);
}

function signOne(doc: Document, target: SignTarget, key: XmlSigningKey): void {
  const element = findById(doc.documentElement!, target);
  if (!element) {
    throw new IdpError(
      'INTERNAL',
      500,
      `cannot sign: no ${target.localName} with ID ${target.id} in the document`,
    );
  }
  const signature = signatureAlgorithm(key.signatureAlgorithm);
  const digest = digestAlgorithm(key.digestAlgorithm);
  const digestValue = createHash(key.digestAlgorithm)
    .update(exclusiveCanonical(element), 'utf8')
    .digest('base64');
  const node = doc.createElementNS(DSIG, 'ds:Signature');
  const info = child(doc, node, 'SignedInfo');
  child(doc, info, 'CanonicalizationMethod').setAttribute('Algorithm', exclusiveC14n);
  child(doc, info, 'SignatureMethod').setAttribute('Algorithm', signature.uri);
  const reference = child(doc, info, 'Reference');
  reference.setAttribute('URI', `#${target.id}`);
  const transforms = child(doc, reference, 'Transforms');
  child(doc, transforms, 'Transform').setAttribute('Algorithm', envelopedSignature);
  if (key.extraTransform) {
    const extra = extraTransforms[key.extraTransform];
    const transform = child(doc, transforms, 'Transform');
    transform.setAttribute('Algorithm', extra.algorithm);
    const content = parseXml(`<ds:T xmlns:ds="${DSIG}">${extra.content}</ds:T>`, 'a Transform')
      .documentElement!;
    for (const node of Array.from(content.childNodes)) transform.appendChild(doc.importNode(node, true));
  }
  child(doc, transforms, 'Transform').setAttribute('Algorithm', exclusiveC14n);
  child(doc, reference, 'DigestMethod').setAttribute('Algorithm', digest.uri);
  child(doc, reference, 'DigestValue', digestValue);
  // What the verifier signs over: SignedInfo canonicalized as the apex, declaring ds.
  const signatureValue = createSign(signature.hash)
    .update(exclusiveCanonical(info), 'utf8')
    .sign(key.privateKey, 'base64');
  child(doc, node, 'SignatureValue', signatureValue);
  if (key.keyInfoCertificate) {
    const data = child(doc, child(doc, node, 'KeyInfo'), 'X509Data');
    child(doc, data, 'X509Certificate', certificateBody(key.keyInfoCertificate));
    for (const more of key.moreKeyInfoCertificates ?? [])
      child(doc, data, 'X509Certificate', certificateBody(more));
  }
  const issuer = firstChildElement(element, 'Issuer');
  element.insertBefore(node, issuer ? issuer.nextSibling : element.firstChild);
}

/** Appends a ds: element (with optional text) and returns it. */
function child(doc: Document, parent: Element, localName: string, text?: string): Element {
  const element = doc.createElementNS(DSIG, `ds:${localName}`);
  if (text !== undefined) element.appendChild(doc.createTextNode(text));
  parent.appendChild(element);
  return element;
}

function findById(root: Element, target: SignTarget): Element | undefined {
  if (root.localName === target.localName && root.getAttribute('ID') === target.id) return root;
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const found = findById(child as Element, target);
    if (found) return found;
  }
  return undefined;
}

function firstChildElement(parent: Element, localName: string): Element | undefined {
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && (child as Element).localName === localName) return child as Element;
  }
  return undefined;
}
