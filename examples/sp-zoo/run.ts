import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { faultRegistry } from '../../idp/faults/index.ts';
import { keyKindNames } from '../../idp/keys/index.ts';
import { createHttpDriver } from '../../runner/drivers/http.ts';
import { startHarness } from '../../runner/harness.ts';
import { runScenarios } from '../../runner/run.ts';
import type { RunRecord } from '../../runner/types.ts';
import { catalog } from '../../scenarios/index.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import type { ZooSp } from './types.ts';

/** One zoo SP judged against the catalog of its protocol. */
export interface ZooRun {
  sp: ZooSp;
  /** The checks the SP ran with turned on (empty: the library's defaults). */
  hardened: readonly string[];
  /** The library's installed version. */
  version: string;
  /** The scenarios that were run: the built-in catalog of the SP's protocol (or the ids asked for). */
  scenarios: Scenario[];
  record: RunRecord;
  /** Where the SP and the harness listened during the run (their ports change from run to run). */
  spUrl: string;
  harnessUrl: string;
}

export interface ZooRunOptions {
  /** Checks the SP starts with turned on (see `ZooStartOptions.hardened`); default none. */
  hardened?: readonly string[] | undefined;
  /** Only these scenario ids (default: the whole catalog of the SP's protocol). */
  ids?: string[] | undefined;
  /** Scenarios run besides the catalog's (a test's own); they are in `record` but not in `scenarios`. */
  extra?: Scenario[] | undefined;
  /** Scenarios run at once against this SP (default 4). */
  workers?: number | undefined;
  /** Per scenario, in ms (default 20 000). */
  timeoutMs?: number | undefined;
  /** Receives the harness's and the SP's log lines (default: dropped). */
  log?: ((line: string) => void) | undefined;
}

/**
 * Starts a harness (in this process, port 0, a fresh state folder) and the zoo SP (in its own
 * process, on a free port), runs the built-in catalog of the SP's protocol with the HTTP driver,
 * and stops both.
 *
 * @throws ZooError when the SP cannot be started (its library missing, its process dying).
 */
export async function runZooSp(sp: ZooSp, options: ZooRunOptions = {}): Promise<ZooRun> {
  const scenarios = catalog().filter(
    (s) => s.protocol === sp.protocol && (!options.ids || options.ids.includes(s.id)),
  );
  const port = await freePort();
  const stateDir = mkdtempSync(join(tmpdir(), `sso-harness-zoo-${sp.id}-`));
  const harness = await startHarness({
    config: { ...sp.harnessConfig(`http://127.0.0.1:${port}`), stateDir },
    port: 0,
    log: options.log,
  });
  const driver = createHttpDriver();
  try {
    // Every key kind made now rather than by the first scenarios that need one: making them
    // takes CPU while those scenarios' connections to the SP sit idle.
    const { keys } = harness.server.context;
    await Promise.all(
      Object.keys(harness.config.providers).flatMap((id) => keyKindNames.map((kind) => keys.get(id, kind))),
    );
    const hardened = options.hardened ?? [];
    const running = await sp.start({ port, harnessUrl: harness.url, hardened });
    try {
      const record = await runScenarios({
        harness: harness.server,
        scenarios: [...scenarios, ...(options.extra ?? [])],
        targets: harness.config.targets,
        registry: faultRegistry,
        driver,
        workers: options.workers ?? 4,
        timeoutMs: options.timeoutMs ?? 20_000,
      });
      return {
        sp,
        hardened,
        version: running.version,
        scenarios,
        record,
        spUrl: running.url,
        harnessUrl: harness.url,
      };
    } finally {
      await running.close();
    }
  } finally {
    await driver.close();
    await harness.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** A port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
