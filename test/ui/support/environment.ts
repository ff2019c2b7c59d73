import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { ConfigInput } from '../../../config/schema.ts';
import { createDemoSp, type DemoSp, demoHarnessProviders } from '../../../examples/demo-sp/index.ts';
import { chromiumArgs, findChromium } from '../../../runner/drivers/find-chromium.ts';
import { type Harness, startHarness } from '../../../runner/harness.ts';
import { harnessExtensions, uiDir } from '../../../runner/serve-command.ts';
import { loadScenarios } from '../../../scenarios/index.ts';
import { validateScenarios } from '../../../scenarios/validate.ts';
import { testRegistry, testScenarios } from './faults.ts';

const root = new URL('../../../', import.meta.url).pathname;

/** The newest modification time of the UI's sources. */
function newestSource(dir = join(root, 'harness-ui')): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the UI when `dist/ui` is missing or older than its sources (npm test builds it
 * just before the tests). Test files run in parallel: the first takes a lock, the others
 * wait for its build.
 */
export function ensureUiBuilt(): void {
  const index = join(uiDir, 'index.html');
  const fresh = () => existsSync(index) && statSync(index).mtimeMs >= newestSource();
  if (fresh()) return;
  const lock = join(root, 'dist', '.ui-build-lock');
  mkdirSync(join(root, 'dist'), { recursive: true });
  try {
    mkdirSync(lock);
  } catch {
    const until = Date.now() + 60_000;
    while (!fresh() && Date.now() < until) spawnSync('sleep', ['0.2']);
    if (fresh()) return;
    if (Date.now() - statSync(lock).mtimeMs < 60_000)
      throw new Error('another test is still building the UI');
  }
  try {
    const result = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error('vite build failed');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface HarnessWithSp {
  harness: Harness;
  sp: DemoSp;
  url: string;
  stateDir: string;
  /** Stops the harness only (the state folder stays), for restart tests. */
  stopHarness(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The harness (API and built UI, in-process, on a free port) with the demo SP in front
 * of it, lax about audiences so that one of the test scenarios fails.
 */
export async function startHarnessWithDemoSp(
  options: { lax?: string[]; stateDir?: string; sp?: DemoSp; port?: number } = {},
): Promise<HarnessWithSp> {
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'sso-harness-ui-'));
  const port = options.port ?? (await freePort());
  const harnessUrl = `http://127.0.0.1:${port}`;
  const sp =
    options.sp ??
    (await createDemoSp({ harnessUrl, lax: options.lax ?? ['audience'], port: 0, log: () => {} }));
  const scenarios = validateScenarios(testScenarios, testRegistry, 'the UI tests');
  const config: ConfigInput = {
    ...demoHarnessProviders(sp.url),
    stateDir,
    keys: { seed: 'ui-tests-seed-0001' },
    suites: { smoke: scenarios.map((s) => s.id) },
  };
  const composition = harnessExtensions({
    registry: testRegistry,
    scenarios: (c) => [...scenarios, ...safeCatalog(c)],
    timeoutMs: 15_000,
    workers: 2,
  });
  const harness = await startHarness({
    config,
    port,
    host: '127.0.0.1',
    extensions: composition.extensions,
    log: () => {},
  });
  await composition.ready();
  // Providers make their keys, and serve loads its API modules, on first use: do both now,
  // so the pages' first answers do not wait on them (the tests' waits are for the UI).
  await Promise.all([...harness.server.providers.values()].map((provider) => provider.info()));
  await (await fetch(`${harness.url}/api/about`)).arrayBuffer();
  return {
    harness,
    sp,
    url: harness.url,
    stateDir,
    async stopHarness() {
      await harness.close();
      // This process's fetch keeps kept-alive sockets to the harness: let them read the
      // server's close (one turn of the event loop) before a harness restarted on the same
      // port is asked, or fetch may reuse one and fail with "other side closed".
      await new Promise((resolve) => setImmediate(resolve));
    },
    async close() {
      await harness.close();
      if (!options.sp) await sp.close();
      if (!options.stateDir) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

export interface UiEnvironment extends HarnessWithSp {
  browser: Browser;
  /** A fresh page (its own context) at a UI path; downloads allowed. */
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
}

/** The harness and demo SP with the built UI, and one shared headless Chromium. */
export async function startUiEnvironment(options: { lax?: string[] } = {}): Promise<UiEnvironment> {
  ensureUiBuilt();
  const env = await startHarnessWithDemoSp(options);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: chromiumArgs,
    headless: true,
  });
  return {
    ...env,
    browser,
    async open(path, viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport, acceptDownloads: true, baseURL: env.url });
      const page = await context.newPage();
      await page.goto(path);
      return page;
    },
    async close() {
      await browser.close();
      await env.close();
    },
  };
}

/** The real catalog, when it validates (it may be mid-change while others work on it). */
function safeCatalog(config: Parameters<typeof loadScenarios>[0]) {
  try {
    return loadScenarios(config);
  } catch {
    return [];
  }
}
