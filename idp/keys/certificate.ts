import { createHash, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
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
  const forgeKey = forge.pki.privateKeyFromPem(
    signingKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  cert.sign(forgeKey as Forge.pki.rsa.PrivateKey, forge.md[spec.hash].create());
  return forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n');
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
