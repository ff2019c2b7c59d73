import { loadConfig } from '../config/load.ts';
import { startIdpServer } from './server.ts';

export interface ServeOptions {
  config?: string | undefined;
  port?: number | undefined;
  host?: string | undefined;
  stateDir?: string | undefined;
}

/** `sso-harness serve`: start, print where everything is, keep serving until a signal. */
export async function serve(options: ServeOptions): Promise<void> {
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
  const server = await startIdpServer({ config, baseDir: loaded.baseDir });
  console.log(`sso-harness listening on ${server.url} (config: ${loaded.file ?? 'built-in'})`);
  for (const provider of server.providers.values()) {
    const info = await provider.info();
    const label = info.protocol === 'saml' ? 'metadata ' : 'discovery';
    console.log(
      `  ${info.protocol.toUpperCase().padEnd(4)} ${info.id.padEnd(20)} ${label} ${info.metadataUrl}${info.disabled ? '  (disabled)' : ''}`,
    );
  }
  console.log(`  UI   ${server.url}/`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
