import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listen } from '../../lib/http-server.ts';
import { createHttpDriver } from '../../runner/drivers/http.ts';
import { type Harness, startHarness } from '../../runner/harness.ts';
import { catalog } from '../../scenarios/index.ts';
import { tempDir } from '../support/idp.ts';

/**
 * A relying party that verifies id_tokens with jose's createRemoteJWKSet, as many Node
 * RPs do. jose refetches the JWKS for an unknown kid only once its cooldown has passed
 * since the last fetch (30 s by default; 3 s here to keep the test short), and ignores
 * the JWKS's Cache-Control. That cooldown is why a key-rotation scenario run right after
 * another login failed, and the same one 31 s later passed.
 */
const COOLDOWN_MS = 3_000;

interface RpSession {
  state?: string;
  nonce?: string;
  email?: string;
}

function joseRp(issuer: () => string, clientId: string, secret: string): Server {
  const sessions = new Map<string, RpSession>();
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  const session = (req: IncomingMessage, res: ServerResponse): RpSession => {
    const id = /rp_sid=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (id && sessions.has(id)) return sessions.get(id)!;
    const fresh = randomBytes(12).toString('base64url');
    sessions.set(fresh, {});
    res.setHeader('Set-Cookie', `rp_sid=${fresh}; Path=/; HttpOnly; SameSite=Lax`);
    return sessions.get(fresh)!;
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://rp.invalid');
    const own = `http://${req.headers.host}`;
    const s = session(req, res);
    try {
      if (url.pathname === '/login') {
        s.state = randomBytes(8).toString('hex');
        s.nonce = randomBytes(8).toString('hex');
        const authorize = new URL(`${issuer()}/authorize`);
        for (const [k, v] of Object.entries({
          client_id: clientId,
          redirect_uri: `${own}/callback`,
          response_type: 'code',
          scope: 'openid email',
          state: s.state,
          nonce: s.nonce,
        }))
          authorize.searchParams.set(k, v);
        res.writeHead(302, { location: authorize.href }).end();
      } else if (url.pathname === '/callback') {
        if (url.searchParams.get('state') !== s.state) throw new Error('state');
        const token = await fetch(`${issuer()}/token`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code: url.searchParams.get('code') ?? '',
            redirect_uri: `${own}/callback`,
          }),
        }).then((r) => r.json() as Promise<{ id_token: string }>);
        jwks ??= createRemoteJWKSet(new URL(`${issuer()}/jwks`), { cooldownDuration: COOLDOWN_MS });
        const { payload } = await jwtVerify(token.id_token, jwks, { issuer: issuer(), audience: clientId });
        if (payload.nonce !== s.nonce) throw new Error('nonce');
        s.email = String(payload.email);
        res.writeHead(302, { location: '/me' }).end();
      } else if (url.pathname === '/logout') {
        s.email = undefined;
        res.writeHead(302, { location: '/me' }).end();
      } else if (url.pathname === '/me') {
        res.writeHead(s.email ? 200 : 401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ email: s.email ?? null }));
      } else res.writeHead(404).end();
    } catch (error) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(`refused: ${String(error)}`);
    }
  });
  return server;
}

describe('a wait step before a key rotation, against an RP on jose createRemoteJWKSet', () => {
  let harness: Harness;
  let rp: Server;
  const driver = createHttpDriver();
  const scenarios = catalog().filter((s) =>
    ['oidc.baseline.sp-initiated', 'oidc.keys.rotation-only-next', 'oidc.keys.rotation-after-cache'].includes(
      s.id,
    ),
  );
  const byId = (id: string) => scenarios.filter((s) => s.id === id);
  const run = (id: string) =>
    harness.run({ targets: ['rp'], scenarios: byId(id), saveHistory: false, workers: 1 });

  beforeAll(async () => {
    rp = joseRp(() => `${harness.url}/oidc/jose`, 'jose-rp', 'jose-rp-secret');
    await listen(rp, 0, '127.0.0.1');
    const rpUrl = `http://127.0.0.1:${(rp.address() as AddressInfo).port}`;
    harness = await startHarness({
      port: 0,
      stateDir: tempDir(),
      config: {
        providers: {
          jose: {
            protocol: 'oidc',
            persona: 'generic',
            // The RP's cooldown: the wait step then waits it out.
            jwksMaxAgeSeconds: COOLDOWN_MS / 1000,
            clients: {
              'jose-rp': { clientSecret: 'jose-rp-secret', redirectUris: [`${rpUrl}/callback`] },
            },
          },
        },
        users: { alice: { email: 'alice@example.com' } },
        targets: {
          rp: {
            connections: {
              main: {
                provider: 'jose',
                client: 'jose-rp',
                loginUrl: `${rpUrl}/login`,
                logoutUrl: `${rpUrl}/logout`,
                user: 'alice',
              },
            },
            probe: { url: `${rpUrl}/me`, contains: '"email":"{{user.email}}"' },
          },
        },
      },
    });
  });
  afterAll(async () => {
    await driver.close();
    await harness?.close();
    if (rp) await closeServer(rp);
  });

  it('without a wait, a rotation right after a login fails on jose’s cooldown (the run-order dependence)', async () => {
    await run('oidc.baseline.sp-initiated');
    const record = await run('oidc.keys.rotation-only-next');
    expect(record.results[0]!.verdict, record.results[0]!.reason).toBe('fail');
  });

  it('with the wait, the same RP passes however recently it fetched the JWKS, and the wait is in the trace', async () => {
    await run('oidc.baseline.sp-initiated');
    const record = await run('oidc.keys.rotation-after-cache');
    const result = record.results[0]!;
    expect(result.verdict, result.reason).toBe('pass');
    const wait = result.steps.find((s) => s.action === 'wait')!;
    expect(wait.observed).toMatch(/^waited \d+\.\d s \(the JWKS last fetched at .* max-age=3 s/);
    expect(result.trace.some((e) => e.kind === 'wait' && e.summary.includes('max-age=3 s'))).toBe(true);
  });
});
