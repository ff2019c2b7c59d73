import { X509Certificate } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyFactory, keyKindNames, summarizeCertificate } from '../../../idp/keys/index.ts';
import { tempDir } from '../../support/idp.ts';

const options = (dir: string, seed?: string) => ({ dir, seed, rsaBits: 2048, epoch: '2025-01-01T00:00:00Z' });

describe('KeyFactory', () => {
  it('makes every kind with the promised properties', async () => {
    const keys = new KeyFactory(options(tempDir()));
    const now = Date.now();
    const current = await keys.get('idp', 'current');
    const kindPem: Record<string, string> = {};
    for (const kind of keyKindNames) {
      const material = await keys.get('idp', kind);
      if (material.certificatePem) kindPem[kind] = material.certificatePem;
    }
    const cert = (kind: string) => new X509Certificate(kindPem[kind]!);
    expect(Date.parse(cert('current').validTo)).toBeGreaterThan(now);
    expect(Date.parse(cert('current').validFrom)).toBeLessThan(now);
    expect(Date.parse(cert('expired').validTo)).toBeLessThan(now);
    expect(Date.parse(cert('not-yet-valid').validFrom)).toBeGreaterThan(now);
    expect(summarizeCertificate(kindPem.sha1!).signatureAlgorithm).toBe('sha1WithRSAEncryption');
    expect(summarizeCertificate(kindPem.current!).signatureAlgorithm).toBe('sha256WithRSAEncryption');
    expect((await keys.get('idp', 'weak')).privateKey.asymmetricKeyDetails?.modulusLength).toBe(1024);
    expect((await keys.get('idp', 'ec')).alg).toBe('ES256');
    // expired, not-yet-valid and sha1 share the current key; rogue has its own key but the same subject.
    expect((await keys.get('idp', 'expired')).kid).toBe(current.kid);
    const rogue = await keys.get('idp', 'rogue');
    expect(rogue.kid).not.toBe(current.kid);
    expect(cert('rogue').subject).toBe(cert('current').subject);
    expect((await keys.get('idp', 'next')).kid).not.toBe(current.kid);
  });

  it('keeps keys across restarts', async () => {
    const dir = tempDir();
    const first = await new KeyFactory(options(dir)).get('idp', 'current');
    const second = await new KeyFactory(options(dir)).get('idp', 'current');
    expect(second.certificatePem).toBe(first.certificatePem);
    expect(second.privateKeyPem).toBe(first.privateKeyPem);
  });

  it('derives identical keys and certificates from a seed on an empty machine', async () => {
    const a = await new KeyFactory(options(tempDir(), 'project-seed-1')).get('idp', 'current');
    const b = await new KeyFactory(options(tempDir(), 'project-seed-1')).get('idp', 'current');
    const other = await new KeyFactory(options(tempDir(), 'project-seed-2')).get('idp', 'current');
    expect(b.certificatePem).toBe(a.certificatePem);
    expect(other.certificatePem).not.toBe(a.certificatePem);
  });

  it('refuses a corrupt key file instead of regenerating it', async () => {
    const dir = tempDir();
    await new KeyFactory(options(dir)).get('idp', 'current');
    writeFileSync(join(dir, 'idp', 'primary.key.pem'), 'garbage');
    await expect(new KeyFactory(options(dir)).get('idp', 'current')).rejects.toMatchObject({
      code: 'KEY_FILE_CORRUPT',
    });
    expect(readFileSync(join(dir, 'idp', 'primary.key.pem'), 'utf8')).toBe('garbage');
  });

  it('refuses a certificate that does not match its key, and keys from another provider or seed', async () => {
    const dir = tempDir();
    const keys = new KeyFactory(options(dir));
    await keys.get('a', 'current');
    await keys.get('b', 'current');
    cpSync(join(dir, 'b', 'current.cert.pem'), join(dir, 'a', 'current.cert.pem'));
    await expect(new KeyFactory(options(dir)).get('a', 'current')).rejects.toMatchObject({
      code: 'KEY_FILE_FOREIGN',
    });
    await expect(new KeyFactory(options(dir, 'a-seed-now')).get('b', 'current')).rejects.toThrow(
      /made at random/,
    );
  });

  it('names the known kinds for an unknown one', async () => {
    await expect(new KeyFactory(options(tempDir())).get('idp', 'shiny')).rejects.toThrow(
      /unknown key kind "shiny"; known kinds: current, next/,
    );
  });
});
