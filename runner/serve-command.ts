import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/load.ts';
import { apiNotFound, idpApi } from '../idp/api/index.ts';
import { staticUi } from '../idp/http/static.ts';
import { type IdpServer, type IdpServerOptions, startIdpServer } from '../idp/server.ts';
import { type RunnerApiOptions, runnerApi } from './api/index.ts';

/** Where `vite build` puts the UI. */
export const uiDir = fileURLToPath(new URL('../dist/ui', import.meta.url));

export interface ServeOptions {
  config?: string | undefined;
  port?: number | undefined;
  host?: string | undefined;
  stateDir?: string | undefined;
}

/**
 * The server extensions of `sso-harness serve`: the JSON/SSE API (IdP and runner parts),
 * a JSON 404 for unknown API paths, then the built UI.
 */
export function harnessExtensions(options: RunnerApiOptions & { uiDir?: string } = {}): {
  extensions: NonNullable<IdpServerOptions['extensions']>;
  ready(): Promise<void>;
} {
  const runner = runnerApi(options);
  return {
    extensions: [
      idpApi(),
      runner.extension,
      () => apiNotFound(),
      () => staticUi({ dir: options.uiDir ?? uiDir }),
    ],
    ready: runner.ready,
  };
}

/** `sso-harness serve`: start the IdP with the API and the UI, print where everything is, serve until a signal. */
export async function serve(options: ServeOptions): Promise<IdpServer> {
  const loaded = await loadConfig({
    file: options.config,
    flags: { port: options.port, host: options.host, stateDir: options.stateDir },
  });
  const { config } = loaded;
  if (!isLoopback(config.server.host)) {
    console.warn(
      `WARNING: listening on ${config.server.host}, reachable from other machines. The keys of this IdP are TEST KEYS: anyone can read them from ${config.stateDir}. Never let a production SP trust it.`,
    );
  }
  const composition = harnessExtensions();
  const server = await startIdpServer({
    config,
    baseDir: loaded.baseDir,
    extensions: composition.extensions,
  });
  await composition.ready();
  console.log(`sso-harness listening on ${server.url} (config: ${loaded.file ?? 'built-in'})`);
  for (const provider of server.providers.values()) {
    const info = await provider.info();
    const label = info.protocol === 'saml' ? 'metadata ' : 'discovery';
    console.log(
      `  ${info.protocol.toUpperCase().padEnd(4)} ${info.id.padEnd(20)} ${label} ${info.metadataUrl}${info.disabled ? '  (disabled)' : ''}`,
    );
  }
  const built = existsSync(`${uiDir}/index.html`);
  console.log(`  UI   ${server.url}/${built ? '' : '  (not built: run `npx vite build` for the full UI)'}`);
  console.log(`  API  ${server.url}/api/`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
