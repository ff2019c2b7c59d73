import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSpMetadata } from '../../../idp/saml/index.ts';
import { metadataFor } from '../../../idp/saml/metadata-command.ts';
import { attributeOf, childElements, descendants, parseXml, textOf } from '../../../lib/xml.ts';
import { startTestIdp, type TestIdp, tempDir } from '../../support/idp.ts';
import { makeSpKeys, SamlTestSp } from '../../support/saml-sp.ts';

const signing = makeSpKeys('md-sp-signing');
const encryption = makeSpKeys('md-sp-encryption');

/** SP metadata as node-saml writes it for itself: a real SP library's view of its own settings. */
async function nodeSamlMetadata(name: string): Promise<string> {
  const sp = await SamlTestSp.create({
    idpUrl: 'http://unused.test',
    providerId: 'x',
    entityId: `https://${name}.test/metadata`,
    acsUrl: `https://${name}.test/acs`,
    sloUrl: `https://${name}.test/slo`,
    idpCert: signing.certificate,
    privateKey: signing.privateKey,
    decryptionPvk: encryption.privateKey,
  });
  return sp.saml.generateServiceProviderMetadata(encryption.certificate, signing.certificate);
}

describe('SAML metadata', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  let metadataServer: Server;
  let metadataUrl: string;
  const dir = tempDir();

  beforeAll(async () => {
    writeFileSync(join(dir, 'file-sp.xml'), await nodeSamlMetadata('file-sp'));
    const urlSpMetadata = await nodeSamlMetadata('url-sp');
    metadataServer = createServer((_req, res) => res.end(urlSpMetadata));
    await new Promise<void>((resolve) => metadataServer.listen(0, '127.0.0.1', resolve));
    metadataUrl = `http://127.0.0.1:${(metadataServer.address() as AddressInfo).port}/metadata`;
    idp = await startTestIdp(
      {
        providers: {
          idp: {
            protocol: 'saml',
            displayName: 'Test IdP',
            wantAuthnRequestsSigned: true,
            sps: {
              fileSp: { metadataFile: 'file-sp.xml', encryptAssertion: true },
              urlSp: { metadataUrl },
            },
          },
        },
        users: { alice: { email: 'alice@example.com' } },
      },
      { baseDir: dir },
    );
  });
  afterAll(async () => {
    await idp.stop();
    metadataServer.close();
  });

  it('serves IdP metadata with both bindings, both key uses, SLO and NameID formats', async () => {
    const response = await fetch(`${idp.url}/saml/idp/metadata`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/samlmetadata+xml');
    expect(response.headers.get('content-disposition')).toBeNull();
    const doc = parseXml(await response.text());
    const entity = doc.documentElement!;
    expect(entity.getAttribute('entityID')).toBe(`${idp.url}/saml/idp`);
    const descriptor = childElements(entity, 'IDPSSODescriptor')[0]!;
    expect(descriptor.getAttribute('WantAuthnRequestsSigned')).toBe('true');
    expect(childElements(descriptor, 'KeyDescriptor').map((k) => attributeOf(k, 'use'))).toEqual([
      'signing',
      'encryption',
    ]);
    const services = (name: string) =>
      childElements(descriptor, name).map(
        (e) => `${attributeOf(e, 'Binding')?.split(':').pop()} ${e.getAttribute('Location')}`,
      );
    expect(services('SingleSignOnService')).toEqual([
      `HTTP-Redirect ${idp.url}/saml/idp/sso`,
      `HTTP-POST ${idp.url}/saml/idp/sso`,
    ]);
    expect(services('SingleLogoutService')).toEqual([
      `HTTP-Redirect ${idp.url}/saml/idp/slo`,
      `HTTP-POST ${idp.url}/saml/idp/slo`,
    ]);
    expect(childElements(descriptor, 'NameIDFormat').map((e) => textOf(e))[0]).toBe(
      'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    );
    const download = await fetch(`${idp.url}/saml/idp/metadata?download=1`);
    expect(download.headers.get('content-disposition')).toMatch(
      /attachment; filename="idp-idp-metadata.xml"/,
    );
    expect(download.headers.get('content-type')).toContain('application/samlmetadata+xml');
    const pem = await fetch(`${idp.url}/saml/idp/certificate.pem`);
    expect(await pem.text()).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('prints the same metadata from the CLI command without a server', async () => {
    const file = join(dir, 'sso-harness.config.json');
    writeFileSync(
      file,
      JSON.stringify({
        stateDir: join(dir, 'cli-state'),
        providers: { one: { protocol: 'saml' }, two: { protocol: 'saml', entityId: 'urn:two' } },
      }),
    );
    const text = await metadataFor({ config: file, provider: 'two', baseUrl: 'https://idp.example' });
    expect(text).toContain('entityID="urn:two"');
    expect(text).toContain('Location="https://idp.example/saml/two/sso"');
    await expect(metadataFor({ config: file, provider: 'nope' })).rejects.toThrow(/no SAML provider "nope"/);
  });

  it('parses SP metadata: entityID, ACS, SLO, signing and encryption certificates, flags', async () => {
    const parsed = parseSpMetadata(await nodeSamlMetadata('parsed'));
    expect(parsed.entityId).toBe('https://parsed.test/metadata');
    expect(parsed.acs).toEqual([
      {
        url: 'https://parsed.test/acs',
        binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
        index: 1,
        isDefault: true,
      },
    ]);
    expect(parsed.slo.map((s) => s.url)).toEqual(['https://parsed.test/slo']);
    expect(parsed.signingCertificates).toHaveLength(1);
    expect(parsed.encryptionCertificates).toHaveLength(1);
    expect(parsed.signingCertificates[0]!.replace(/\s/g, '')).toBe(signing.certificate.replace(/\s/g, ''));
    expect(parsed.authnRequestsSigned).toBe(true);
    expect(parsed.wantAssertionsSigned).toBe(true);
  });

  it('refuses unusable SP metadata with a message naming the problem', () => {
    expect(() => parseSpMetadata('<nope/>')).toThrow(/not SAML metadata: the root element is <nope>/);
    expect(() => parseSpMetadata('<!DOCTYPE x><x/>')).toThrow(/DOCTYPE/);
    expect(() => parseSpMetadata('<<<')).toThrow(/not well-formed/);
    const noAcs =
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:x"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>';
    expect(() => parseSpMetadata(noAcs)).toThrow(/lists no AssertionConsumerService/);
  });

  it('logs into SPs configured from a metadata file and a metadata URL (signed requests, encrypted assertion)', async () => {
    const fromFile = await SamlTestSp.create({
      idpUrl: idp.url,
      providerId: 'idp',
      entityId: 'https://file-sp.test/metadata',
      acsUrl: 'https://file-sp.test/acs',
      privateKey: signing.privateKey,
      decryptionPvk: encryption.privateKey,
    });
    const file = await fromFile.login({ user: 'alice' });
    expect(file.profile.nameID).toBe('alice@example.com');
    expect(file.xml).toContain('EncryptedAssertion');

    const fromUrl = await SamlTestSp.create({
      idpUrl: idp.url,
      providerId: 'idp',
      entityId: 'https://url-sp.test/metadata',
      acsUrl: 'https://url-sp.test/acs',
      privateKey: signing.privateKey,
    });
    expect((await fromUrl.login({ user: 'alice' })).profile.nameID).toBe('alice@example.com');
    // Unsigned requests are refused: the metadata says the SP signs them.
    const unsigned = await SamlTestSp.create({
      idpUrl: idp.url,
      providerId: 'idp',
      entityId: 'https://url-sp.test/metadata',
      acsUrl: 'https://url-sp.test/acs',
    });
    expect((await unsigned.startLogin()).status).toBe(400);
  });

  it('adds, replaces and removes SPs at run time through the provider handle', async () => {
    const handle = idp.providers.get('idp')!.saml!;
    expect(handle.listSps().map((s) => s.name)).toEqual(['fileSp', 'urlSp']);
    const client = await SamlTestSp.create({
      idpUrl: idp.url,
      providerId: 'idp',
      entityId: 'https://uploaded.test/metadata',
      acsUrl: 'https://uploaded.test/acs',
      privateKey: signing.privateKey,
    });
    expect((await client.startLogin()).status).toBe(403);

    const added = await handle.putSp('uploaded', {}, { metadataXml: await nodeSamlMetadata('uploaded') });
    expect(added.entityId).toBe('https://uploaded.test/metadata');
    expect(added.source).toBe('metadata');
    expect((await client.login({ user: 'alice' })).profile.nameID).toBe('alice@example.com');

    await handle.putSp('uploaded', {
      entityId: 'https://uploaded.test/metadata',
      acsUrls: ['https://uploaded.test/new-acs'],
      certificate: signing.certificate,
    });
    const moved = await client.startLogin();
    expect(moved.status).toBe(400);
    expect(moved.body).toContain('https://uploaded.test/new-acs');

    await expect(handle.putSp('bad', {}, { metadataXml: '<x/>' })).rejects.toThrow(/not SAML metadata/);
    await expect(handle.putSp('bad', { acsUrls: ['not a url'] })).rejects.toThrow(
      /invalid settings for SP "bad"/,
    );
    expect(handle.removeSp('uploaded')).toBe(true);
    expect((await client.startLogin()).status).toBe(403);
    expect(handle.idpInitiatedUrl('fileSp', '/x')).toBe(
      `${idp.url}/saml/idp/idp-init?sp=fileSp&RelayState=%2Fx`,
    );
    const info = await idp.providers.get('idp')!.info();
    expect(info.relyingParties).toEqual(['fileSp', 'urlSp']);
  });

  it('records decoded, indented XML in the trace', () => {
    const entry = idp.context.trace
      .list({ provider: 'idp' })
      .find((e) => e.kind === 'AuthnRequest' && !e.error);
    expect(entry?.protocol).toBe('saml');
    expect(entry?.direction).toBe('in');
    expect(entry?.decoded).toMatch(/^<samlp:AuthnRequest[^\n]*>\n {2}<saml:Issuer/);
    const response = idp.context.trace.list({ provider: 'idp' }).find((e) => e.kind === 'Response');
    expect(response?.direction).toBe('out');
    expect(response?.method).toBe('POST');
    expect(response?.url).toMatch(/^https:\/\/file-sp.test\/acs$|^https:\/\/url-sp.test\/acs$/);
    expect(Buffer.from(response!.raw!, 'base64').toString()).toContain('samlp:Response');
    expect(descendants(parseXml(response!.decoded!), 'Status')).toHaveLength(1);
  });
});
