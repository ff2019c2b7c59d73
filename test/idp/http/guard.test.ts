import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApiHarness } from '../../support/api-harness.ts';

/** A raw request, so Host and the browser-only headers can be anything. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        text += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

let idp: ApiHarness;
const flowBody = JSON.stringify({ provider: 'demo-saml', user: 'alice' });

beforeAll(async () => {
  idp = await startApiHarness();
});
afterAll(() => idp?.stop());

describe('cross-site requests', () => {
  it('refuses a POST without a content type from a page on another port of localhost', async () => {
    const other = `http://localhost:${new URL(idp.url).port === '9999' ? 9998 : 9999}`;
    const forged = await send(`${idp.url}/api/flows`, {
      method: 'POST',
      headers: { origin: other },
      body: flowBody,
    });
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.text).error.code).toBe('CROSS_SITE_REQUEST');
    // Before the guard this POST created a flow (201).
    const sameOriginJson = await send(`${idp.url}/api/flows`, {
      method: 'POST',
      headers: { origin: idp.url, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: flowBody,
    });
    expect(sameOriginJson.status).toBe(201);
  });

  it('refuses JSON from another origin, a cross-site fetch, and form posts; lets curl-like clients through', async () => {
    const json = { 'content-type': 'application/json' };
    const statuses = await Promise.all([
      send(`${idp.url}/api/flows`, {
        method: 'POST',
        headers: { ...json, origin: 'http://evil.example' },
        body: flowBody,
      }),
      send(`${idp.url}/api/flows`, {
        method: 'POST',
        headers: { ...json, 'sec-fetch-site': 'cross-site' },
        body: flowBody,
      }),
      send(`${idp.url}/api/flows`, { method: 'POST', headers: { ...json, origin: 'null' }, body: flowBody }),
      send(`${idp.url}/api/flows`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: flowBody,
      }),
      send(`${idp.url}/api/trace`, { method: 'DELETE', headers: { 'sec-fetch-site': 'same-site' } }),
      send(`${idp.url}/api/flows`, { method: 'POST', headers: json, body: flowBody }),
    ]);
    expect(statuses.map((s) => s.status)).toEqual([403, 403, 403, 403, 403, 201]);
  });

  it('still takes cross-site form posts at the provider endpoints (SAML HTTP-POST binding)', async () => {
    const answer = await send(`${idp.url}/saml/demo-saml/sso`, {
      method: 'POST',
      headers: { origin: 'http://sp.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'SAMLRequest=bm90IHhtbA%3D%3D',
    });
    expect(answer.status).toBe(400);
    expect(answer.text).not.toContain('CROSS_SITE_REQUEST');
  });
});

describe('DNS rebinding', () => {
  it('answers 421 to a Host it was not started for, on every route', async () => {
    for (const path of ['/api/providers', '/saml/demo-saml/metadata', '/', '/api/runs']) {
      const answer = await send(`${idp.url}${path}`, { headers: { host: 'evil.example' } });
      expect(answer.status, path).toBe(421);
    }
    const port = new URL(idp.url).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, 'LOCALHOST']) {
      expect((await send(`${idp.url}/api/providers`, { headers: { host } })).status, host).toBe(200);
    }
  });
});

describe('headers', () => {
  it('sends a CSP without inline script, no framing, no referrer, nosniff, on the UI, the API and IdP pages', async () => {
    for (const path of ['/', '/api/providers', '/saml/demo-saml/metadata']) {
      const answer = await send(`${idp.url}${path}`);
      const csp = String(answer.headers['content-security-policy']);
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain("unsafe-inline' ; script");
      expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(answer.headers['referrer-policy'], path).toBe('no-referrer');
      expect(answer.headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  it('auto-submits the SAML POST binding with a static script file, not an inline one', async () => {
    const flow = await send(`${idp.url}/api/flows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: flowBody,
    });
    const cookie = `sso_harness_flow=${JSON.parse(flow.text).id}`;
    const page = await send(`${idp.url}/saml/demo-saml/idp-init?sp=app`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<script src="/_harness/auto-post.js" defer></script>');
    expect(page.text).toContain('data-auto-post');
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const script = await send(`${idp.url}/_harness/auto-post.js`);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.text).toContain('form[data-auto-post]');
  });
});

describe('API token', () => {
  let guarded: ApiHarness;
  const token = 'a-test-token-of-32-characters!!!';
  beforeAll(async () => {
    guarded = await startApiHarness((c) => ({ ...c, server: { apiToken: token } }));
  });
  afterAll(() => guarded?.stop());

  it('needs the token for the API and UI, never for the provider endpoints', async () => {
    expect((await send(`${guarded.url}/api/providers`)).status).toBe(401);
    expect((await send(`${guarded.url}/`)).status).toBe(401);
    expect(
      (await send(`${guarded.url}/api/providers`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    expect(
      (await send(`${guarded.url}/api/providers`, { headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
    expect((await send(`${guarded.url}/saml/demo-saml/metadata`)).status).toBe(200);
  });

  it('exchanges the token in the session URL for an HttpOnly SameSite cookie and leaves the address bar', async () => {
    const wrong = await send(`${guarded.url}/_harness/session?token=nope`);
    expect(wrong.status).toBe(401);
    const session = await send(`${guarded.url}/_harness/session?token=${encodeURIComponent(token)}`);
    expect(session.status).toBe(303);
    expect(session.headers.location).toBe('/');
    const cookie = String(session.headers['set-cookie']);
    expect(cookie).toMatch(/httponly/i);
    expect(cookie).toMatch(/samesite=strict/i);
    expect(cookie).not.toContain(token);
    const withCookie = await send(`${guarded.url}/api/providers`, {
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(withCookie.status).toBe(200);
  });
});
