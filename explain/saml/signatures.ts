import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import type { Document, Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { certificateFingerprint, certificatePem, summarizeCertificate } from '../../idp/keys/certificate.ts';
import { ns } from '../../idp/saml/constants.ts';
import { exclusiveCanonical } from '../../idp/saml/exclusive-c14n.ts';
import { describeError } from '../../lib/errors.ts';
import { childNS, childrenNS, elementsNS, label } from './parse.ts';

/** Signature and digest algorithms by URI: their hash, and whether it is too weak to trust. */
export const xmlAlgorithms: Record<string, { name: string; hash: string; weak: boolean }> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': { name: 'RSA-SHA1', hash: 'sha1', weak: true },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': { name: 'RSA-SHA256', hash: 'sha256', weak: false },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': { name: 'RSA-SHA384', hash: 'sha384', weak: false },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': { name: 'RSA-SHA512', hash: 'sha512', weak: false },
  'http://www.w3.org/2000/09/xmldsig#sha1': { name: 'SHA-1', hash: 'sha1', weak: true },
  'http://www.w3.org/2001/04/xmlenc#sha256': { name: 'SHA-256', hash: 'sha256', weak: false },
  'http://www.w3.org/2001/04/xmldsig-more#sha384': { name: 'SHA-384', hash: 'sha384', weak: false },
  'http://www.w3.org/2001/04/xmlenc#sha512': { name: 'SHA-512', hash: 'sha512', weak: false },
};

export interface CertificateFacts {
  pem: string;
  subject: string;
  fingerprintSha256: string;
  notBefore: number;
  notAfter: number;
  /** RSA modulus length in bits, when the key is RSA. */
  keyBits: number | undefined;
  /** The certificate's own signature algorithm, e.g. sha1WithRSAEncryption. */
  signatureAlgorithm: string | undefined;
}

/** What one ds:Signature of a message signs, with which key, and whether it verifies. */
export interface SignatureInfo {
  signature: Element;
  /** The element the signature sits in (enveloped signatures sign it). */
  parent: Element;
  /** The Reference URIs, as written. */
  references: string[];
  /** The element the (first) reference points to, by ID; undefined when none or several have that ID. */
  referenced: Element | undefined;
  signatureAlgorithm: string | undefined;
  digestAlgorithms: string[];
  keyInfo: CertificateFacts | undefined;
  /** Verified with a trusted certificate (the IdP's metadata), or only with the one in KeyInfo. */
  verified: { with: 'trusted' | 'key-info'; certificate: CertificateFacts } | undefined;
  /** Why it does not verify with the trusted certificates (or with KeyInfo when none is trusted). */
  failure: string | undefined;
  /** The digest failed: the signed content changed after signing. */
  tampered: boolean;
  /**
   * Verifies only under the spec's canonicalization (processing instructions kept); xml-crypto,
   * and the SPs built on it, compute another digest.
   */
  specOnly: boolean;
}

/** Certificates seen recently: node-forge parses slowly, and a HAR repeats the same few. */
const factsCache = new Map<string, CertificateFacts | undefined>();

/** Subject, SHA-256 fingerprint, validity, key size and signature algorithm of a PEM certificate. */
export function certificateFacts(pem: string): CertificateFacts | undefined {
  if (factsCache.has(pem)) return factsCache.get(pem);
  const facts = readFacts(pem);
  if (factsCache.size >= 64) factsCache.delete(factsCache.keys().next().value!);
  factsCache.set(pem, facts);
  return facts;
}

function readFacts(pem: string): CertificateFacts | undefined {
  try {
    const x509 = new X509Certificate(pem);
    const details = x509.publicKey.asymmetricKeyDetails;
    return {
      pem,
      subject: x509.subject.replace(/\n/g, ', '),
      fingerprintSha256: certificateFingerprint(pem),
      notBefore: Date.parse(x509.validFrom),
      notAfter: Date.parse(x509.validTo),
      keyBits: x509.publicKey.asymmetricKeyType === 'rsa' ? details?.modulusLength : undefined,
      signatureAlgorithm: signatureAlgorithmOf(pem),
    };
  } catch {
    return undefined;
  }
}

/** The certificate's own signatureAlgorithm (sha1WithRSAEncryption, ...), when node-forge can read it. */
function signatureAlgorithmOf(pem: string): string | undefined {
  try {
    return summarizeCertificate(pem).signatureAlgorithm;
  } catch {
    return undefined;
  }
}

/**
 * Every ds:Signature in the document, wherever it sits: what it references, its
 * algorithms, the certificate in its KeyInfo, and whether it verifies with a trusted
 * certificate (xml-crypto, as node-saml and passport-saml verify).
 */
export function analyzeSignatures(xml: string, doc: Document, trusted: readonly string[]): SignatureInfo[] {
  const ids = idIndex(doc);
  return elementsNS(doc, ns.dsig, 'Signature').map((signature) => analyzeOne(xml, signature, trusted, ids));
}

