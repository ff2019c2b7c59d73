import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { builtinPorts } from '../config/builtin.ts';
import { findConfigFile, type LoadedConfig, loadConfig } from '../config/load.ts';
import type { DemoSp } from '../examples/demo-sp/index.ts';
import { type IdpServer, type IdpServerOptions, startIdpServer } from '../idp/server.ts';
import { closeServer } from '../lib/http-server.ts';
import { launchDemoTargets } from './demo-target.ts';
import { bindPort } from './ports.ts';

export interface StartServersOptions {
  config?: string | undefined;
  port?: number | undefined;
  host?: string | undefined;
  stateDir?: string | undefined;
  /** Token the API and UI require (see idp/http/guard.ts). */
  apiToken?: string | undefined;
  /** Runs the history keeps. */
  keepRuns?: number | undefined;
  /** Port of the bundled demo SP in the built-in configuration; 0 picks a free one. */
  demoSpPort?: number | undefined;
  /** Lax switches for targets that run the bundled demo SP. */
  lax?: string | undefined;
  /** Start the demo SP only for these targets (default: every target that has `demoSp`). */
  targets?: readonly string[] | undefined;
  extensions?: IdpServerOptions['extensions'];
  log?: IdpServerOptions['log'];
}

export interface StartedServers {
  loaded: LoadedConfig;
  harness: IdpServer;
  demoSps: DemoSp[];
  /** Things the user should know, one line each (a busy default port left for another). */
  notes: string[];
  close(): Promise<void>;
}

/**
 * The composition shared by `serve` and `run`: load the config, bind the ports (a busy
 * port someone chose is an error naming who chose it; a busy default moves up), start the
 * IdP and the bundled demo SP of the targets that ask for it.
 */
export async function startServers(options: StartServersOptions): Promise<StartedServers> {
  const cwd = process.cwd();
  const file = options.config ? resolve(cwd, options.config) : findConfigFile(cwd);
  const notes: string[] = [];
  const bound: Record<string, Server> = {};
  let builtinSpUrl: string | undefined;
  if (!file) {
    const demo = await bindPort({
      what: 'the demo SP',
      port: options.demoSpPort ?? builtinPorts.demoSp,
      host: '127.0.0.1',
      chosenBy: options.demoSpPort === undefined ? undefined : '--demo-sp-port',
    });
    if (demo.movedFrom !== undefined) {
      notes.push(`port ${demo.movedFrom} is in use: the demo SP listens on ${demo.port} instead`);
    }
    bound['demo-sp'] = demo.server;
    builtinSpUrl = `http://127.0.0.1:${demo.port}`;
  } else if (options.demoSpPort !== undefined) {
    notes.push(
      `--demo-sp-port applies to the built-in configuration only; ${file} names its demo SP's port in its target URLs`,
    );
  }
  const release = () => Promise.all(Object.values(bound).map((s) => closeServer(s)));
  let loaded: LoadedConfig;
  let harness: IdpServer;
  try {
    loaded = await loadConfig({
      file,
      flags: {
        port: options.port,
        host: options.host,
        stateDir: options.stateDir,
        apiToken: options.apiToken,
        keepRuns: options.keepRuns,
      },
      builtinSpUrl,
    });
    const { config } = loaded;
    const port = await bindPort({
      what: 'the harness',
      port: config.server.port,
      host: config.server.host,
      chosenBy: loaded.portChosenBy,
    });
    if (port.movedFrom !== undefined) {
      notes.push(
        `port ${port.movedFrom} is in use (on a Mac, often AirPlay): the harness listens on ${port.port} instead; --port chooses one`,
      );
    }
    harness = await startIdpServer({
      config,
      baseDir: loaded.baseDir,
      server: port.server,
      extensions: options.extensions,
      log: options.log,
    });
  } catch (error) {
    await release();
    throw error;
  }
  const lax = options.lax
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const chosen = Object.fromEntries(
    Object.entries(loaded.config.targets).filter(([id]) => !options.targets || options.targets.includes(id)),
  );
  for (const [id, server] of Object.entries(bound)) {
    if (!chosen[id]?.demoSp) {
      await closeServer(server);
      delete bound[id];
    }
  }
  const demos = await launchDemoTargets(chosen, harness.url, lax, bound).catch(async (error: unknown) => {
    await harness.close();
    throw error;
  });
  return {
    loaded,
    harness,
    demoSps: demos.sps,
    notes,
    async close() {
      await demos.close();
      await harness.close();
    },
  };
}
