import { createServer, type Server } from 'node:http';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../config/load.ts';
import { type ApiHarness, startApiHarness } from '../support/api-harness.ts';
import { apiClient } from './support.ts';

let idp: ApiHarness;
let api: ReturnType<typeof apiClient>;
const probe = { url: 'http://127.0.0.1:9/me', contains: '{{user.email}}' };

beforeAll(async () => {
  idp = await startApiHarness();
  api = apiClient(idp.url);
  const saved = await api.put('/api/targets/app', {
    connections: { saml: { provider: 'demo-saml', sp: 'app', loginUrl: 'http://127.0.0.1:9/login' } },
    probe,
  });
  expect(saved.status).toBe(201);
});
afterAll(() => idp?.stop());

describe('script in URLs', () => {
  it('refuses a javascript: ACS URL typed in, in pasted metadata, and in the config', async () => {
    const manual = await api.post('/api/targets/import-metadata', {
      source: 'manual',
      provider: 'demo-saml',
      entityId: 'https://evil.example/sp',
      acsUrl: 'javascript:alert(document.domain)//',
      loginUrl: 'http://127.0.0.1:9/login',
      probe,
    });
    expect(manual.status).toBe(400);
    expect(manual.body.error.message).toMatch(/acsUrl.*http/);
    const metadataXml = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://evil.example/sp"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="javascript:alert(document.domain)//" index="0"/></md:SPSSODescriptor></md:EntityDescriptor>`;
    const pasted = await api.post('/api/targets/import-metadata', {
      source: 'paste',
      provider: 'demo-saml',
      metadataXml,
      loginUrl: 'http://127.0.0.1:9/login',
      probe,
    });
    expect(pasted.status).toBe(400);
    expect(pasted.body.error.message).toContain('is not an http(s) URL');
    expect(() =>
      validateConfig({
        providers: {
          p: { protocol: 'saml', sps: { s: { entityId: 'x', acsUrls: ['javascript:alert(1)//'] } } },
        },
      }),
    ).toThrow(/acsUrls\[0\]: expected an absolute URL \(http or https\)/);
    expect(() =>
      validateConfig({
        providers: { o: { protocol: 'oidc', clients: { c: { redirectUris: ['data:text/html,x'] } } } },
      }),
    ).toThrow(/redirectUris/);
  });

  it('refuses a script URL as RelayState of an IdP-initiated login', async () => {
    const answer = await fetch(
      `${idp.url}/saml/demo-saml/idp-init?sp=app&RelayState=${encodeURIComponent('JavaScript:alert(1)')}`,
    );
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('URL_SCHEME_REFUSED');
  });
});

describe('user regexes', () => {
  it('matches grep with RE2, linear by construction: the pattern that stalled the server answers, and backtracking-only syntax is refused', async () => {
    const answer = await api.post('/api/runs', {
      target: 'app',
      protocol: 'oidc',
      grep: '^(\\w+\\s?){1,12}$',
    });
    // The app target has only a SAML connection: nothing to run, but every id and title was matched.
    expect([202, 400]).toContain(answer.status);
    const unsupported = await api.post('/api/runs', { target: 'app', grep: '(?=x)' });
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.error.message).toMatch(/RE2 syntax/);
  });
});

describe('prototype keys as ids', () => {
  it('finds nothing under constructor, toString or __proto__, and says so with a 4xx', async () => {
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect((await api.get(`/api/targets/${id}`)).status, `target ${id}`).toBe(404);
      expect((await api.post('/api/runs', { target: id, suite: 'default' })).status, `run ${id}`).toBe(404);
      const suite = await api.post('/api/runs', { target: 'app', suite: id });
      expect(suite.status, `suite ${id}`).toBe(400);
      expect((await api.post('/api/flows', { provider: id, user: 'alice' })).status, `provider ${id}`).toBe(
        404,
      );
      expect((await api.post('/api/flows', { provider: 'demo-saml', user: id })).status, `user ${id}`).toBe(
        404,
      );
      const fault = await api.post('/api/flows', {
        provider: 'demo-saml',
        user: 'alice',
        faults: [{ fault: id }],
      });
      expect(fault.status, `fault ${id}`).toBe(400);
      expect((await api.get(`/api/runs/${id}`)).status, `history ${id}`).toBe(404);
      expect((await fetch(`${idp.url}/saml/${id}/metadata`)).status).toBe(404);
    }
    const targets = await api.get('/api/targets');
    expect(targets.body.map((t: { id: string }) => t.id)).toEqual(['app']);
  });
});

