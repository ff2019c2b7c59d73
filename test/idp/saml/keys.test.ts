import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../../config/schema.ts';
import { startTestIdp, tempDir } from '../../support/idp.ts';
import { idpCertificateFromMetadata, SamlTestSp } from '../../support/saml-sp.ts';

const config = (seed?: string): ConfigInput => ({
  keys: seed ? { seed } : {},
  providers: {
    idp: {
      protocol: 'saml',
      // A fixed entityID: the port changes between runs, the SP's trust must not.
      entityId: 'https://idp.example/saml',
      sps: { app: { entityId: 'https://app.test/metadata', acsUrls: ['https://app.test/acs'] } },
    },
  },
  users: { alice: { email: 'alice@example.com' } },
});

/** Logs in with a node-saml SP that trusts exactly `idpCert`. */
async function loginTrusting(idpUrl: string, idpCert: string) {
  const sp = await SamlTestSp.create({
    idpUrl,
    providerId: 'idp',
    entityId: 'https://app.test/metadata',
    acsUrl: 'https://app.test/acs',
    idpCert,
    saml: { idpIssuer: 'https://idp.example/saml' },
  });
  return (await sp.login({ user: 'alice' })).profile;
}

describe('SAML signing keys', () => {
  const stops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const stop of stops) await stop();
  });

  it('survive a restart unchanged (same state folder)', async () => {
    const stateDir = tempDir();
    const first = await startTestIdp(config(), { stateDir });
    const cert = await idpCertificateFromMetadata(`${first.url}/saml/idp/metadata`);
    const keyFile = readFileSync(join(stateDir, 'keys', 'idp', 'primary.key.pem'), 'utf8');
    await first.stop();

    const second = await startTestIdp(config(), { stateDir });
    stops.push(second.stop);
    expect(await idpCertificateFromMetadata(`${second.url}/saml/idp/metadata`)).toBe(cert);
    expect(readFileSync(join(stateDir, 'keys', 'idp', 'primary.key.pem'), 'utf8')).toBe(keyFile);
    expect((await loginTrusting(second.url, cert)).nameID).toBe('alice@example.com');
  });

  it('are the same on a second machine with the same keys.seed, so the SP still trusts the IdP', async () => {
    const seed = 'shared-project-seed-42';
    const first = await startTestIdp(config(seed));
    const cert = await idpCertificateFromMetadata(`${first.url}/saml/idp/metadata`);
    expect((await loginTrusting(first.url, cert)).nameID).toBe('alice@example.com');
    await first.stop();

    const secondMachine = await startTestIdp(config(seed));
    stops.push(secondMachine.stop);
    expect(await idpCertificateFromMetadata(`${secondMachine.url}/saml/idp/metadata`)).toBe(cert);
    expect((await loginTrusting(secondMachine.url, cert)).nameID).toBe('alice@example.com');

    // Without the seed the second machine makes other keys, and the same SP refuses them.
    const unseeded = await startTestIdp(config());
    stops.push(unseeded.stop);
    await expect(loginTrusting(unseeded.url, cert)).rejects.toThrow(/Invalid (document )?signature/);
  });

  it('are published with their validity in info() and as certificate.pem', async () => {
    const idp = await startTestIdp(config());
    stops.push(idp.stop);
    const info = await idp.providers.get('idp')!.info();
    expect(info.certificates.map((c) => c.use)).toEqual(['signing', 'encryption']);
    expect(Date.parse(info.certificates[0]!.notAfter)).toBeGreaterThan(Date.now());
    const pem = await (await fetch(`${idp.url}/saml/idp/certificate.pem`)).text();
    expect(pem.replace(/\s+/g, '')).toBe(
      (await idpCertificateFromMetadata(`${idp.url}/saml/idp/metadata`)).replace(/\s+/g, ''),
    );
  });
});
