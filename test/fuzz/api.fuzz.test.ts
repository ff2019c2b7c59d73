import { request } from 'node:http';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApiHarness } from '../support/api-harness.ts';
import { heapAfterGc } from '../support/gc.ts';

/** Seeded, so a failure replays: FUZZ_SEED=<n> npx vitest run test/fuzz */
const seed = Number(process.env.FUZZ_SEED ?? 20261130);
const COUNT = Number(process.env.FUZZ_COUNT ?? 2000);

function prng(start: number): () => number {
  let a = start >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const nested = (depth: number) =>
  `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_f">${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</samlp:AuthnRequest>`;
const hostileStrings = [
  '',
  ' ',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'javascript:alert(document.domain)//',
  'data:text/html,<script>alert(1)</script>',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '%',
  '%zz',
  '%00',
  '\u0000',
  '../../etc/passwd',
  '^(\\w+\\s?){1,12}$',
  '(a+)+$',
  '(?=x)',
  '[',
  'x'.repeat(70_000),
  '😀'.repeat(1000),
  'http://0x7f000001/',
  'http://169.254.169.254/',
  'http://127.0.0.1:9/metadata',
  'https://sp.example/saml',
  'alice',
  'demo-saml',
  'demo-google',
  'saml.audience',
  '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
  nested(5000),
];
const hostileValues = (): unknown =>
  pick([
    () => pick(hostileStrings),
    () => random() * 1e308,
    () => -1,
    () => null,
    () => true,
    () => [pick(hostileStrings)],
    () => ({ __proto__: { polluted: true }, constructor: { prototype: { x: 1 } } }),
    () => JSON.parse(`${'['.repeat(2000)}${']'.repeat(2000)}`),
    () => Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, pick(hostileStrings)])),
  ])();
const hostileObject = (keys: string[]) =>
  Object.fromEntries(
    keys
      .filter(() => random() < 0.7)
      .map((k) => [k, random() < 0.6 ? hostileValues() : pick(hostileStrings)]),
  );
const base64 = (text: string) => Buffer.from(text).toString('base64');
const deflated = (text: string) => deflateRawSync(Buffer.from(text)).toString('base64');
const enc = encodeURIComponent;