describe('metadata import by URL', () => {
  let source: Server;
  let sourceUrl = '';
  let sent = 0;
  beforeAll(async () => {
    source = createServer((req, res) => {
      if (req.url === '/redirect') {
        res.writeHead(302, { location: '/redirect' }).end();
        return;
      }
      // 200 MiB, made as it is read and never held: it stops when the client hangs up.
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let left = 200 * 1024 * 1024;
      res.writeHead(200, { 'content-type': 'application/xml' });
      const pump = () => {
        while (left > 0) {
          left -= chunk.length;
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => {
        left = 0;
      });
      pump();
    });
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    sourceUrl = `http://127.0.0.1:${(source.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => source.close(() => resolve())));

  const importFrom = (metadataUrl: string) =>
    api.post('/api/targets/import-metadata', {
      source: 'url',
      provider: 'demo-saml',
      metadataUrl,
      loginUrl: 'http://127.0.0.1:9/login',
      probe,
    });

  it('stops reading a 200 MiB body at the 1 MiB limit', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const answer = await importFrom(`${sourceUrl}/big`);
    expect(answer.status).toBe(422);
    expect(answer.body.error.message).toMatch(/over the limit of 1048576 bytes/);
    expect(sent).toBeLessThan(32 * 1024 * 1024);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('follows at most 3 redirects and refuses numeric shorthand and link-local addresses', async () => {
    expect((await importFrom(`${sourceUrl}/redirect`)).body.error.message).toMatch(/more than 3 redirects/);
    const hex = await importFrom('http://0x7f000001:9/metadata');
    expect(hex.status).toBe(422);
    expect(hex.body.error.message).toMatch(/numeric shorthand/);
    expect((await importFrom('http://2130706433/metadata')).body.error.message).toMatch(/numeric shorthand/);
    expect((await importFrom('http://169.254.169.254/latest/meta-data')).body.error.message).toMatch(
      /link-local/,
    );
  });
});

describe('message size and shape', () => {
  const redirect = (xml: string) =>
    fetch(
      `${idp.url}/saml/demo-saml/sso?SAMLRequest=${encodeURIComponent(deflateRawSync(Buffer.from(xml)).toString('base64'))}`,
    );

  it('refuses deeply nested XML before parsing it', async () => {
    const depth = 100_000;
    const xml = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1">${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</samlp:AuthnRequest>`;
    const answer = await redirect(xml);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('XML_TOO_COMPLEX');
    const metadata = await api.post('/api/targets/import-metadata', {
      source: 'paste',
      provider: 'demo-saml',
      metadataXml: `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x">${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</md:EntityDescriptor>`,
      loginUrl: 'http://127.0.0.1:9/login',
      probe,
    });
    expect(metadata.status).toBe(400);
    expect(metadata.body.error.message).toMatch(/deeper than 64 levels/);
  });

  it('reads a redirect-binding message of 50 KB of URL instead of answering 431', async () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `<x${i} a="${(i * 7919).toString(36)}"/>`).join('');
    const xml = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_big" Version="2.0" IssueInstant="2026-01-01T00:00:00Z"><saml:Issuer>https://unknown.example</saml:Issuer><samlp:Extensions>${filler}</samlp:Extensions></samlp:AuthnRequest>`;
    const query = encodeURIComponent(deflateRawSync(Buffer.from(xml)).toString('base64'));
    expect(query.length).toBeGreaterThan(16 * 1024);
    const answer = await redirect(xml);
    expect(answer.status).not.toBe(431);
    expect(await answer.text()).toContain('UNKNOWN_SP');
  });
});
