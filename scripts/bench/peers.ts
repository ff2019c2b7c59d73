/**
 * The peers phase of `npm run bench`: the harness side by side with what a user would pick
 * instead (samlify as a SAML IdP; oauth2-mock-server and plain oidc-provider as OPs), each in
 * its own fresh process, all driven by the same node-saml SP and openid-client RP in this
 * process through the same small browser (`browse`), with scripted logins (no login page).
 * Per IdP: cold start to first metadata, RSS then, CPU per login at concurrency 1 and 8
 * (read from /proc on the IdP's process alone), HTTP requests to the IdP per login.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAML } from '@node-saml/node-saml';
import * as client from 'openid-client';
import { freePort } from '../../test/support/demo.ts';
import { writePeerKeys } from './keys.ts';
import {
  browse,
  CookieJar,
  processCpuMs,
  processRssMb,
  requestCounts,
  stop,
  track,
  waitFor,
} from './util.ts';

const root = new URL('../..', import.meta.url).pathname;
export const acsUrl = 'http://127.0.0.1:9/saml/acs';
export const spEntityId = 'bench-sp';
export const redirectUri = 'http://127.0.0.1:9/oidc/callback';

/** One IdP's figures; CPU in ms per login, start in ms, RSS in MB. */
export interface PeerFigures {
  startMs: number;
  rssMb: number;
  /** CPU until the first metadata answer (ms). */
  startCpuMs: number;
  /** The harness: its OIDC provider's first discovery answer (ms from spawn) and RSS then (MB). */
  oidcStart?: { ms: number; rssMb: number };
  cpu: Record<string, { c1: number; c8: number; requests: number; failures: number }>;
}

interface Started {
  child: ChildProcess;
  startMs: number;
  rssMb: number;
  /** CPU the process used until its first metadata answer (ms): start-up cost without the machine's load. */
  cpuMs: number;
}

async function start(args: string[], metadataUrl: string, env?: Record<string, string>): Promise<Started> {
  const t0 = performance.now();
  const child = track(spawn(process.execPath, args, { stdio: 'ignore', env: { ...process.env, ...env } }));
  await waitFor(metadataUrl, [200], 30_000);
  const startMs = performance.now() - t0;
  return { child, startMs, rssMb: processRssMb(child.pid!), cpuMs: processCpuMs(child.pid!) };
}

/** How many fresh starts each start-up figure is the median of (one start is noise on a shared machine). */
const STARTS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * {@link STARTS} fresh starts, each ended but the last, which keeps running for the CPU
 * figures: the median start time and RSS, and the median of what `after` measures on each.
 */
async function startMedian<T extends Record<string, number>>(
  args: string[],
  metadataUrl: string,
  after?: (t0: number, child: ChildProcess) => Promise<T>,
  env?: Record<string, string>,
): Promise<Started & { after?: T }> {
  const runs: Array<Started & { after?: T }> = [];
  for (let i = 0; i < STARTS; i++) {
    if (runs.length) await stop(runs.at(-1)!.child);
    const t0 = performance.now();
    const started = await start(args, metadataUrl, env);
    runs.push({ ...started, after: after ? await after(t0, started.child) : undefined });
  }
  const afters = runs.map((r) => r.after).filter((a): a is T => a !== undefined);
  return {
    child: runs.at(-1)!.child,
    startMs: median(runs.map((r) => r.startMs)),
    rssMb: median(runs.map((r) => r.rssMb)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    after: afters.length
      ? (Object.fromEntries(Object.keys(afters[0]!).map((k) => [k, median(afters.map((a) => a[k]!))])) as T)
      : undefined,
  };
}

/** Runs `login` warm-up times, then `count` times at concurrency 1 and 8; CPU of `pid` per login. */
async function cpuPerLogin(
  pid: number,
  origin: string,
  login: () => Promise<boolean>,
  count: number,
): Promise<{ c1: number; c8: number; requests: number; failures: number }> {
  let failures = 0;
  const run = async (n: number, concurrency: number) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < n) if (!(await login())) failures++;
      }),
    );
  };
  await run(20, 1);
  const r0 = requestCounts.get(origin) ?? 0;
  let before = processCpuMs(pid);
  await run(count, 1);
  const c1 = (processCpuMs(pid) - before) / count;
  const requests = ((requestCounts.get(origin) ?? 0) - r0) / count;
  before = processCpuMs(pid);
  await run(count * 2, 8);
  const c8 = (processCpuMs(pid) - before) / (count * 2);
  return { c1, c8, requests, failures };
}