interface Probe {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One hostile request against an endpoint that takes input. */
function hostileRequest(): Probe {
  const json = { 'content-type': 'application/json' };
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const s = () => enc(pick(hostileStrings).slice(0, 2000));
  const samlMessage = () =>
    pick([
      () => deflated(nested(Math.floor(random() * 200_000))),
      () => deflated(pick(hostileStrings)),
      () => base64(pick(hostileStrings)),
      () => pick(hostileStrings).slice(0, 5000),
      () =>
        deflated(
          `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="${pick(hostileStrings).slice(0, 100)}" AssertionConsumerServiceURL="javascript:alert(1)"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${pick(['https://sp.example/saml', 'x'])}</saml:Issuer></samlp:AuthnRequest>`,
        ),
    ])();
  return pick<() => Probe>([
    () => ({
      method: 'POST',
      path: '/api/flows',
      headers: json,
      body: JSON.stringify(hostileObject(['provider', 'user', 'faults'])),
    }),
    () => ({
      method: 'POST',
      path: '/api/runs',
      headers: json,
      body: JSON.stringify(
        hostileObject(['target', 'scenarios', 'suite', 'tags', 'grep', 'protocol', 'driver', 'scenario']),
      ),
    }),
    () => ({
      method: 'PUT',
      path: `/api/targets/${s()}`,
      headers: json,
      body: JSON.stringify(hostileObject(['connections', 'probe', 'displayName', 'expectations'])),
    }),
    () => ({
      method: 'POST',
      path: '/api/targets/import-metadata',
      headers: json,
      body: JSON.stringify({
        source: pick(['url', 'paste', 'upload', 'manual']),
        ...hostileObject([
          'provider',
          'entityId',
          'acsUrl',
          'metadataUrl',
          'metadataXml',
          'id',
          'loginUrl',
          'probe',
        ]),
      }),
    }),
    () => ({
      method: 'POST',
      path: `/api/targets/${s()}/validate`,
      headers: json,
      body: JSON.stringify(hostileObject(['connection'])),
    }),
    () => ({
      method: 'PUT',
      path: `/api/reproductions/${s()}`,
      headers: json,
      body: JSON.stringify(hostileObject(['title', 'scenario', 'target', 'driver'])),
    }),
    () => ({
      method: pick(['DELETE', 'GET']),
      path: `/api/${pick(['targets', 'reproductions', 'runs', 'flows'])}/${s()}`,
    }),
    () => ({ method: 'GET', path: `/api/trace?since=${s()}&provider=${s()}&flow=${s()}` }),
    () => ({ method: 'GET', path: `/api/runs?limit=${s()}&offset=${s()}` }),
    () => ({ method: 'GET', path: `/api/runs/${s()}/results/${s()}` }),
    () => ({ method: 'GET', path: `/api/providers/${s()}/certificate/${s()}` }),
    () => ({
      method: 'POST',
      path: '/api/runs',
      headers: { 'content-type': 'application/json' },
      body: pick(hostileStrings).slice(0, 5000),
    }),
    () => ({
      method: 'POST',
      path: '/api/flows',
      headers: { origin: 'http://localhost:1', 'content-type': 'text/plain' },
      body: '{}',
    }),
    () => ({
      method: 'GET',
      path: '/api/providers',
      headers: { host: pick(['evil.example', '', 'localhost:1', '[::1]', '0x7f000001']) },
    }),
    () => ({
      method: 'GET',
      path: `/saml/${pick(['demo-saml', 'demo-okta-saml', s()])}/sso?SAMLRequest=${enc(samlMessage())}&RelayState=${s()}`,
    }),
    () => ({
      method: 'POST',
      path: '/saml/demo-saml/sso',
      headers: form,
      body: `SAMLRequest=${enc(samlMessage())}&RelayState=${s()}`,
    }),
    () => ({
      method: pick(['GET', 'POST']),
      path: `/saml/demo-saml/slo?${pick(['SAMLRequest', 'SAMLResponse'])}=${enc(samlMessage())}`,
      headers: form,
    }),
    () => ({ method: 'GET', path: `/saml/demo-saml/idp-init?sp=${s()}&RelayState=${s()}` }),
    () => ({
      method: 'POST',
      path: '/saml/demo-saml/login',
      headers: form,
      body: `pending=${s()}&user=${s()}&email=${s()}&attributes=${s()}&action=${pick(['login', 'cancel', s()])}`,
    }),
    () => ({
      method: 'GET',
      path: `/oidc/demo-google/auth?client_id=${s()}&redirect_uri=${s()}&response_type=${pick(['code', s()])}&scope=openid&state=${s()}&nonce=${s()}&response_mode=${pick(['form_post', 'query', s()])}`,
    }),
    () => ({
      method: 'POST',
      path: '/oidc/demo-google/token',
      headers: form,
      body: `grant_type=${pick(['authorization_code', s()])}&code=${s()}&client_id=${s()}&client_secret=${s()}&redirect_uri=${s()}`,
    }),
    () => ({
      method: 'GET',
      path: `/oidc/demo-google/userinfo`,
      headers: { authorization: `Bearer ${s().slice(0, 500)}` },
    }),
    () => ({
      method: 'GET',
      path: `/oidc/demo-google/session/end?post_logout_redirect_uri=${s()}&id_token_hint=${s()}`,
    }),
  ])();
}

function send(base: string, probe: Probe): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers = { ...probe.headers };
    const req = request(`${base}${probe.path}`, { method: probe.method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.setTimeout(5000, () => req.destroy(new Error('no answer within 5 s')));
    req.on('error', reject);
    req.end(probe.body);
  });
}

let idp: ApiHarness;
beforeAll(async () => {
  idp = await startApiHarness();
});
afterAll(() => idp?.stop());

describe(`fuzz (seed ${seed})`, () => {
  it(`answers ${COUNT} hostile requests with no 5xx, none slower than 1 s; a login works after; the heap comes back`, async () => {
    // A first login, so lazily made keys and caches exist before the heap is measured.
    await expect(login(idp.url)).resolves.toContain('SAMLResponse');
    const heapBefore = heapAfterGc();
    const problems: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const probe = hostileRequest();
      const shown = `#${i} ${probe.method} ${probe.path.slice(0, 120)}`;
      try {
        const { status, ms } = await send(idp.url, probe);
        if (status >= 500) problems.push(`${shown}: HTTP ${status}`);
        if (ms > 1000) problems.push(`${shown}: ${Math.round(ms)} ms`);
      } catch (error) {
        problems.push(`${shown}: ${(error as Error).message}`);
      }
    }
    expect(problems.slice(0, 15)).toEqual([]);
    await expect(login(idp.url)).resolves.toContain('SAMLResponse');
    idp.context.trace.clear();
    const grown = heapAfterGc() - heapBefore;
    expect(grown, `heap grew ${Math.round(grown / 1024 / 1024)} MB`).toBeLessThan(50 * 1024 * 1024);
  }, 120_000);
});

/** An IdP-initiated login of alice through a flow: the page that posts her Response to the SP. */
async function login(base: string): Promise<string> {
  const flow = await fetch(`${base}/api/flows`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ provider: 'demo-saml', user: 'alice' }),
  });
  const { id } = (await flow.json()) as { id: string };
  const page = await fetch(`${base}/saml/demo-saml/idp-init?sp=app`, {
    headers: { cookie: `sso_harness_flow=${id}` },
  });
  if (page.status !== 200) throw new Error(`login answered ${page.status}`);
  return page.text();
}
