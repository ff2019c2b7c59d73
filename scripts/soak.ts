/**
 * `npm run soak [-- --minutes 30 --concurrency 2]`: the harness (API included) and the
 * demo SP in this process, driven by mixed scenarios (SAML and OIDC, exclusive JWKS
 * ones among them) in `concurrency` parallel runs of 4 workers, with the history saving
 * every result, API reads, flows from the API and a live trace stream on the side.
 * Samples RSS and heap (after a full GC) every 15 s, prints them as a table, and ends
 * with the growth from the first sample after warm-up to the last. Not part of npm test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { builtinConfig } from '../config/builtin.ts';
import { createDemoSp } from '../examples/demo-sp/index.ts';
import { faultRegistry } from '../idp/faults/index.ts';
import { createHttpDriver } from '../runner/drivers/http.ts';
import { startHarness } from '../runner/harness.ts';
import { RunHistory } from '../runner/history.ts';
import { runScenarios } from '../runner/run.ts';
import { harnessExtensions } from '../runner/serve-command.ts';
import { loadScenarios } from '../scenarios/index.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: process.env.SOAK_MINUTES ?? '30' },
    concurrency: { type: 'string', default: '2' },
  },
});
const minutes = Number(values.minutes);
const concurrency = Number(values.concurrency);
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 1024 * 1024;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const stateDir = mkdtempSync(join(tmpdir(), 'sso-harness-soak-'));
const spPort = await freePort();
const config = builtinConfig(`http://127.0.0.1:${spPort}`);
const { demoSp: _demo, ...target } = config.targets!['demo-sp']!;
const composition = harnessExtensions({ uiDir: '/nonexistent' });
const harness = await startHarness({
  config: { ...config, targets: { 'demo-sp': target }, stateDir, history: { keepRuns: 20 } },
  port: 0,
  log: () => {},
  extensions: composition.extensions,
});
await composition.ready();
const sp = await createDemoSp({ harnessUrl: harness.url, port: spPort, lax: [] });
const all = loadScenarios(harness.config);
const pickIds = [
  /^saml\.baseline/,
  /^oidc\.baseline/,
  /keys-rotation|jwks/,
  /audience/,
  /signature-xsw1$/,
  /replay/,
  /nonce/,
];
const scenarios = all.filter((s) => pickIds.some((p) => p.test(s.id)));
const history = new RunHistory(stateDir, { keepRuns: 20 });
const until = Date.now() + minutes * 60_000;
let runs = 0;
let results = 0;
let errors = 0;
let apiCalls = 0;

async function runLoop(): Promise<void> {
  while (Date.now() < until) {
    const driver = createHttpDriver();
    try {
      const record = await runScenarios({
        harness: harness.server,
        scenarios,
        targets: { 'demo-sp': harness.config.targets['demo-sp']! },
        registry: faultRegistry,
        driver,
        workers: 4,
        timeoutMs: 20_000,
        history,
      });
      runs++;
      results += record.results.length;
      errors += record.summary.errored;
    } finally {
      await driver.close();
    }
  }
}

async function apiLoop(): Promise<void> {
  const get = (path: string) => fetch(`${harness.url}${path}`).then((r) => r.arrayBuffer());
  while (Date.now() < until) {
    await Promise.all([
      get('/api/runs?limit=20'),
      get('/api/trace'),
      fetch(`${harness.url}/api/flows`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ provider: 'demo-saml', user: 'alice' }),
      }).then((r) => r.arrayBuffer()),
    ]);
    apiCalls += 3;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function streamLoop(): Promise<void> {
  const abort = new AbortController();
  const response = await fetch(`${harness.url}/api/trace/stream`, { signal: abort.signal });
  const reader = response.body!.getReader();
  const timer = setTimeout(() => abort.abort(), until - Date.now());
  try {
    while (!(await reader.read()).done) {
      // read and drop
    }
  } catch {
    // aborted at the end
  } finally {
    clearTimeout(timer);
  }
}

interface Sample {
  at: number;
  rss: number;
  heap: number;
  runs: number;
  results: number;
}
const samples: Sample[] = [];
const started = Date.now();
const sample = () => {
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  samples.push({ at: (Date.now() - started) / 1000, rss: rss / MB, heap: heapUsed / MB, runs, results });
  const s = samples.at(-1)!;
  console.log(
    `${s.at.toFixed(0).padStart(6)} s  rss ${s.rss.toFixed(1).padStart(7)} MB  heap ${s.heap.toFixed(1).padStart(7)} MB  runs ${runs}  results ${results}  errors ${errors}  api ${apiCalls}`,
  );
};
console.log(
  `soak: ${minutes} min, ${concurrency} parallel runs x 4 workers, ${scenarios.length} scenarios per run, harness ${harness.url}`,
);
sample();
const sampler = setInterval(sample, 15_000);
await Promise.all([...Array.from({ length: concurrency }, runLoop), apiLoop(), streamLoop()]);
clearInterval(sampler);
sample();
const warm = samples[Math.min(2, samples.length - 1)]!;
const last = samples.at(-1)!;
console.log(
  `\nsoak done: ${runs} runs, ${results} results (${errors} errors), ${apiCalls} API calls in ${(last.at / 60).toFixed(1)} min` +
    `\nheap after GC: ${warm.heap.toFixed(1)} MB at ${warm.at.toFixed(0)} s -> ${last.heap.toFixed(1)} MB at the end (max ${Math.max(...samples.map((s) => s.heap)).toFixed(1)} MB)` +
    `\nrss: ${warm.rss.toFixed(1)} MB -> ${last.rss.toFixed(1)} MB (max ${Math.max(...samples.map((s) => s.rss)).toFixed(1)} MB)` +
    `\nhistory: ${history.count()} runs kept (keepRuns 20)`,
);
await sp.close();
await harness.close();
rmSync(stateDir, { recursive: true, force: true });
process.exit(0);
