import {
  constants,
  createHash,
  createPublicKey,
  type KeyObject,
  privateEncrypt,
  X509Certificate,
} from 'node:crypto';
import { createRequire } from 'node:module';
import type Forge from 'node-forge';

const require = createRequire(import.meta.url);
let forgeModule: typeof Forge | undefined;

/** node-forge, loaded on first use: a harness whose certificates are on disk starts without it. */
function loadForge(): typeof Forge {
  forgeModule ??= require('node-forge') as typeof Forge;
  return forgeModule;
}

export interface CertificateSpec {
  /** Key whose public half the certificate carries. */
  subjectKey: KeyObject;
  subject: { commonName: string; organization?: string };
  /** Issuer name and signing key; absent for a self-signed certificate. */
  issuer?: { commonName: string; organization?: string; key: KeyObject };
  notBefore: Date;
  notAfter: Date;
  hash: 'sha256' | 'sha1' | 'sha512';
  /** Serial number as hex; derive it from a seed for reproducible certificates. */
  serialHex: string;
}

/**
 * Assembles an X.509 certificate with node-forge, which allows any validity window,
 * issuer and signature hash (an expired or SHA-1 certificate is the point here).
 * RSA keys only: forge cannot sign with EC keys.
 */
export function createCertificate(spec: CertificateSpec): string {
  const forge = loadForge();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(
    createPublicKey(spec.subjectKey).export({ type: 'spki', format: 'pem' }).toString(),
  );
  // A leading 00 keeps the DER INTEGER positive whatever the first hex digit is. A serial
  // that itself starts with 00 would get two zero bytes, which OpenSSL refuses (illegal padding).
  cert.serialNumber = `00${spec.serialHex.replace(/^00/, '01')}`;
  cert.validity.notBefore = spec.notBefore;
  cert.validity.notAfter = spec.notAfter;
  cert.setSubject(nameAttributes(spec.subject));
  cert.setIssuer(nameAttributes(spec.issuer ?? spec.subject));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, dataEncipherment: true },
  ]);
  const signingKey = spec.issuer?.key ?? spec.subjectKey;
  // forge assembles and hashes the TBSCertificate; the RSA operation is Node's (forge's own
  // is in JavaScript, some 30 ms a certificate). PKCS #1 v1.5 signatures are deterministic:
  // the bytes are the ones forge would make.
  const signer = {
    sign: (md: Forge.md.MessageDigest) => pkcs1v15Signature(signingKey, spec.hash, md.digest().getBytes()),
  };
  cert.sign(signer as unknown as Forge.pki.rsa.PrivateKey, forge.md[spec.hash].create());
  return forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n');
}

/** DER DigestInfo prefixes of RSASSA-PKCS1-v1_5 (RFC 8017 §9.2, note 1). */
const digestInfoPrefix: Record<CertificateSpec['hash'], Buffer> = {
  sha1: Buffer.from('3021300906052b0e03021a05000414', 'hex'),
  sha256: Buffer.from('3031300d060960864801650304020105000420', 'hex'),
  sha512: Buffer.from('3051300d060960864801650304020305000440', 'hex'),
};

/** The RSASSA-PKCS1-v1_5 signature of a digest (a binary string, as forge hands it), as a binary string. */
function pkcs1v15Signature(key: KeyObject, hash: CertificateSpec['hash'], digest: string): string {
  const digestInfo = Buffer.concat([digestInfoPrefix[hash], Buffer.from(digest, 'binary')]);
  return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo).toString('binary');
}

function nameAttributes(name: { commonName: string; organization?: string }): Forge.pki.CertificateField[] {
  const fields: Forge.pki.CertificateField[] = [{ name: 'commonName', value: name.commonName }];
  if (name.organization) fields.push({ name: 'organizationName', value: name.organization });
  return fields;
}

/** The base64 DER body of a PEM certificate, as it goes into ds:X509Certificate. */
export function certificateBody(pem: string): string {
  return pem
    .replace(/-----BEGIN CERTIFICATE-----/, '')
    .replace(/-----END CERTIFICATE-----/, '')
    .replace(/\s+/g, '');
}

/** Wraps a base64 DER body (from metadata or KeyInfo) back into PEM. */
export function certificatePem(body: string): string {
  const clean = body.replace(/\s+/g, '');
  const lines = clean.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

export function certificateFingerprint(pem: string, hash: 'sha1' | 'sha256' = 'sha256'): string {
  return createHash(hash)
    .update(Buffer.from(certificateBody(pem), 'base64'))
    .digest('hex')
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');
}

export interface CertificateSummary {
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  fingerprintSha256: string;
  serialNumber: string;
  signatureAlgorithm: string;
}

export function summarizeCertificate(pem: string): CertificateSummary {
  const x509 = new X509Certificate(pem);
  const forge = loadForge();
  const forgeCert = forge.pki.certificateFromPem(pem);
  return {
    subject: x509.subject.replace(/\n/g, ', '),
    issuer: x509.issuer.replace(/\n/g, ', '),
    notBefore: new Date(x509.validFrom).toISOString(),
    notAfter: new Date(x509.validTo).toISOString(),
    fingerprintSha256: certificateFingerprint(pem),
    serialNumber: x509.serialNumber,
    signatureAlgorithm: forge.pki.oids[forgeCert.siginfo.algorithmOid] ?? forgeCert.siginfo.algorithmOid,
  };
}
