import { createServer } from 'node:net';
import { builtinConfig } from '../../config/builtin.ts';
import type { ConfigInput, TargetConfig } from '../../config/schema.ts';
import type { DemoNames } from '../../examples/demo-sp/defaults.ts';
import {
  createDemoSp,
  type DemoSp,
  defaultDemoSpConfig,
  type FailureStyle,
} from '../../examples/demo-sp/index.ts';
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
  run(
    scenarios: readonly Scenario[],
    options?: { driver?: Driver; workers?: number; screenshots?: 'failures' | 'all' },
  ): Promise<RunRecord>;
  close(): Promise<void>;
}

export interface DemoOptions {
  lax?: readonly string[];
  stateDir?: string;
  /** How the demo SP answers without a session. */
  failureStyle?: FailureStyle;
  /** The target's probe instead of the built-in one (the URL's origin is the SP's). */
  probe?: (spUrl: string) => ProbeInput;
  /** Other names for providers, users, connections, the SP entry and the target. */
  names?: DemoNames;
  /**
   * The host name the IdP is reached by (its publicUrl), while the SP stays on 127.0.0.1:
   * `localhost` puts them on two sites (docs/cross-site.md).
   */
  idpHost?: string;
}

type ProbeInput = NonNullable<ConfigInput['targets']>[string]['probe'];

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const port = await freePort();
  const spUrl = `http://127.0.0.1:${port}`;
  const names = options.names ?? {};
  const targetId = names.target ?? 'demo-sp';
  const config = builtinConfig(spUrl, names);
  const { demoSp: _launchedByUs, ...target } = config.targets![targetId]!;
  if (options.probe) target.probe = options.probe(spUrl);
  const idpPort = options.idpHost ? await freePort() : 0;
  const server = options.idpHost
    ? { server: { port: idpPort, publicUrl: `http://${options.idpHost}:${idpPort}` } }
    : {};
  const harness = await startHarness({
    config: {
      ...config,
      ...server,
      targets: { [targetId]: target },
      stateDir: options.stateDir ?? tempDir(),
    },
    port: idpPort,
  });
  const launch = (lax: readonly string[]) =>
    createDemoSp({
      harnessUrl: harness.url,
      port,
      lax,
      failureStyle: options.failureStyle,
      config: (url) => defaultDemoSpConfig(harness.url, url, names),
    });
  let sp = await launch(options.lax ?? []);
  const resolvedTarget = harness.config.targets[targetId]!;
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
      sp = await launch(lax);
      return sp;
    },
    async run(scenarios, runOptions = {}) {
      const driver = runOptions.driver ?? createHttpDriver();
      try {
        return await runScenarios({
          harness: harness.server,
          scenarios,
          targets: { [targetId]: resolvedTarget },
          registry: faultRegistry,
          driver,
          workers: runOptions.workers ?? 4,
          timeoutMs: 20_000,
          screenshots: runOptions.screenshots,
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