/** A node-saml SP login against an IdP: AuthnRequest by Redirect, Response validated as the SP would. */
export function samlLogin(
  entryPoint: string,
  idpCert: string | string[],
  signatures: 'both' | 'response',
): () => Promise<boolean> {
  const saml = new SAML({
    entryPoint,
    issuer: spEntityId,
    callbackUrl: acsUrl,
    audience: spEntityId,
    idpCert,
    wantAuthnResponseSigned: true,
    wantAssertionsSigned: signatures === 'both',
    acceptedClockSkewMs: 5000,
  });
  return async () => {
    const url = await saml.getAuthorizeUrlAsync('', undefined, {});
    const { fields } = await browse(new CookieJar(), url, acsUrl);
    const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: fields!.get('SAMLResponse')! });
    return profile?.nameID === 'alice@example.com';
  };
}

/** An openid-client RP code-flow login (PKCE, state, nonce), through the token endpoint. */
export async function oidcLogin(
  issuer: string,
  clientId: string,
  secret: string,
): Promise<() => Promise<boolean>> {
  const config = await client.discovery(new URL(issuer), clientId, secret, undefined, {
    execute: [client.allowInsecureRequests],
  });
  return async () => {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const { url: callback } = await browse(new CookieJar(), url.href, redirectUri);
    const tokens = await client.authorizationCodeGrant(config, new URL(callback), {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    return typeof tokens.claims()?.sub === 'string';
  };
}

/** Runs the peers phase; `count` logins per measure at concurrency 1 (twice that at 8). */
export async function runPeers(count = 150): Promise<Record<string, PeerFigures>> {
  const work = mkdtempSync(join(tmpdir(), 'sso-harness-bench-peers-'));
  const keys = writePeerKeys(work);
  const results: Record<string, PeerFigures> = {};

  // samlify
  {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const s = await startMedian(
      [join(root, 'scripts/bench/peer-samlify.ts'), String(port), keys.key, keys.cert, spEntityId, acsUrl],
      `${base}/metadata`,
    );
    const cert = readFileSync(keys.cert, 'utf8');
    results.samlify = {
      startMs: s.startMs,
      rssMb: s.rssMb,
      startCpuMs: s.cpuMs,
      cpu: { saml: await cpuPerLogin(s.child.pid!, base, samlLogin(`${base}/sso`, cert, 'both'), count) },
    };
    await stop(s.child);
  }

  // The OP peers: each started alone, its discovery the first answer, logins from the same RP.
  const oidcPeers: [name: string, args: (port: number) => string[]][] = [
    [
      'oauth2-mock-server',
      (port) => [join(root, 'scripts/bench/peer-oauth2-mock-server.ts'), String(port), keys.jwk],
    ],
    [
      'raw oidc-provider',
      (port) => [join(root, 'scripts/bench/raw-oidc-provider.ts'), String(port), redirectUri, keys.jwk],
    ],
  ];
  for (const [name, args] of oidcPeers) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const s = await startMedian(args(port), `${base}/.well-known/openid-configuration`);
    results[name] = {
      startMs: s.startMs,
      rssMb: s.rssMb,
      startCpuMs: s.cpuMs,
      cpu: { oidc: await cpuPerLogin(s.child.pid!, base, await oidcLogin(base, 'rp', 'rp-secret'), count) },
    };
    await stop(s.child);
  }

  // sso-harness: one SAML provider signing Response and Assertion, one signing the Response only, one OIDC provider.
  {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const sp = (signAssertion: boolean) => ({
      entityId: spEntityId,
      acsUrls: [acsUrl],
      signResponse: true,
      signAssertion,
    });
    const configFile = join(work, 'sso-harness.config.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        server: { port },
        users: { alice: { email: 'alice@example.com' } },
        providers: {
          'saml-both': { protocol: 'saml', auto: true, sps: { bench: sp(true) } },
          'saml-one': { protocol: 'saml', auto: true, sps: { bench: sp(false) } },
          oidc: {
            protocol: 'oidc',
            auto: true,
            clients: { rp: { clientSecret: 'rp-secret', redirectUris: [redirectUri] } },
          },
        },
      }),
    );
    const args = [
      join(root, 'bin/sso-harness.js'),
      'serve',
      '--config',
      configFile,
      '--state-dir',
      join(work, 'state'),
    ];
    const metadata = `${base}/saml/saml-both/metadata`;
    const discovery = `${base}/oidc/oidc/.well-known/openid-configuration`;
    // Providers load their protocol's library and make their keys on first use: the OIDC
    // provider's first answer (and RSS once both protocols have answered) are shown beside.
    const oidcStart = async (t0: number, child: ChildProcess) => {
      await waitFor(discovery, [200], 30_000);
      return { ms: performance.now() - t0, rssMb: processRssMb(child.pid!) };
    };
    // As users get it: the package's build (the bundled CLI), made here as `npm run build` makes it.
    const built = { SSO_HARNESS_USE_BUILD: '1' };
    const bundling = spawnSync(process.execPath, [join(root, 'scripts/bundle-cli.ts')], { stdio: 'inherit' });
    if (bundling.status !== 0) throw new Error('scripts/bundle-cli.ts failed');
    const t0 = performance.now();
    const empty = await start(args, metadata, built);
    const emptyOidc = await oidcStart(t0, empty.child);
    await stop(empty.child);
    const s = await startMedian(args, metadata, oidcStart, built);
    const sOidc = s.after!;
    const certs = async (id: string) =>
      [
        ...(await (await fetch(`${base}/saml/${id}/metadata`)).text()).matchAll(
          /<(?:ds:)?X509Certificate>([^<]+)</g,
        ),
      ].map((m) => m[1]!.replace(/\s+/g, ''));
    const pid = s.child.pid!;
    results['sso-harness'] = {
      startMs: s.startMs,
      rssMb: s.rssMb,
      startCpuMs: s.cpuMs,
      oidcStart: sOidc,
      cpu: {
        saml: await cpuPerLogin(
          pid,
          base,
          samlLogin(`${base}/saml/saml-both/sso`, await certs('saml-both'), 'both'),
          count,
        ),
        'saml-one': await cpuPerLogin(
          pid,
          base,
          samlLogin(`${base}/saml/saml-one/sso`, await certs('saml-one'), 'response'),
          count,
        ),
        oidc: await cpuPerLogin(pid, base, await oidcLogin(`${base}/oidc/oidc`, 'rp', 'rp-secret'), count),
      },
    };
    results['sso-harness (empty state folder)'] = {
      startMs: empty.startMs,
      rssMb: empty.rssMb,
      startCpuMs: empty.cpuMs,
      oidcStart: emptyOidc,
      cpu: {},
    };
    await stop(s.child);
    // From a checkout (`npm start`): the TypeScript sources, one module at a time.
    const checkout = await startMedian(args, metadata, oidcStart);
    await stop(checkout.child);
    results['sso-harness (checkout)'] = {
      startMs: checkout.startMs,
      rssMb: checkout.rssMb,
      startCpuMs: checkout.cpuMs,
      oidcStart: checkout.after,
      cpu: {},
    };
  }
  return results;
}

