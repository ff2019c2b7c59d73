import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyFactory } from '../../../idp/keys/factory.ts';
import { seededEcKey, seededRsaKey } from '../../../idp/keys/seeded.ts';
import { tempDir } from '../../support/idp.ts';

const digest = (key: ReturnType<typeof seededRsaKey>) =>
  createHash('sha256')
    .update(key.export({ format: 'der', type: 'pkcs8' }))
    .digest('hex');

describe('seeded keys', () => {
  // Made by earlier versions (every candidate tested by OpenSSL's checkPrime): an SP that
  // registered a certificate from a seed must find the same key after an upgrade.
  it('derives the same keys as earlier versions did from the same seed and label', () => {
    expect(digest(seededRsaKey('ref-seed', 'c/weak', 1024))).toBe(
      '4143b8d9f25a324e725085c78f488ae477e1d859d386fd7c1c30de80f0835ce1',
    );
    expect(digest(seededRsaKey('ref-seed', 'a/primary', 2048))).toBe(
      '57889b1431731449b246947c2ec8c0f5365cb7ae0e4f0109e3795c14a2a5ad32',
    );
    expect(digest(seededEcKey('ref-seed', 'x/ec'))).toBe(
      '153aaa2a5b3a0a34372e08db68432e9ceb69c14f9723424fbb8f5cbf0ed2ba0f',
    );
  });

  it('issues the same certificates as earlier versions did (forge signed them in JavaScript then)', async () => {
    const keys = new KeyFactory({
      dir: tempDir(),
      seed: 'cert-ref',
      rsaBits: 2048,
      epoch: '2025-01-01T00:00:00Z',
    });
    const certificate = async (kind: string) =>
      createHash('sha256')
        .update((await keys.get('p', kind)).certificatePem!)
        .digest('hex');
    expect(await certificate('current')).toBe(
      'd0a94b7853943c30748c0df3ae23fe6a9a9203f26ba3077ffb5e3776b48b0af6',
    );
    expect(await certificate('sha1')).toBe(
      'ea06de1740e40d17647a26d8de9d18cf6d0fb173fff3fec39ec16a73005039b0',
    );
  });

  it('makes a valid RSA key of the asked size', () => {
    const key = seededRsaKey('another-seed', 'p/primary', 2048);
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(key.asymmetricKeyDetails?.publicExponent).toBe(65537n);
  });
});
