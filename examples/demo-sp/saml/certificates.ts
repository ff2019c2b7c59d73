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

/** Validity window and strength of one certificate (node-saml checks neither). */
export function judgeCertificate(pem: string, nowMs: number): CertificateVerdict {
  const cert = new X509Certificate(pem);
  const notBefore = Date.parse(cert.validFrom);
  const notAfter = Date.parse(cert.validTo);
  const expiry = nowMs >= notAfter ? 'expired' : nowMs < notBefore ? 'not-yet-valid' : undefined;
  let weakness: string | undefined;
  const key = cert.publicKey;
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (key.asymmetricKeyType === 'rsa' && bits !== undefined && bits < 2048)
    weakness = `a ${bits}-bit RSA key`;
  if (!weakness && SHA1_SIGNATURE_OIDS.has(signatureOid(pem))) weakness = 'a SHA-1 certificate signature';
  return {
    pem,
    expiry,
    weakness,
    publicKeyDer: key.export({ type: 'spki', format: 'der' }).toString('base64'),
    subject: cert.subject.replace(/\n/g, ', '),
    validTo: cert.validTo,
  };
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
