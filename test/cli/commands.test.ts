import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load.ts';
import { createDemoSp, type DemoSp } from '../../examples/demo-sp/index.ts';
import { bindPort } from '../../runner/ports.ts';
import { tempDir } from '../support/idp.ts';

const bin = new URL('../../bin/sso-harness.js', import.meta.url).pathname;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(cwd: string, args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A port someone else holds, for as long as the test needs it busy. */
async function occupy(): Promise<{ port: number; release(): Promise<void> }> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { port, release: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('ports', () => {
  it('a busy port given with a flag is a one-line error naming the port and the flag, exit 2', async () => {
    const busy = await occupy();
    try {
      const cwd = tempDir();
      for (const [flag, other] of [
        ['--port', ['--demo-sp-port', '0']],
        ['--demo-sp-port', ['--port', '0']],
      ] as const) {
        const out = await cli(cwd, ['run', flag, String(busy.port), ...other, '--state-dir', join(cwd, 's')]);
        expect(out.code, out.stderr).toBe(2);
        const lines = out.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(`port ${busy.port}`);
        expect(lines[0]).toContain(`(${flag})`);
      }
    } finally {
      await busy.release();
    }
  }, 120_000);

  it('a busy default port moves to the next free one and says so', async () => {
    const busy = await occupy();
    try {
      const bound = await bindPort({
        what: 'the harness',
        port: busy.port,
        host: '127.0.0.1',
        chosenBy: undefined,
      });
      expect(bound.movedFrom).toBe(busy.port);
      expect(bound.port).toBeGreaterThan(busy.port);
      bound.server.close();
      await expect(
        bindPort({ what: 'the harness', port: busy.port, host: '127.0.0.1', chosenBy: '--port' }),
      ).rejects.toMatchObject({ code: 'PORT_IN_USE' });
    } finally {
      await busy.release();
    }
  });
});

describe('small commands', () => {
  it('--version prints the version', async () => {
    const out = await cli(tempDir(), ['--version']);
    expect(out.code).toBe(0);
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(out.stdout.trim()).toBe(version);
  });

  it('stops quietly when the reader of its output goes away (list --json | head)', async () => {
    const child = spawn(process.execPath, [bin, 'list', '--json'], { cwd: tempDir() });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('init', () => {
  let sp: DemoSp;
  beforeAll(async () => {
    sp = await createDemoSp({ harnessUrl: 'http://127.0.0.1:9' });
  });
  afterAll(() => sp.close());

  // The .ts form (which imports the installed package) is loaded in test/package/packed.test.ts.
  it('writes a starter config from SP metadata (URL) and an OIDC redirect URI that loads, and says what to fill in', async () => {
    const cwd = tempDir();
    const out = await cli(cwd, [
      'init',
      '--sp-metadata',
      `${sp.url}/saml/saml/metadata`,
      '--redirect-uri',
      'http://localhost:3000/oidc/callback',
      '--out',
      'sso-harness.config.json',
    ]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('Fill in');
    expect(out.stdout).toContain('targets.app.probe');
    expect(out.stdout).toContain('/saml/mock-saml/metadata');
    expect(out.stdout).toMatch(/client_secret dev-\S+/);
    const loaded = await loadConfig({ cwd, flags: { stateDir: join(cwd, 's') } });
    expect(loaded.file).toBe(join(cwd, 'sso-harness.config.json'));
    const provider = loaded.config.providers['mock-saml'];
    expect(provider?.protocol === 'saml' && provider.sps.app?.metadataUrl).toBe(
      `${sp.url}/saml/saml/metadata`,
    );
    expect(loaded.config.targets.app?.connections.saml?.loginUrl).toBe(`${sp.url}/login`);
    // The URLs it tells the SP about name the port the config pins (7000, or the next free one
    // when 7000 is busy here), so serve cannot move off them later.
    const told = /IdP metadata http:\/\/127\.0\.0\.1:(\d+)\/saml\/mock-saml\/metadata/.exec(out.stdout);
    expect(Number(told?.[1])).toBe(loaded.config.server.port);
    expect(loaded.portChosenBy).toBeDefined();

    const again = await cli(cwd, [
      'init',
      '--redirect-uri',
      'http://localhost:3000/cb',
      '--out',
      'sso-harness.config.json',
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
  });

  it('writes a .json config from a metadata file, with $schema', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'sp.xml'), await (await fetch(`${sp.url}/saml/okta/metadata`)).text());
    const out = await cli(cwd, ['init', '--sp-metadata', 'sp.xml', '--out', 'sso-harness.config.json']);
    expect(out.code, out.stderr).toBe(0);
    const written = JSON.parse(readFileSync(join(cwd, 'sso-harness.config.json'), 'utf8'));
    expect(written.$schema).toBe('./node_modules/sso-harness/sso-harness.schema.json');
    expect(written.providers['mock-saml'].sps.app).toEqual({ metadataFile: 'sp.xml' });
    await loadConfig({ cwd });
  });

  it('says what it needs without a source', async () => {
    const out = await cli(tempDir(), ['init']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--sp-metadata');
  });
});

describe('shards and merge-reports; run --harness-url', () => {
  it('merges the JSON reports of two shards into one HTML and JUnit report', async () => {
    const cwd = tempDir();
    // Each shard as on its own CI machine: its own state folder.
    const shard = (i: number) =>
      cli(cwd, [
        'run',
        ...['--port', '0', '--demo-sp-port', '0', '--grep', 'baseline', '--state-dir', join(cwd, `s${i}`)],
        ...['--shard', `${i}/2`, '--reporter', `json=shard-${i}.json`],
      ]);
    const shards = await Promise.all([shard(1), shard(2)]);
    for (const done of shards) expect(done.code, done.stderr).toBe(0);
    const totals = [1, 2].map(
      (i) => JSON.parse(readFileSync(join(cwd, `shard-${i}.json`), 'utf8')).summary.total as number,
    );
    expect(totals.every((t) => t > 0)).toBe(true);

    const merged = await cli(cwd, [
      'merge-reports',
      'shard-1.json',
      'shard-2.json',
      '--reporter',
      'list,html=merged.html,junit=merged.xml,json=merged.json',
    ]);
    expect(merged.code, merged.stderr).toBe(0);
    const record = JSON.parse(readFileSync(join(cwd, 'merged.json'), 'utf8'));
    expect(record.summary.total).toBe(totals[0]! + totals[1]!);
    expect(record.summary.passed).toBe(record.summary.total);
    expect(record.options.shard).toBe('merged 1/2, 2/2');
    const junit = new DOMParser().parseFromString(readFileSync(join(cwd, 'merged.xml'), 'utf8'), 'text/xml');
    expect(junit.getElementsByTagName('testcase').length).toBe(record.summary.total);
    expect(readFileSync(join(cwd, 'merged.html'), 'utf8')).toContain('saml.baseline.sp-initiated');

    mkdirSync(join(cwd, 'bad'));
    writeFileSync(join(cwd, 'bad/not-a-report.json'), '{"hello":1}');
    const bad = await cli(cwd, ['merge-reports', 'shard-1.json', 'bad/not-a-report.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad/not-a-report.json is not an sso-harness JSON report');
  }, 120_000);

  it('runs on an already running serve and reports as an in-process run does', async () => {
    const cwd = tempDir();
    const serve: ChildProcess = spawn(
      process.execPath,
      [bin, 'serve', '--port', '0', '--demo-sp-port', '0', '--state-dir', join(cwd, 's')],
      { cwd },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        serve.stdout!.on('data', (d) => {
          out += d;
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match && out.includes('  SP ')) resolve(match[1]!);
        });
        serve.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      });
      const out = await cli(cwd, [
        'run',
        '--harness-url',
        url,
        '--grep',
        'saml.baseline',
        '--reporter',
        'list,json=remote.json,junit=remote.xml',
      ]);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout).toContain('✓ pass  saml.baseline.sp-initiated');
      const record = JSON.parse(readFileSync(join(cwd, 'remote.json'), 'utf8'));
      expect(record.summary.total).toBeGreaterThan(0);
      expect(record.summary.passed).toBe(record.summary.total);
      expect(record.results[0].http.length).toBeGreaterThan(0);

      const refused = await cli(cwd, ['run', '--harness-url', url, '--shard', '1/2']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('--shard cannot be used with --harness-url');
    } finally {
      const exited = new Promise((resolve) => serve.once('exit', resolve));
      serve.kill('SIGTERM');
      await exited;
    }
  }, 120_000);

  it('says so when no harness answers at --harness-url', async () => {
    const free = await occupy();
    await free.release();
    const out = await cli(tempDir(), [
      'run',
      '--harness-url',
      `http://127.0.0.1:${free.port}`,
      '--target',
      'x',
    ]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(`no harness answers at http://127.0.0.1:${free.port}`);
  });
});
