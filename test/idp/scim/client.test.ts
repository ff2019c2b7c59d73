import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScimClient, type ScimEndpoint, type ScimExchange } from '../../../idp/scim/client.ts';
import type { ScimClientError } from '../../../idp/scim/errors.ts';
import { traceScimExchange } from '../../../idp/scim/trace.ts';
import { Trace } from '../../../idp/trace.ts';
import { closeServer, listen } from '../../../lib/http-server.ts';

/** An SP that misbehaves on purpose, one path per misbehaviour; `seen` records who got which Authorization. */
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const TOKEN = 'secret-token-never-shown';
const seen: Array<{ server: string; path: string; authorization: string | undefined }> = [];
let sp: Server;
let elsewhere: Server;
let spUrl: string;
let elsewhereUrl: string;
const counters = new Map<string, number>();
const hit = (key: string) => {
  const n = (counters.get(key) ?? 0) + 1;
  counters.set(key, n);
  return n;
};
const json = (res: ServerResponse, status: number, body: unknown, type = 'application/scim+json') => {
  res.writeHead(status, { 'content-type': type });
  res.end(JSON.stringify(body));
};

const routes: Record<string, Handler> = {
  '/ok': (_req, res) => json(res, 200, { totalResults: 0, Resources: [], echoed: TOKEN }),
  '/huge': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/scim+json' });
    res.end(`{"x":"${'a'.repeat(64 * 1024)}"}`);
  },
  '/html': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html>login</html>');
  },
  '/html-401': (_req, res) => {
    res.writeHead(401, { 'content-type': 'text/html' });
    res.end('<html>denied</html>');
  },
  '/broken': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/scim+json' });
    res.end('{"Resources": [');
  },
  '/away': (_req, res) => {
    res.writeHead(307, { location: `${elsewhereUrl}/steal` });
    res.end();
  },
  '/moved': (_req, res) => {
    res.writeHead(301, { location: '/ok' });
    res.end();
  },
  '/slow': (_req, res) => {
    setTimeout(() => json(res, 200, {}), 2000).unref();
  },
  '/throttled': (req, res) => {
    if (hit(`throttled${req.headers['x-key']}`) === 1) {
      res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/scim+json' });
      res.end(JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '429' }));
    } else json(res, 200, { ok: true });
  },
  '/flaky': (req, res) => {
    if (hit(`flaky${req.headers['x-key']}`) <= 2) json(res, 503, { status: '503' });
    else json(res, 200, { ok: true });
  },
  '/down': (_req, res) => json(res, 503, { status: '503' }),
};

function endpoint(overrides: Partial<ScimEndpoint> = {}): ScimEndpoint {
  return {
    baseUrl: spUrl,
    auth: { kind: 'bearer', token: TOKEN },
    timeoutMs: 1000,
    maxResponseBytes: 16 * 1024,
    retries: 3,
    ...overrides,
  };
}

