import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installedNpmVersion } from '../../examples/sp-zoo/installed.ts';
import { startSpProcess } from '../../examples/sp-zoo/process.ts';
import { freePort } from '../../examples/sp-zoo/run.ts';
import { tempDir } from '../support/idp.ts';

const dir = tempDir('sso-harness-zoo-process-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, code: string): string {
  const file = join(dir, name);
  writeFileSync(file, code);
  return file;
}

describe('startSpProcess', () => {
  it('refuses before spawning when the library is not installed, naming the package', async () => {
    const start = startSpProcess({
      id: 'ghost',
      command: process.execPath,
      args: [script('never.mjs', 'process.exit(9)')],
      version: () => installedNpmVersion('no-such-zoo-library'),
      port: await freePort(),
    });
    await expect(start).rejects.toMatchObject({ code: 'LIBRARY_MISSING' });
    await expect(start).rejects.toThrow(/no-such-zoo-library/);
  });

  it('reports an SP that dies before it is ready, with the end of its stderr', async () => {
    const start = startSpProcess({
      id: 'crashy',
      command: process.execPath,
      args: [script('crash.mjs', 'console.error("IdP metadata: HTTP 404"); process.exit(3);')],
      version: () => installedNpmVersion('samlify'),
      port: await freePort(),
    });
    await expect(start).rejects.toMatchObject({ code: 'START_FAILED' });
    await expect(start).rejects.toThrow(/code 3[\s\S]*IdP metadata: HTTP 404/);
  });

  it('kills an SP that never gets ready within the bound', async () => {
    const start = startSpProcess({
      id: 'sleepy',
      command: process.execPath,
      args: [script('sleep.mjs', 'setInterval(() => {}, 1000);')],
      version: () => installedNpmVersion('samlify'),
      port: await freePort(),
      readyTimeoutMs: 300,
    });
    await expect(start).rejects.toMatchObject({ code: 'START_TIMEOUT' });
  });
});