/** The peers table: figures and each ratio beside its target. */
export function peersTable(r: Record<string, PeerFigures>): string {
  const samlify = r.samlify!;
  const mock = r['oauth2-mock-server']!;
  const raw = r['raw oidc-provider']!;
  const h = r['sso-harness']!;
  const empty = r['sso-harness (empty state folder)']!;
  const co = r['sso-harness (checkout)']!;
  const f = (n: number) => n.toFixed(2);
  const cpu = (c?: { c1: number; c8: number }) => (c ? `${f(c.c1)} / ${f(c.c8)}` : '–');
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const hs = h.cpu.saml!;
  const hso = h.cpu['saml-one']!;
  const ss = samlify.cpu.saml!;
  const ho = h.cpu.oidc!;
  const ro = raw.cpu.oidc!;
  const fastest = Math.min(samlify.startMs, mock.startMs, raw.startMs);
  const leastCpu = Math.min(samlify.startCpuMs, mock.startCpuMs, raw.startCpuMs);
  const reqs = (c?: { requests: number }) => (c ? c.requests.toFixed(1) : '–');
  const failures = Object.values(r)
    .flatMap((p) => Object.values(p.cpu))
    .reduce((n, c) => n + c.failures, 0);
  return [
    '| measure | samlify | oauth2-mock-server | raw oidc-provider | sso-harness | target |',
    '| --- | --- | --- | --- | --- | --- |',
    `| SAML IdP CPU per flow, c1 / c8 (ms) | ${cpu(ss)} | – | – | both signatures ${cpu(hs)}; Response only ${cpu(hso)} | ≤ 0.5× samlify with both signatures: c1 ${ratio(hs.c1, ss.c1)}, c8 ${ratio(hs.c8, ss.c8)} (${met(hs.c1 <= 0.5 * ss.c1 && hs.c8 <= 0.5 * ss.c8)}) |`,
    `| OIDC IdP CPU per flow, c1 / c8 (ms) | – | ${cpu(mock.cpu.oidc)} | ${cpu(ro)} | ${cpu(ho)} | ≤ 0.8× raw oidc-provider: c1 ${ratio(ho.c1, ro.c1)}, c8 ${ratio(ho.c8, ro.c8)} (${met(ho.c1 <= 0.8 * ro.c1 && ho.c8 <= 0.8 * ro.c8)}) |`,
    `| cold start to first metadata (ms, a fresh process, keys on disk; median of ${STARTS}) | ${samlify.startMs.toFixed(0)} | ${mock.startMs.toFixed(0)} | ${raw.startMs.toFixed(0)} | built package: SAML ${h.startMs.toFixed(0)}, OIDC discovery ${h.oidcStart!.ms.toFixed(0)} (empty state folder: ${empty.startMs.toFixed(0)}, ${empty.oidcStart!.ms.toFixed(0)}); checkout (TypeScript sources): ${co.startMs.toFixed(0)} | ≤ the fastest peer: ${ratio(h.startMs, fastest)} (${met(h.startMs <= fastest)}); checkout ${ratio(co.startMs, fastest)} |`,
    `| CPU to first metadata (ms, median of ${STARTS}; the start-up cost whatever the machine's load) | ${samlify.startCpuMs.toFixed(0)} | ${mock.startCpuMs.toFixed(0)} | ${raw.startCpuMs.toFixed(0)} | built package ${h.startCpuMs.toFixed(0)}; checkout ${co.startCpuMs.toFixed(0)} | ≤ the least of the peers: ${ratio(h.startCpuMs, leastCpu)} (${met(h.startCpuMs <= leastCpu)}); checkout ${ratio(co.startCpuMs, leastCpu)} |`,
    `| RSS at start (MB, median of ${STARTS}) | ${samlify.rssMb.toFixed(0)} | ${mock.rssMb.toFixed(0)} | ${raw.rssMb.toFixed(0)} | built package ${h.rssMb.toFixed(0)} (${h.oidcStart!.rssMb.toFixed(0)} once the OIDC provider has answered too); checkout ${co.rssMb.toFixed(0)} | ≤ 90 MB (${met(h.rssMb <= 90)}; checkout ${met(co.rssMb <= 90)}) |`,
    `| HTTP requests to the IdP per login (front + back channel) | ${reqs(ss)} | ${reqs(mock.cpu.oidc)} | ${reqs(ro)} | SAML ${reqs(hs)}, OIDC ${reqs(ho)} | 4 with a scripted login (${met(hs.requests <= 4 && ho.requests <= 4)}) |`,
    '',
    `logins that failed (should be 0): ${failures}`,
  ].join('\n');
}
