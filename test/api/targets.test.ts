import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HarnessWithSp, startHarnessWithDemoSp } from '../ui/support/environment.ts';
import { apiClient } from './support.ts';

let env: HarnessWithSp;
let api: ReturnType<typeof apiClient>;

const metadata = (entityId: string, acs: string) => `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entityId}">
  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${acs}" index="0"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>`;

const probe = { url: 'https://imported.example/me', contains: '{{user.email}}' };

beforeAll(async () => {
  env = await startHarnessWithDemoSp();
  api = apiClient(env.url);
});
afterAll(() => env?.close());

const relyingParties = async (provider: string): Promise<string[]> =>
  (await api.get('/api/providers')).body.find((p: { id: string }) => p.id === provider).relyingParties;

describe('targets', () => {
  it('lists the config targets as read-only and refuses to change them', async () => {
    const { body } = await api.get('/api/targets');
    expect(body.find((t: { id: string }) => t.id === 'demo-sp')).toMatchObject({ source: 'config' });
    const put = await api.put('/api/targets/demo-sp', { connections: {}, probe });
    expect(put.status).toBe(409);
    expect(put.body.error.message).toContain('config file');
    expect((await api.delete('/api/targets/demo-sp')).status).toBe(409);
  });

  it('imports pasted SP metadata: registers the SP and saves a target that survives a restart', async () => {
    const imported = await api.post('/api/targets/import-metadata', {
      source: 'paste',
      provider: 'demo-okta-saml',
      metadataXml: metadata('https://imported.example/saml', 'https://imported.example/saml/acs'),
      loginUrl: 'https://imported.example/login',
      probe,
    });
    expect(imported.status).toBe(201);
    expect(imported.body.target).toMatchObject({
      id: 'imported.example',
      source: 'saved',
      sp: { provider: 'demo-okta-saml', source: 'paste' },
    });
    expect(imported.body.metadata.acsUrls).toEqual(['https://imported.example/saml/acs']);
    expect(await relyingParties('demo-okta-saml')).toContain('imported.example');

    await env.stopHarness();
    const again = await startHarnessWithDemoSp({
      stateDir: env.stateDir,
      sp: env.sp,
      port: Number(new URL(env.url).port),
    });
    const first = env;
    env = {
      ...again,
      async close() {
        await again.close();
        await first.sp.close();
        rmSync(first.stateDir, { recursive: true, force: true });
      },
    };
    api = apiClient(env.url);
    expect((await api.get('/api/targets')).body.map((t: { id: string }) => t.id)).toContain(
      'imported.example',
    );
    expect(await relyingParties('demo-okta-saml')).toContain('imported.example');

    expect((await api.delete('/api/targets/imported.example')).status).toBe(204);
    expect(await relyingParties('demo-okta-saml')).not.toContain('imported.example');
    expect((await api.get('/api/targets/imported.example')).status).toBe(404);
  });

  it('imports metadata from a URL, and describes an SP typed in by hand', async () => {
    const fromUrl = await api.post('/api/targets/import-metadata', {
      source: 'url',
      id: 'from-url',
      metadataUrl: `${env.sp.url}/saml/okta/metadata`,
      loginUrl: `${env.sp.url}/login/okta`,
      probe: { url: `${env.sp.url}/me` },
    });
    expect(fromUrl.status).toBe(201);
    expect(fromUrl.body.metadata.entityId).toBe(`${env.sp.url}/saml/okta`);
    const byHand = await api.post('/api/targets/import-metadata', {
      source: 'manual',
      id: 'by-hand',
      entityId: 'urn:example:by-hand',
      acsUrl: 'https://by-hand.example/acs',
      loginUrl: 'https://by-hand.example/login',
      probe,
    });
    expect(byHand.status).toBe(201);
    expect(byHand.body.target.sp).toMatchObject({ provider: 'demo-saml', source: 'manual' });
  });

  it('refuses bad metadata, dead metadata URLs and missing fields, naming what is wrong', async () => {
    const notMetadata = await api.post('/api/targets/import-metadata', {
      source: 'paste',
      metadataXml: '<html>login</html>',
      loginUrl: 'https://x.example/login',
      probe,
    });
    expect(notMetadata.status).toBe(400);
    expect(notMetadata.body.error).toMatchObject({ code: 'SP_METADATA_INVALID' });
    expect(notMetadata.body.error.message).toContain('not SAML metadata');

    const dead = await api.post('/api/targets/import-metadata', {
      source: 'url',
      metadataUrl: 'http://127.0.0.1:9/metadata',
      loginUrl: 'https://x.example/login',
      probe,
    });
    expect(dead.status).toBe(422);
    expect(dead.body.error.message).toContain(
      'could not fetch the SP metadata from http://127.0.0.1:9/metadata',
    );

    const missing = await api.post('/api/targets/import-metadata', {
      source: 'paste',
      metadataXml: 'x',
      probe,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('loginUrl');

    const badTarget = await api.put('/api/targets/mine', {
      connections: { a: { provider: 'nope', loginUrl: 'https://x.example' } },
      probe,
    });
    expect(badTarget.status).toBe(400);
    expect(badTarget.body.error.message).toContain('provider "nope"');
    expect((await api.get('/api/targets')).status).toBe(200);
  });

  it('saves and edits a target by hand', async () => {
    const target = {
      displayName: 'Mine',
      connections: {
        google: { provider: 'demo-google', client: 'demo-sp-google', loginUrl: `${env.sp.url}/login/google` },
      },
      probe: { url: `${env.sp.url}/me` },
    };
    expect((await api.put('/api/targets/mine', target)).status).toBe(201);
    const edited = await api.put('/api/targets/mine', { ...target, displayName: 'Mine, edited' });
    expect(edited.status).toBe(200);
    expect((await api.get('/api/targets/mine')).body.target.displayName).toBe('Mine, edited');
  });

  it('validates a login URL: what the SP sent, decoded; a dead SP is a 4xx that says so', async () => {
    const ok = await api.post('/api/targets/demo-sp/validate', { connection: 'saml' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      ok: true,
      status: 302,
      request: { kind: 'AuthnRequest', binding: 'HTTP-Redirect', provider: 'demo-saml' },
    });
    expect(ok.body.request.decoded).toContain('AssertionConsumerServiceURL');

    const oidc = await api.post('/api/targets/demo-sp/validate', { connection: 'google' });
    expect(oidc.body).toMatchObject({
      ok: true,
      request: { kind: 'authorization request', provider: 'demo-google' },
    });
    expect(JSON.parse(oidc.body.request.decoded)).toMatchObject({
      client_id: 'demo-sp-google',
      response_type: 'code',
    });

    await api.put('/api/targets/dead', {
      connections: { a: { provider: 'demo-saml', sp: 'demo-sp', loginUrl: 'http://127.0.0.1:9/login' } },
      probe,
    });
    const dead = await api.post('/api/targets/dead/validate');
    expect(dead.status).toBe(422);
    expect(dead.body.error.message).toContain('could not reach the login URL http://127.0.0.1:9/login');
    expect(dead.body.error.hint).toContain('Is the SP running');

    expect((await api.post('/api/targets/demo-sp/validate', { connection: 'nope' })).status).toBe(400);
    expect((await api.post('/api/targets/nope/validate')).status).toBe(404);
  });
});
