import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateConfig } from '../../config/load.ts';
import type { ConfigInput } from '../../config/schema.ts';
import { type IdpServer, type IdpServerOptions, startIdpServer } from '../../idp/server.ts';

export interface TestIdp extends IdpServer {
  stateDir: string;
  logs: string[];
}

/** Starts the IdP on 127.0.0.1, a free port and a fresh state folder; stop() removes it. */
export async function startTestIdp(
  input: ConfigInput,
  options: Omit<IdpServerOptions, 'config'> & { stateDir?: string } = {},
): Promise<TestIdp & { stop(): Promise<void> }> {
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'sso-harness-test-'));
  const config = validateConfig({
    ...input,
    server: { host: '127.0.0.1', port: 0, ...input.server },
    stateDir,
  });
  const logs: string[] = [];
  const server = await startIdpServer({ ...options, config, log: (line) => logs.push(line) });
  return {
    ...server,
    stateDir,
    logs,
    async stop() {
      await server.close();
      if (!options.stateDir) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

export function tempDir(prefix = 'sso-harness-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