function analyzeOne(
  xml: string,
  signature: Element,
  trusted: readonly string[],
  ids: Map<string, Element[]>,
): SignatureInfo {
  const parent = signature.parentNode as Element;
  const signedInfo = childNS(signature, ns.dsig, 'SignedInfo');
  const referenceElements = signedInfo ? childrenNS(signedInfo, ns.dsig, 'Reference') : [];
  const references = referenceElements.map((r) => r.getAttribute('URI') ?? '');
  const firstUri = references[0];
  const matches =
    firstUri === undefined
      ? []
      : firstUri === ''
        ? [signature.ownerDocument!.documentElement as Element]
        : (ids.get(firstUri.replace(/^#/, '')) ?? []);
  const keyInfoBody = elementsNS(signature, ns.dsig, 'X509Certificate')[0]?.textContent?.trim();
  const keyInfo = keyInfoBody ? certificateFacts(certificatePem(keyInfoBody)) : undefined;
  const info: SignatureInfo = {
    signature,
    parent,
    references,
    referenced: matches.length === 1 ? matches[0] : undefined,
    signatureAlgorithm:
      childNS(signedInfo, ns.dsig, 'SignatureMethod')?.getAttribute('Algorithm') ?? undefined,
    digestAlgorithms: referenceElements.flatMap(
      (r) => childNS(r, ns.dsig, 'DigestMethod')?.getAttribute('Algorithm') ?? [],
    ),
    keyInfo,
    verified: undefined,
    failure: undefined,
    tampered: false,
    specOnly: false,
  };
  const candidates = trusted.flatMap((pem) => certificateFacts(pem) ?? []);
  for (const certificate of candidates) {
    const result = verifyWith(xml, signature, certificate.pem);
    if (result === 'valid') {
      info.verified = { with: 'trusted', certificate };
      return info;
    }
    if (result === 'digest') info.tampered = true;
    info.failure = reason(result, info);
  }
  if (keyInfo && !candidates.some((c) => c.fingerprintSha256 === keyInfo.fingerprintSha256)) {
    const result = verifyWith(xml, signature, keyInfo.pem);
    if (result === 'valid') {
      info.verified = { with: 'key-info', certificate: keyInfo };
    } else {
      if (result === 'digest') info.tampered = true;
      info.failure ??= reason(result, info);
    }
  }
  if (info.tampered && info.referenced) {
    const spec = candidates.length
      ? specVerification(info, candidates, 'trusted')
      : keyInfo
        ? specVerification(info, [keyInfo], 'key-info')
        : undefined;
    if (spec) {
      info.specOnly = true;
      info.tampered = false;
      info.verified = info.verified ?? spec;
    }
  }
  if (!info.verified && candidates.length === 0 && !keyInfo)
    info.failure = 'there is no certificate to verify it with (no IdP metadata given, no KeyInfo)';
  return info;
}

type Outcome = 'valid' | 'digest' | 'key' | { error: string };

function verifyWith(xml: string, signature: Element, pem: string): Outcome {
  const verifier = new SignedXml({ publicCert: pem });
  try {
    verifier.loadSignature(signature as unknown as globalThis.Node);
    return verifier.checkSignature(xml) ? 'valid' : 'digest';
  } catch (error) {
    const message = describeError(error);
    if (/invalid signature|signature value .* is incorrect/i.test(message)) return 'key';
    return { error: message };
  }
}

function reason(outcome: Outcome, info: SignatureInfo): string {
  if (outcome === 'digest') {
    return `the digest of ${info.references.join(', ') || 'the reference'} does not match: the signed content was changed after signing`;
  }
  if (outcome === 'key') return 'the signature value does not match this certificate: another key signed it';
  if (outcome === 'valid') return '';
  return `it cannot be verified: ${outcome.error}`;
}

/**
 * Exclusive c14n as the spec writes it (processing instructions kept), for the one
 * enveloped reference the SAML profiles allow. Used only to tell a broken signature from
 * one that xml-crypto canonicalizes differently.
 */
function specVerification(
  info: SignatureInfo,
  certificates: readonly CertificateFacts[],
  kind: 'trusted' | 'key-info',
): SignatureInfo['verified'] {
  const referenced = info.referenced!;
  const signedInfo = childNS(info.signature, ns.dsig, 'SignedInfo');
  const reference = signedInfo ? childNS(signedInfo, ns.dsig, 'Reference') : undefined;
  const digestHash = xmlAlgorithms[info.digestAlgorithms[0] ?? '']?.hash;
  const signatureHash = xmlAlgorithms[info.signatureAlgorithm ?? '']?.hash;
  const digestValue = childNS(reference, ns.dsig, 'DigestValue')?.textContent?.trim();
  const signatureValue = childNS(info.signature, ns.dsig, 'SignatureValue')?.textContent?.replace(/\s+/g, '');
  if (!signedInfo || !digestHash || !signatureHash || !digestValue || !signatureValue) return undefined;
  const digest = createHash(digestHash)
    .update(exclusiveCanonical(referenced, info.signature))
    .digest('base64');
  if (digest !== digestValue) return undefined;
  const canonical = Buffer.from(exclusiveCanonical(signedInfo));
  for (const certificate of certificates) {
    try {
      if (verifySignature(signatureHash, canonical, certificate.pem, Buffer.from(signatureValue, 'base64'))) {
        return { with: kind, certificate };
      }
    } catch {
      // not this certificate
    }
  }
  return undefined;
}

/** Elements by their ID attribute (ID, Id or id, as xml-crypto looks them up). */
export function idIndex(doc: Document): Map<string, Element[]> {
  const ids = new Map<string, Element[]>();
  const walk = (element: Element) => {
    for (const name of ['ID', 'Id', 'id']) {
      const value = element.getAttribute(name);
      if (value) ids.set(value, [...(ids.get(value) ?? []), element]);
    }
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) walk(child as Element);
    }
  };
  walk(doc.documentElement as Element);
  return ids;
}

export function describeSigned(info: SignatureInfo): string {
  return label(info.referenced ?? info.parent);
}
