/**
 * The scale phase of `npm run bench`: one `sso-harness serve` process with many providers
 * (half SAML, half OIDC) from one config file with `keys.seed`. For each size: the first start
 * (empty state folder) timed from spawn to the first and to the last provider's metadata
 * (providers make their keys on first use, so that is two providers' keys), then one request
 * to every provider (every key derived from the seed) timed, with RSS after; a start with all
 * keys on disk, timed the same way, RSS then and after one request to every provider (the
 * marginal memory of a provider in use); and one login's latency on the first and on the
 * last provider of each protocol.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../test/support/demo.ts';
import { acsUrl, oidcLogin, redirectUri, samlLogin, spEntityId } from './peers.ts';
import { processRssMb, stop, track, waitFor } from './util.ts';

const root = new URL('../..', import.meta.url).pathname;

/** Figures of one size; times in ms, memory in MB. */
export interface ScaleFigures {
  providers: number;
  firstStart: { firstMs: number; lastMs: number };
  warmStart: { firstMs: number; lastMs: number };
  /** One request to every provider on the first start: every key made from the seed. */
  everyProviderFirstMs: number;
  rssMb: number;
  /** After one request to every provider (keys on disk): every provider in use. */
  rssAllInUseMb: number;
  login: { samlFirst: number; samlLast: number; oidcFirst: number; oidcLast: number };
}

async function start(args: string[], first: string, last: string) {
  const t0 = performance.now();
  const child: ChildProcess = track(spawn(process.execPath, args, { stdio: 'ignore' }));
  await waitFor(first, [200], 600_000);
  const firstMs = performance.now() - t0;
  await waitFor(last, [200], 600_000);
  return { child, firstMs, lastMs: performance.now() - t0 };
}

/** Median latency of `n` logins, in ms (each login warmed up beforehand). */
async function latency(login: () => Promise<boolean>, n = 9): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    if (!(await login())) throw new Error('scale: a login failed');
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

