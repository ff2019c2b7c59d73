import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';

const SHA1_SIGNATURE_OIDS = new Set([
  '1.2.840.113549.1.1.5', // sha1WithRSAEncryption
  '1.2.840.10045.4.1', // ecdsa-with-SHA1
  '1.3.14.3.2.29', // sha1WithRSA (OIW)
]);

export interface CertificateVerdict {
  pem: string;
  /** Why this certificate may not be trusted, or undefined when it may. */
  expiry: 'expired' | 'not-yet-valid' | undefined;
  weakness: string | undefined;
  /** The public key, to compare certificates that carry the same key. */
  publicKeyDer: string;
  subject: string;
  validTo: string;
}

/** What a certificate says whatever the time: read once per PEM (node-forge is slow). */
interface ReadCertificate {
  notBefore: number;
  notAfter: number;
  weakness: string | undefined;
  publicKeyDer: string;
  subject: string;
  validTo: string;
}

/** Certificates read so far, by PEM; an unreadable one keeps its error. Bounded: cleared when full. */
const readCache = new Map<string, ReadCertificate | { error: unknown }>();
const READ_CACHE_LIMIT = 512;

function readCertificate(pem: string): ReadCertificate {
  let read = readCache.get(pem);
  if (!read) {
    try {
      read = readUncached(pem);
    } catch (error) {
      read = { error };
    }
    if (readCache.size >= READ_CACHE_LIMIT) readCache.clear();
    readCache.set(pem, read);
  }
  if ('error' in read) throw read.error;
  return read;
}

function readUncached(pem: string): ReadCertificate {
  const cert = new X509Certificate(pem);
  let weakness: string | undefined;
  const key = cert.publicKey;
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (key.asymmetricKeyType === 'rsa' && bits !== undefined && bits < 2048)
    weakness = `a ${bits}-bit RSA key`;
  if (!weakness && SHA1_SIGNATURE_OIDS.has(signatureOid(pem))) weakness = 'a SHA-1 certificate signature';
  return {
    notBefore: Date.parse(cert.validFrom),
    notAfter: Date.parse(cert.validTo),
    weakness,
    publicKeyDer: key.export({ type: 'spki', format: 'der' }).toString('base64'),
    subject: cert.subject.replace(/\n/g, ', '),
    validTo: cert.validTo,
  };
}

/**
 * Validity window (at `nowMs`, this SP's clock) and strength of one certificate
 * (node-saml checks neither). Throws when the PEM is not a certificate.
 */
export function judgeCertificate(pem: string, nowMs: number): CertificateVerdict {
  const { notBefore, notAfter, weakness, publicKeyDer, subject, validTo } = readCertificate(pem);
  const expiry = nowMs >= notAfter ? 'expired' : nowMs < notBefore ? 'not-yet-valid' : undefined;
  return { pem, expiry, weakness, publicKeyDer, subject, validTo };
}

/** Like judgeCertificate, but undefined for a certificate that cannot be read. */
export function tryJudgeCertificate(pem: string, nowMs: number): CertificateVerdict | undefined {
  try {
    return judgeCertificate(pem, nowMs);
  } catch {
    return undefined;
  }
}

function signatureOid(pem: string): string {
  try {
    return forge.pki.certificateFromPem(pem).siginfo.algorithmOid;
  } catch {
    // forge reads RSA certificates only; the others are not SHA-1 signed by our IdPs.
    return '';
  }
}
