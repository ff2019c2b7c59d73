import { createServer } from 'node:net';
import { builtinConfig } from '../../config/builtin.ts';
import type { TargetConfig } from '../../config/schema.ts';
import { createDemoSp, type DemoSp } from '../../examples/demo-sp/index.ts';
import { faultRegistry } from '../../idp/faults/index.ts';
import { createHttpDriver } from '../../runner/drivers/http.ts';
import type { Driver } from '../../runner/drivers/types.ts';
import { type Harness, startHarness } from '../../runner/harness.ts';
import { runScenarios } from '../../runner/run.ts';
import type { RunRecord } from '../../runner/types.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { tempDir } from './idp.ts';

/** The embedded default for tests: the harness (port 0) and the demo SP, fitted together. */
export interface Demo {
  harness: Harness;
  spUrl: string;
  target: TargetConfig;
  sp: DemoSp;
  /** Restarts the demo SP on the same port with these lax switches (the harness keeps its config). */
  restartSp(lax: readonly string[]): Promise<DemoSp>;
  /** Runs scenarios against the demo SP as it is now; the run is not saved in history. */
  run(scenarios: readonly Scenario[], options?: { driver?: Driver; workers?: number }): Promise<RunRecord>;
  close(): Promise<void>;
}

export async function startDemo(options: { lax?: readonly string[]; stateDir?: string } = {}): Promise<Demo> {
  const port = await freePort();
  const spUrl = `http://127.0.0.1:${port}`;
  const config = builtinConfig(spUrl);
  const { demoSp: _launchedByUs, ...target } = config.targets!['demo-sp']!;
  const harness = await startHarness({
    config: { ...config, targets: { 'demo-sp': target }, stateDir: options.stateDir ?? tempDir() },
    port: 0,
  });
  let sp = await createDemoSp({ harnessUrl: harness.url, port, lax: options.lax ?? [] });
  const resolvedTarget = harness.config.targets['demo-sp']!;
  return {
    harness,
    spUrl,
    target: resolvedTarget,
    get sp() {
      return sp;
    },
    async restartSp(lax) {
      await sp.close();
      // Let this process's keep-alive sockets to the old SP see their end first: otherwise
      // fetch reuses one and the next request fails with "other side closed".
      await new Promise((resolve) => setTimeout(resolve, 50));
      sp = await createDemoSp({ harnessUrl: harness.url, port, lax });
      return sp;
    },
    async run(scenarios, runOptions = {}) {
      const driver = runOptions.driver ?? createHttpDriver();
      try {
        return await runScenarios({
          harness: harness.server,
          scenarios,
          targets: { 'demo-sp': resolvedTarget },
          registry: faultRegistry,
          driver,
          workers: runOptions.workers ?? 4,
          timeoutMs: 20_000,
        });
      } finally {
        if (!runOptions.driver) await driver.close();
      }
    },
    async close() {
      await sp.close();
      await harness.close();
    },
  };
}

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