/** Measures one harness serving `providers` providers (half SAML, half OIDC). */
export async function runScale(providers: number): Promise<ScaleFigures> {
  const work = mkdtempSync(join(tmpdir(), 'sso-harness-bench-scale-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const half = providers / 2;
  const config: { providers: Record<string, unknown> } & Record<string, unknown> = {
    server: { port },
    keys: { seed: 'sso-harness-bench-seed' },
    users: { alice: { email: 'alice@example.com' } },
    providers: {},
  };
  for (let i = 1; i <= half; i++)
    config.providers[`s${i}`] = {
      protocol: 'saml',
      auto: true,
      sps: { bench: { entityId: spEntityId, acsUrls: [acsUrl] } },
    };
  for (let i = 1; i <= half; i++)
    config.providers[`o${i}`] = {
      protocol: 'oidc',
      auto: true,
      clients: { rp: { clientSecret: 'rp-secret', redirectUris: [redirectUri] } },
    };
  const configFile = join(work, 'sso-harness.config.json');
  writeFileSync(configFile, JSON.stringify(config));
  const args = [
    join(root, 'bin/sso-harness.js'),
    'serve',
    '--config',
    configFile,
    '--state-dir',
    join(work, 'state'),
  ];
  const first = `${base}/saml/s1/metadata`;
  const last = `${base}/oidc/o${half}/.well-known/openid-configuration`;

  const every = [
    ...Array.from({ length: half }, (_, i) => `${base}/saml/s${i + 1}/metadata`),
    ...Array.from({ length: half }, (_, i) => `${base}/oidc/o${i + 1}/.well-known/openid-configuration`),
  ];
  const touchEvery = async () => {
    const t0 = performance.now();
    for (const url of every) await waitFor(url, [200], 60_000);
    return performance.now() - t0;
  };
  const cold = await start(args, first, last);
  const everyProviderFirstMs = await touchEvery();
  await stop(cold.child);
  const warm = await start(args, first, last);
  const rssMb = processRssMb(warm.child.pid!);
  const certs = async (id: string) =>
    [
      ...(await (await fetch(`${base}/saml/${id}/metadata`)).text()).matchAll(
        /<(?:ds:)?X509Certificate>([^<]+)</g,
      ),
    ].map((m) => m[1]!.replace(/\s+/g, ''));
  const logins = {
    samlFirst: samlLogin(`${base}/saml/s1/sso`, await certs('s1'), 'both'),
    samlLast: samlLogin(`${base}/saml/s${half}/sso`, await certs(`s${half}`), 'both'),
    oidcFirst: await oidcLogin(`${base}/oidc/o1`, 'rp', 'rp-secret'),
    oidcLast: await oidcLogin(`${base}/oidc/o${half}`, 'rp', 'rp-secret'),
  };
  for (let i = 0; i < 3; i++) for (const login of Object.values(logins)) await login();
  const login = {
    samlFirst: await latency(logins.samlFirst),
    samlLast: await latency(logins.samlLast),
    oidcFirst: await latency(logins.oidcFirst),
    oidcLast: await latency(logins.oidcLast),
  };
  await touchEvery();
  const rssAllInUseMb = processRssMb(warm.child.pid!);
  await stop(warm.child);
  return {
    providers,
    firstStart: { firstMs: cold.firstMs, lastMs: cold.lastMs },
    warmStart: { firstMs: warm.firstMs, lastMs: warm.lastMs },
    everyProviderFirstMs,
    rssMb,
    rssAllInUseMb,
    login,
  };
}

/**
 * The scale table. With two sizes and no 1,000 measured, a column extrapolated linearly
 * to 1,000 (times and RSS grow with the provider count; login latency is taken from the
 * largest size), marked as such.
 */
export function scaleTable(sizes: ScaleFigures[]): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const columns = sizes.map((f) => ({ title: `${f.providers} providers`, f }));
  const [a, b] = [sizes[0]!, sizes[sizes.length - 1]!];
  let marginal = Number.NaN;
  if (sizes.length >= 2 && b.providers > a.providers) {
    marginal = (b.rssMb - a.rssMb) / (b.providers - a.providers);
    if (!sizes.some((f) => f.providers === 1000)) {
      const at = (pick: (f: ScaleFigures) => number) =>
        pick(a) + ((pick(b) - pick(a)) * (1000 - a.providers)) / (b.providers - a.providers);
      columns.push({
        title: '1,000 (extrapolated linearly, not measured)',
        f: {
          providers: 1000,
          firstStart: { firstMs: at((f) => f.firstStart.firstMs), lastMs: at((f) => f.firstStart.lastMs) },
          warmStart: { firstMs: at((f) => f.warmStart.firstMs), lastMs: at((f) => f.warmStart.lastMs) },
          everyProviderFirstMs: at((f) => f.everyProviderFirstMs),
          rssMb: at((f) => f.rssMb),
          rssAllInUseMb: at((f) => f.rssAllInUseMb),
          login: b.login,
        },
      });
    }
  }
  const row = (what: string, cell: (f: ScaleFigures) => string) =>
    `| ${what} | ${columns.map((c) => cell(c.f)).join(' | ')} |`;
  return [
    `| scale (half SAML, half OIDC, one process) | ${columns.map((c) => c.title).join(' | ')} |`,
    `| --- | ${columns.map(() => '---').join(' | ')} |`,
    row(
      'first start, keys made from a seed: first / last provider metadata',
      (f) => `${s(f.firstStart.firstMs)} / ${s(f.firstStart.lastMs)}`,
    ),
    row(
      'start with keys on disk: first / last provider metadata',
      (f) => `${s(f.warmStart.firstMs)} / ${s(f.warmStart.lastMs)}`,
    ),
    row('first start: one request to every provider (every key made from the seed)', (f) =>
      s(f.everyProviderFirstMs),
    ),
    row('RSS after start (MB)', (f) => f.rssMb.toFixed(0)),
    row('RSS after one request to every provider (MB)', (f) => f.rssAllInUseMb.toFixed(0)),
    row(
      'SAML login, first / last provider (median of 9)',
      (f) => `${ms(f.login.samlFirst)} / ${ms(f.login.samlLast)}`,
    ),
    row(
      'OIDC login, first / last provider (median of 9)',
      (f) => `${ms(f.login.oidcFirst)} / ${ms(f.login.oidcLast)}`,
    ),
    '',
    `marginal memory per provider: ${Number.isNaN(marginal) ? 'not measured (one size)' : `${(marginal * 1024).toFixed(0)} KB at start (RSS difference between ${a.providers} and ${b.providers} providers)`}; in use: ${sizes.map((f) => `${(((f.rssAllInUseMb - f.rssMb) * 1024) / f.providers).toFixed(0)} KB with ${f.providers}`).join(', ')} (RSS after a request to every provider, less RSS at start, per provider)`,
  ].join('\n');
}
