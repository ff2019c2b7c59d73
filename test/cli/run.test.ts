import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinConfig } from '../../config/builtin.ts';
import { freePort } from '../support/demo.ts';
import { tempDir } from '../support/idp.ts';

const bin = new URL('../../bin/sso-harness.js', import.meta.url).pathname;

/** A project folder whose config is the embedded demo on free ports. */
async function project(): Promise<string> {
  const dir = tempDir();
  const config = builtinConfig(`http://127.0.0.1:${await freePort()}`);
  writeFileSync(join(dir, 'sso-harness.config.json'), JSON.stringify({ ...config, server: { port: 0 } }));
  return dir;
}

function cli(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('sso-harness run', () => {
  it('exits 0 when every scenario passes and writes JUnit and JSON', async () => {
    const cwd = await project();
    const result = await cli(cwd, [
      'run',
      '--grep',
      '^saml\\.baseline\\.sp-initiated$',
      '--reporter',
      'list,junit=out/junit.xml,json=out/run.json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('✓ pass');
    expect(result.stdout).toMatch(/1 scenario: 1 passed, 0 failed, 0 errors/);
    expect(readFileSync(join(cwd, 'out/junit.xml'), 'utf8')).toContain(
      '<testcase name="saml.baseline.sp-initiated',
    );
    const record = JSON.parse(readFileSync(join(cwd, 'out/run.json'), 'utf8'));
    expect(record).toMatchObject({
      schema: 'sso-harness/run@1',
      status: 'finished',
      summary: { total: 1, passed: 1 },
    });
  });

  it('exits 2 naming the path when a connection names a user that does not exist', async () => {
    const cwd = await project();
    const file = join(cwd, 'sso-harness.config.json');
    const config = JSON.parse(readFileSync(file, 'utf8'));
    config.targets['demo-sp'].connections.saml.user = 'nobody';
    writeFileSync(file, JSON.stringify(config));
    const result = await cli(cwd, ['run', '--grep', 'saml.baseline']);
    expect(result.code, result.stdout + result.stderr).toBe(2);
    expect(result.stderr).toContain('targets.demo-sp.connections.saml.user: unknown user "nobody"');
  });

  it('exits 2 with the reasons when every scenario was skipped', async () => {
    const cwd = await project();
    const result = await cli(cwd, ['run', '--grep', 'saml.baseline.sp-initiated', '--connection', 'google']);
    expect(result.code, result.stdout + result.stderr).toBe(2);
    expect(result.stderr).toContain('no scenario could run: all 1 were skipped');
    expect(result.stderr).toContain('connection "google" does not fit it (SAML)');
  });

  it('exits 1 when a scenario fails (the demo SP made lax)', async () => {
    const cwd = await project();
    const result = await cli(cwd, ['run', '--grep', 'saml.audience', '--lax', 'audience']);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain('✗ FAIL');
  });

  it('exits 2 with a clear message on bad usage', async () => {
    const cwd = await project();
    for (const [args, message] of [
      [['run', '--protocol', 'ftp'], "argument 'ftp' is invalid"],
      [['run', '--shard', '3/2'], '--shard expects i/n'],
      [['run', '--reporter', 'xml'], 'unknown reporter "xml"'],
      [['run', '--target', 'nope'], 'unknown target "nope"'],
      [['run', '--grep', 'no-such-scenario-anywhere'], 'no scenario matches'],
      [['run', '--lax', 'nonsense'], 'nonsense'],
    ] as const) {
      const result = await cli(cwd, [...args]);
      expect(result.code, `${args.join(' ')}: ${result.stdout}${result.stderr}`).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(message);
    }
  });

  it('lists the catalog as JSON', async () => {
    const result = await cli(await project(), ['list', '--json']);
    const listed = JSON.parse(result.stdout) as {
      count: number;
      scenarios: Array<{ id: string; protocol: string }>;
    };
    expect(listed.count).toBe(listed.scenarios.length);
    expect(listed.scenarios.map((s) => s.id)).toContain('saml.baseline.sp-initiated');
  });
});
