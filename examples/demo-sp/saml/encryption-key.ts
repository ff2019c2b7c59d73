import { createHash } from 'node:crypto';
import { createCertificate } from '../../../idp/keys/certificate.ts';
import { seededRsaKey } from '../../../idp/keys/seeded.ts';

/** The demo SP's key for encrypted assertions (PKCS#8 PEM) and its self-signed certificate. */
export interface DemoEncryptionKey {
  privateKey: string;
  certificate: string;
}

let memo: DemoEncryptionKey | undefined;

/**
 * The demo SP's encryption key: derived from a fixed seed, so the harness side of the
 * demo (which registers the certificate) and the SP (which decrypts) agree in any
 * process, across restarts, without a key file. A demo key, public by construction:
 * never use it for anything but the demo.
 */
export function demoEncryptionKey(): DemoEncryptionKey {
  if (memo) return memo;
  const key = seededRsaKey('sso-harness demo SP (public test key)', 'saml-encryption', 2048);
  const certificate = createCertificate({
    subjectKey: key,
    subject: { commonName: 'sso-harness demo SP encryption (test key)' },
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2125-01-01T00:00:00Z'),
    hash: 'sha256',
    serialHex: createHash('sha256').update('demo-sp saml-encryption').digest('hex').slice(0, 16),
  });
  memo = { privateKey: key.export({ type: 'pkcs8', format: 'pem' }).toString(), certificate };
  return memo;
}
