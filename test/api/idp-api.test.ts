import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiDir } from '../../runner/serve-command.ts';
import { type HarnessWithSp, startHarnessWithDemoSp } from '../ui/support/environment.ts';
import { apiClient, readEvents } from './support.ts';

let env: HarnessWithSp;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  env = await startHarnessWithDemoSp();
  api = apiClient(env.url);
});
afterAll(() => env?.close());

describe('providers', () => {
  it('lists every provider with its URLs and certificates', async () => {
    const { status, body } = await api.get('/api/providers');
    expect(status).toBe(200);
    const saml = body.find((p: { id: string }) => p.id === 'demo-saml');
    expect(saml).toMatchObject({
      protocol: 'saml',
      metadataUrl: `${env.url}/saml/demo-saml/metadata`,
      disabled: false,
    });
    expect(saml.certificates[0].notAfter).toMatch(/^\d{4}-/);
    expect(body.some((p: { protocol: string }) => p.protocol === 'oidc')).toBe(true);
  });

  it('downloads a certificate as PEM, and names the kinds it knows otherwise', async () => {
    const pem = await api.get('/api/providers/demo-saml/certificate/current');
    expect(pem.status).toBe(200);
    expect(pem.headers.get('content-disposition')).toContain('demo-saml-current.pem');
    expect(new X509Certificate(pem.text).subject).toContain('demo-saml');
    const unknownKind = await api.get('/api/providers/demo-saml/certificate/bogus');
    expect(unknownKind.status).toBe(404);
    expect(unknownKind.body.error.hint).toContain('expired');
    const unknownProvider = await api.get('/api/providers/nope/certificate/current');
    expect(unknownProvider.status).toBe(404);
    expect(unknownProvider.body.error).toMatchObject({ code: 'UNKNOWN_PROVIDER' });
  });

  it('lists the directory users without their attributes', async () => {
    const { body } = await api.get('/api/users');
    expect(body.find((u: { id: string }) => u.id === 'alice')).toEqual({
      id: 'alice',
      email: 'alice@example.com',
      displayName: 'Alice Admin',
      disabled: false,
    });
  });
});

describe('trace', () => {
  it('streams a login as it happens, lists it, and clears', async () => {
    await api.delete('/api/trace');
    const events = await readEvents(
      `${env.url}/api/trace/stream`,
      (e) => e.some((x) => x.event === 'entry'),
      {
        onOpen: () => fetch(`${env.sp.url}/login/saml`, { redirect: 'follow' }),
      },
    );
    const entry = events.find((e) => e.event === 'entry')!.data as {
      kind: string;
      provider: string;
      decoded: string;
    };
    expect(entry).toMatchObject({ kind: 'AuthnRequest', provider: 'demo-saml' });
    expect(entry.decoded).toContain('<samlp:AuthnRequest');

    const listed = await api.get('/api/trace?provider=demo-saml');
    expect(listed.body.length).toBeGreaterThan(0);
    const since = await api.get(`/api/trace?since=${listed.body.at(-1).id}`);
    expect(since.body).toEqual([]);
    expect((await api.get('/api/trace?since=yesterday')).status).toBe(400);

    expect((await api.delete('/api/trace')).status).toBe(204);
    expect((await api.get('/api/trace')).body).toEqual([]);
  });

  it('exports the trace with secrets masked', async () => {
    // A request whose URL carries secrets: the live trace keeps it as sent, the export must not.
    await fetch(`${env.url}/oidc/demo-google/nowhere?code=zzz-code&password=hunter2`);
    expect((await api.get('/api/trace')).text).toContain('hunter2');
    const exported = await api.get('/api/trace/export');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    expect(exported.body.schema).toBe('sso-harness/trace@1');
    expect(exported.body.entries.length).toBeGreaterThan(0);
    expect(exported.text).not.toContain('hunter2');
    expect(exported.text).not.toContain('zzz-code');
  });
});

describe('the API as a whole', () => {
  it('answers unknown paths and bad JSON with a 4xx that names the problem, and keeps serving', async () => {
    const unknown = await api.get('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('/api/nothing-here');
    const malformed = await api.post('/api/runs', '{"target": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/not valid JSON/);
    const wrongType = await api.post('/api/runs', 'target=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    // A form post is what a page on another site can send without a preflight: refused.
    expect(wrongType.status).toBe(403);
    const wrongMethod = await api.post('/api/providers', {});
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
    expect((await api.delete('/api/runs')).status).toBe(405);
    expect((await api.get('/api/about')).body).toMatchObject({ name: 'sso-harness', baseUrl: env.url });
  });

  it('serves the built UI with its content types and answers UI paths with the app', async () => {
    if (!existsSync(join(uiDir, 'index.html'))) return;
    const index = await fetch(`${env.url}/`);
    expect(index.headers.get('content-type')).toContain('text/html');
    const html = await index.text();
    expect(html).toContain('<sso-app>');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const script = await fetch(`${env.url}${asset}`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(script.headers.get('cache-control')).toContain('immutable');
    const deep = await fetch(`${env.url}/runs/some-run/results/saml.audience.wrong%20%40%20demo-sp`, {
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(await deep.text()).toContain('<sso-app>');
    const notAPage = await fetch(`${env.url}/runs/some-run`, { headers: { accept: '*/*' } });
    expect(notAPage.status).toBe(404);
    const traversal = await fetch(`${env.url}/assets/..%2f..%2fpackage.json`);
    expect(await traversal.text()).not.toContain('"name": "sso-harness"');
    const missingAsset = await fetch(`${env.url}/assets/nope.js`);
    expect(missingAsset.status).toBe(404);
  });
});