beforeAll(async () => {
  sp = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    seen.push({ server: 'sp', path, authorization: req.headers.authorization });
    (routes[path] ?? ((_q, r) => json(r, 404, {})))(req, res);
  });
  elsewhere = createServer((req, res) => {
    seen.push({ server: 'elsewhere', path: req.url!, authorization: req.headers.authorization });
    json(res, 200, {});
  });
  await listen(sp, 0, '127.0.0.1');
  await listen(elsewhere, 0, '127.0.0.1');
  spUrl = `http://127.0.0.1:${(sp.address() as AddressInfo).port}`;
  elsewhereUrl = `http://localhost:${(elsewhere.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await closeServer(sp);
  await closeServer(elsewhere);
});

async function failure(path: string, options: Partial<ScimEndpoint> = {}): Promise<ScimClientError> {
  const client = new ScimClient(endpoint(options));
  try {
    await client.send({ method: 'GET', path });
  } catch (error) {
    return error as ScimClientError;
  } finally {
    await client.close();
  }
  throw new Error(`${path} did not fail`);
}

describe("the SCIM client treats the SP's answers as untrusted", () => {
  it('refuses an answer over the size limit, without reading it all', async () => {
    const error = await failure('/huge');
    expect(error.code).toBe('SCIM_RESPONSE_TOO_LARGE');
    expect(error.message).toMatch(/over 16384 bytes/);
  });

  it('refuses a success answer that is not SCIM JSON, quoting its start', async () => {
    const error = await failure('/html');
    expect(error.code).toBe('SCIM_CONTENT_TYPE');
    expect(error.message).toMatch(/text\/html.*<html>login/);
  });

  it('keeps a non-JSON error answer as an answer, with the problem said', async () => {
    const client = new ScimClient(endpoint());
    const answer = await client.send({ method: 'GET', path: '/html-401' });
    await client.close();
    expect(answer.status).toBe(401);
    expect(answer.body).toBeUndefined();
    expect(answer.problem).toMatch(/not SCIM JSON/);
  });

  it('refuses JSON that does not parse', async () => {
    const error = await failure('/broken');
    expect(error.code).toBe('SCIM_MALFORMED_JSON');
  });

  it('never follows a redirect to another origin, and the token never reaches it', async () => {
    const error = await failure('/away');
    expect(error.code).toBe('SCIM_REDIRECT_REFUSED');
    expect(error.message).toContain(elsewhereUrl);
    expect(seen.filter((s) => s.server === 'elsewhere')).toEqual([]);
  });

  it('follows a redirect within its origin, credentials included', async () => {
    const client = new ScimClient(endpoint());
    const answer = await client.send({ method: 'GET', path: '/moved' });
    await client.close();
    expect(answer.status).toBe(200);
    expect(seen.filter((s) => s.path === '/ok').at(-1)?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('gives up on a slow SP after the timeout', async () => {
    // The SP answers 200 after 2 s: SCIM_TIMEOUT means the 300 ms timeout fired first.
    const error = await failure('/slow', { timeoutMs: 300 });
    expect(error.code).toBe('SCIM_TIMEOUT');
  });

  it('says when the SP cannot be reached', async () => {
    const dead = createServer();
    await listen(dead, 0, '127.0.0.1');
    const port = (dead.address() as AddressInfo).port;
    await closeServer(dead);
    const client = new ScimClient(endpoint({ baseUrl: `http://127.0.0.1:${port}/scim/v2` }));
    const error = await client
      .send({ method: 'GET', path: '/Users' })
      .catch((e: unknown) => e as ScimClientError);
    await client.close();
    expect((error as ScimClientError).code).toBe('SCIM_UNREACHABLE');
    expect((error as ScimClientError).message).toMatch(/ECONNREFUSED/);
  });
});

describe('the SCIM client retries 429 and 5xx', () => {
  it('waits as long as Retry-After says after a 429', async () => {
    const client = new ScimClient(endpoint({ timeoutMs: 5000 }));
    const started = Date.now();
    const answer = await client.send({ method: 'GET', path: '/throttled', headers: { 'x-key': 'a' } });
    await client.close();
    expect(answer.status).toBe(200);
    expect(answer.exchanges.map((e) => e.status)).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('backs off exponentially after 5xx without Retry-After', async () => {
    const client = new ScimClient(endpoint(), { backoffMs: 100 });
    const started = Date.now();
    const answer = await client.send({ method: 'GET', path: '/flaky', headers: { 'x-key': 'b' } });
    await client.close();
    expect(answer.exchanges.map((e) => e.status)).toEqual([503, 503, 200]);
    // 100 ms, then 200 ms (plus jitter of at most a quarter).
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('returns the last answer once the retries are spent', async () => {
    const client = new ScimClient(endpoint({ retries: 2 }), { backoffMs: 10 });
    const answer = await client.send({ method: 'GET', path: '/down' });
    await client.close();
    expect(answer.status).toBe(503);
    expect(answer.exchanges).toHaveLength(3);
  });
});

describe('the token is masked in every record', () => {
  it('in the exchanges, the decoded trace and its export, even where the SP echoes it', async () => {
    const exchanges: ScimExchange[] = [];
    const trace = new Trace({ limit: 10 });
    const client = new ScimClient(endpoint(), {
      onExchange: (e) => {
        exchanges.push(e);
        traceScimExchange(trace, e, { provider: 'p' });
      },
    });
    await client.send({ method: 'POST', path: '/ok', body: { userName: 'a', note: TOKEN } });
    await client.close();
    const everything = JSON.stringify({
      exchanges,
      trace: trace.list().map((e) => ({ ...e, decoded: e.decoded })),
    });
    expect(everything).not.toContain(TOKEN);
    expect(everything).toContain('Bearer «masked»');
    expect(exchanges[0]?.responseBody).toMatchObject({ echoed: '«masked»' });
  });

  it('Basic credentials too', async () => {
    const exchanges: ScimExchange[] = [];
    const client = new ScimClient(
      endpoint({ auth: { kind: 'basic', username: 'scim', password: 'basic-password-1' } }),
      {
        onExchange: (e) => exchanges.push(e),
      },
    );
    await client.send({ method: 'GET', path: '/ok' });
    await client.close();
    const text = JSON.stringify(exchanges);
    expect(text).not.toContain('basic-password-1');
    expect(text).not.toContain(Buffer.from('scim:basic-password-1').toString('base64'));
  });
});
