/**
 * One RSA-2048 key and a self-signed certificate for the peers, written once per bench run
 * so every peer starts with its keys on disk (as the harness does on a warm start).
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

/** Paths of the key (PKCS#8 PEM), certificate (PEM) and private JWK (JSON) files. */
export interface PeerKeyFiles {
  key: string;
  cert: string;
  jwk: string;
}

/** Writes the key files into `dir`. */
export function writePeerKeys(dir: string): PeerKeyFiles {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ format: 'pem', type: 'spki' }).toString());
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const name = [{ name: 'commonName', value: 'bench-peer' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  const files = {
    key: join(dir, 'peer-key.pem'),
    cert: join(dir, 'peer-cert.pem'),
    jwk: join(dir, 'peer-jwk.json'),
  };
  writeFileSync(files.key, keyPem);
  writeFileSync(files.cert, forge.pki.certificateToPem(cert));
  writeFileSync(
    files.jwk,
    JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' }),
  );
  return files;
}
