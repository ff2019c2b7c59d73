import { createHash, createVerify } from 'node:crypto';
import type { Document, Element } from '@xmldom/xmldom';
import { ExclusiveCanonicalization, SignedXml } from 'xml-crypto';
import type { LaxName } from '../lax.ts';
import { children, descendants, ns, text } from './xml.ts';

/**
 * Lax switches that emulate published signature-verification bugs of SP libraries: each
 * verifies the way the buggy version did and then reads the assertion from the received
 * document. They run only when node-saml (strict) refused with `refusedAs`.
 */
export interface LaxSignatureReading {
  /** node-saml's refusal kinds this reading replaces. */
  refusedAs: ReadonlyArray<'signature' | 'multiple'>;
  /** The assertion the buggy library would have read, or undefined when even it refuses. */
  read(doc: Document, response: Element, certs: string[]): Element | undefined;
}

const TRANSFORMS_KNOWN = new Set([
  'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  'http://www.w3.org/2001/10/xml-exc-c14n#',
]);

export const laxSignatureReadings: Partial<Record<LaxName, LaxSignatureReading>> = {
  // node-saml 5.0.1 (CVE-2025-54419): a signature anywhere inside the signed element.
  'signature-placement': {
    refusedAs: ['signature'],
    read: (doc, response, certs) => {
      const own = children(response, ns.assertion, 'Assertion');
      const signed = [response, ...own].some((el) => nestedSignatureVerifies(doc, el, certs));
      return signed && own.length === 1 ? own[0] : undefined;
    },
  },
  // xml-crypto 6.0.0 (CVE-2025-29775): DigestValue's first child node, a comment included.
  'digest-comment': {
    refusedAs: ['signature'],
    read: (doc, response, certs) =>
      readOwnIfSigned(doc, response, certs, { digestFromFirstChild: true, idResolution: 'only' }),
  },
  // Verifiers that skip Transforms they do not know instead of refusing them.
  'unknown-transforms': {
    refusedAs: ['signature'],
    read: (doc, response, certs) =>
      readOwnIfSigned(doc, response, certs, { skipUnknownTransforms: true, idResolution: 'only' }),
  },
  // Any signature in the document, its reference resolved to the first element with the ID.
  'duplicate-id': {
    refusedAs: ['signature', 'multiple'],
    read: (doc, response, certs) => {
      const own = children(response, ns.assertion, 'Assertion');
      const signatures = descendants(doc, ns.dsig, 'Signature');
      const signed = signatures.some((sig) => lenientVerifies(doc, sig, certs, { idResolution: 'first' }));
      return signed && own.length === 1 ? own[0] : undefined;
    },
  },
  // Every assertion read in turn, the last one winning.
  'last-assertion': {
    refusedAs: ['multiple'],
    read: (doc, response, certs) => {
      const own = children(response, ns.assertion, 'Assertion');
      const signed = signaturesOf(response).some((sig) =>
        lenientVerifies(doc, sig, certs, { idResolution: 'only' }),
      );
      return signed ? own.at(-1) : undefined;
    },
  },
};

interface Quirks {
  digestFromFirstChild?: boolean;
  skipUnknownTransforms?: boolean;
  /** only: the one element with the ID (none if several); first: the first in document order. */
  idResolution: 'only' | 'first';
}

/** The Response's own (single) assertion, when a signature of the Response or its assertions verifies with these quirks. */
function readOwnIfSigned(
  doc: Document,
  response: Element,
  certs: string[],
  quirks: Quirks,
): Element | undefined {
  const own = children(response, ns.assertion, 'Assertion');
  if (own.length !== 1) return undefined;
  return signaturesOf(response).some((sig) => lenientVerifies(doc, sig, certs, quirks)) ? own[0] : undefined;
}

/** ds:Signature children of the Response and of its assertions. */
function signaturesOf(response: Element): Element[] {
  return [response, ...children(response, ns.assertion, 'Assertion')].flatMap((el) =>
    children(el, ns.dsig, 'Signature'),
  );
}

/** What node-saml 5.0.1 checked: one signature anywhere inside `element` naming its ID, verifying. */
function nestedSignatureVerifies(doc: Document, element: Element, certs: string[]): boolean {
  const id = element.getAttribute('ID');
  if (!id) return false;
  const signatures = descendants(element, ns.dsig, 'Signature').filter((sig) =>
    descendants(sig, ns.dsig, 'Reference').some((ref) => ref.getAttribute('URI') === `#${id}`),
  );
  if (signatures.length !== 1) return false;
  const xml = doc.toString();
  return certs.some((cert) => {
    try {
      const sig = new SignedXml({ publicCert: cert });
      sig.loadSignature(signatures[0] as never);
      return sig.checkSignature(xml);
    } catch {
      return false;
    }
  });
}

const HASH_BY_URI: Record<string, string> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': 'sha1',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'sha512',
};

/**
 * A small XML signature check with the quirks of buggy verifiers: SignedInfo (exclusive
 * c14n, comments dropped) must verify with a trusted certificate, and each reference's
 * digest (enveloped signature removed, exclusive c14n) must match its DigestValue.
 */
function lenientVerifies(doc: Document, signature: Element, certs: string[], quirks: Quirks): boolean {
  const c14n = new ExclusiveCanonicalization();
  const signedInfo = children(signature, ns.dsig, 'SignedInfo')[0];
  const method = signedInfo && children(signedInfo, ns.dsig, 'SignatureMethod')[0]?.getAttribute('Algorithm');
  const signatureValue = text(children(signature, ns.dsig, 'SignatureValue')[0]);
  if (!signedInfo || !method || !HASH_BY_URI[method] || !signatureValue) return false;
  const canonicalSignedInfo = c14n.process(signedInfo as never, {});
  const signed = certs.some((cert) =>
    createVerify(HASH_BY_URI[method]!).update(canonicalSignedInfo).verify(cert, signatureValue, 'base64'),
  );
  if (!signed) return false;
  return children(signedInfo, ns.dsig, 'Reference').every((reference) => {
    const transforms = descendants(reference, ns.dsig, 'Transform').map(
      (t) => t.getAttribute('Algorithm') ?? '',
    );
    if (!quirks.skipUnknownTransforms && transforms.some((t) => !TRANSFORMS_KNOWN.has(t))) return false;
    const id = (reference.getAttribute('URI') ?? '').replace(/^#/, '');
    const targets = Array.from(doc.getElementsByTagName('*')).filter((e) => e.getAttribute('ID') === id);
    const target = quirks.idResolution === 'first' || targets.length === 1 ? targets[0] : undefined;
    const digestMethod = children(reference, ns.dsig, 'DigestMethod')[0]?.getAttribute('Algorithm') ?? '';
    const digestValue = children(reference, ns.dsig, 'DigestValue')[0];
    const expected = quirks.digestFromFirstChild
      ? digestValue?.firstChild?.nodeValue
      : digestValue?.textContent;
    if (!target || !HASH_BY_URI[digestMethod] || !expected) return false;
    const copy = target.cloneNode(true) as Element;
    for (const own of children(copy, ns.dsig, 'Signature')) copy.removeChild(own);
    const digest = createHash(HASH_BY_URI[digestMethod]!)
      .update(c14n.process(copy as never, {}))
      .digest('base64');
    return digest === expected.trim();
  });
}
