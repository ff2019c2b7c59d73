/**
 * The package as users get it: `npm pack`, `npm install <tarball>` into a fresh CommonJS
 * project (what `npm init -y` makes) and a fresh ESM one, then the CLI from there with
 * `npx`, config files of every supported kind, and the type declarations under
 * `skipLibCheck: false`. Dependencies come from the registry (the npm cache makes it quick).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/idp.ts';

const exec = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const tsc = join(root, 'node_modules/.bin/tsc');
const kinds = ['cjs', 'esm'] as const;
type Kind = (typeof kinds)[number];

let work: string;
const projects = {} as Record<Kind, string>;

/** The version this repository's lock file installed, so the temp project matches it. */
function devVersion(name: string): string {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

async function npm(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await exec('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npx sso-harness ...` in a project, as a user types it. */
function npx(cwd: string, args: string[], timeoutMs = 60_000): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['--no-install', 'sso-harness', ...args], { cwd, detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => killGroup(child), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The installed bin run by node directly: what `npx` ends up running, without npm's start-up. */
function cli(project: string, cwd: string, args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const bin = join(project, 'node_modules/sso-harness/bin/sso-harness.js');
    execFile(process.execPath, [bin, ...args], { cwd, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

beforeAll(async () => {
  work = tempDir('sso-harness-packed-');
  // Packed from a copy of the sources: prepack builds dist/ (tsc and the UI) as `npm publish`
  // would, and the checkout's own dist/ (which other tests serve) is left alone.
  const source = join(work, 'source');
  cpSync(root, source, {
    recursive: true,
    filter: (path) =>
      !/^(node_modules|dist|\.git|test-results|\.sso-harness)$/.test(relative(root, path).split(sep)[0]!),
  });
  symlinkSync(join(root, 'node_modules'), join(source, 'node_modules'), 'dir');
  await npm(source, ['pack', '--pack-destination', work]);
  const tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  for (const kind of kinds) {
    projects[kind] = join(work, kind);
    mkdirSync(projects[kind]);
  }
  await npm(projects.cjs, ['init', '-y']);
  writeFileSync(
    join(projects.esm, 'package.json'),
    `${JSON.stringify({ name: 'esm-project', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  const playwright = `@playwright/test@${devVersion('@playwright/test')}`;
  await Promise.all([
    npm(projects.cjs, ['install', tarball, '@types/node@24']),
    npm(projects.esm, ['install', tarball, '@types/node@24', playwright]),
  ]);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the installed package', () => {
  it('is a CommonJS project and an ESM project', () => {
    expect(JSON.parse(readFileSync(join(projects.cjs, 'package.json'), 'utf8')).type ?? 'commonjs').toBe(
      'commonjs',
    );
    expect(JSON.parse(readFileSync(join(projects.esm, 'package.json'), 'utf8')).type).toBe('module');
  });

  it('ships the bundled CLI, which the bin runs', () => {
    const installed = join(projects.esm, 'node_modules/sso-harness');
    expect(existsSync(join(installed, 'dist/bundle/main.js'))).toBe(true);
    expect(readFileSync(join(installed, 'bin/sso-harness.js'), 'utf8')).toContain('../dist/bundle/main.js');
  });

  it.each(kinds)('prints its version (%s project)', async (kind) => {
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
    const out = await npx(projects[kind], ['--version']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.trim()).toBe(version);
  });

  it('serves the UI at /, SAML metadata and OIDC discovery', async () => {
    const cwd = projects.cjs;
    const bin = join(cwd, 'node_modules/sso-harness/bin/sso-harness.js');
    const child = spawn(
      process.execPath,
      [bin, 'serve', '--port', '0', '--demo-sp-port', '0', '--state-dir', join(work, 'state')],
      { cwd },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.stderr.on('data', (d) => (out += d));
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
      });
      const ui = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
      expect(ui.status).toBe(200);
      const page = await ui.text();
      expect(page).toMatch(/<script type="module"[^>]*src="\/assets\//);
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(page)![1]!;
      expect((await fetch(`${url}${script}`)).status).toBe(200);

      const metadata = await fetch(`${url}/saml/demo-saml/metadata`);
      expect(metadata.status).toBe(200);
      expect(await metadata.text()).toContain(`entityID="${url}/saml/demo-saml"`);

      const discovery = await fetch(`${url}/oidc/demo-google/.well-known/openid-configuration`);
      expect(discovery.status).toBe(200);
      expect(((await discovery.json()) as { issuer: string }).issuer).toBe(`${url}/oidc/demo-google`);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }, 120_000);

  it('runs scenarios against the bundled demo SP and writes JSON and JUnit that parse', async () => {
    const cwd = projects.esm;
    const out = await npx(cwd, [
      'run',
      '--port',
      '0',
      '--demo-sp-port',
      '0',
      '--grep',
      'baseline',
      // The keys serve made: made once, as on a developer's machine.
      '--state-dir',
      join(work, 'state'),
      '--reporter',
      'list,json=reports/run.json,junit=reports/junit.xml',
    ]);
    expect(out.code, out.stdout + out.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(cwd, 'reports/run.json'), 'utf8'));
    expect(report).toMatchObject({ schema: 'sso-harness/run@1', status: 'finished' });
    expect(report.summary.total).toBeGreaterThan(0);
    expect(report.summary.passed).toBe(report.summary.total);
    const junit = new DOMParser().parseFromString(
      readFileSync(join(cwd, 'reports/junit.xml'), 'utf8'),
      'text/xml',
    );
    const suites = junit.documentElement!;
    expect(suites.tagName).toBe('testsuites');
    expect(Number(suites.getAttribute('tests'))).toBe(report.summary.total);
    expect(Number(suites.getAttribute('failures'))).toBe(0);
    expect(junit.getElementsByTagName('testcase').length).toBe(report.summary.total);
  }, 120_000);

  // Concurrent: each load is a process of its own, mostly waiting.
  describe.concurrent.each(kinds)('config files in a %s project', (kind) => {
    const esmSyntax = (id: string, typed: boolean) => `import { defineConfig } from 'sso-harness';
${typed ? "const persona: 'okta' | 'generic' = 'okta';" : "const persona = 'okta';"}
export default defineConfig({
  providers: { cfg: { protocol: 'saml', persona, entityId: '${id}' } },
});
`;
    const files: Record<string, (id: string) => string> = {
      'sso-harness.config.ts': (id) => esmSyntax(id, true),
      'sso-harness.config.mts': (id) => esmSyntax(id, true),
      // What each kind of project writes in a .js file by default.
      'sso-harness.config.js': (id) =>
        kind === 'esm'
          ? esmSyntax(id, false)
          : `const { defineConfig } = require('sso-harness');
module.exports = defineConfig({
  providers: { cfg: { protocol: 'saml', persona: 'okta', entityId: '${id}' } },
});
`,
      'sso-harness.config.mjs': (id) => esmSyntax(id, false),
      'sso-harness.config.json': (id) =>
        JSON.stringify({
          $schema: './node_modules/sso-harness/sso-harness.schema.json',
          providers: { cfg: { protocol: 'saml', persona: 'okta', entityId: id } },
        }),
    };
    it.for(Object.keys(files))('%s loads', async (name, { expect }) => {
      const dir = join(projects[kind], name.replaceAll('.', '-'));
      mkdirSync(dir, { recursive: true });
      const id = `urn:sso-harness:test:${kind}:${name}`;
      writeFileSync(join(dir, name), files[name]!(id));
      // Found in the working directory, as a user's project has it.
      const out = await cli(projects[kind], dir, ['metadata', '--provider', 'cfg']);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout).toContain(`entityID="${id}"`);
    });

    it("the ESM syntax of the README's sso-harness.config.ts also works in a .js file", async ({
      expect,
    }) => {
      const dir = join(projects[kind], 'readme-js');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'sso-harness.config.js'), esmSyntax('urn:readme:js', false));
      const out = await cli(projects[kind], dir, ['metadata', '--provider', 'cfg']);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout).toContain('entityID="urn:readme:js"');
    });
  });

  it.each(kinds)('init writes a sso-harness.config.ts that loads (%s project)', async (kind) => {
    const dir = join(projects[kind], 'init');
    mkdirSync(dir);
    const written = await cli(projects[kind], dir, [
      'init',
      '--redirect-uri',
      'http://localhost:3000/oidc/callback',
    ]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain('Fill in');
    const listed = await cli(projects[kind], dir, ['list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
  });

  it('publishes the config JSON Schema where `init` and the README point a .json config', () => {
    const schema = JSON.parse(
      readFileSync(join(projects.esm, 'node_modules/sso-harness/sso-harness.schema.json'), 'utf8'),
    );
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['providers', 'users', 'targets']));
  });

  it.each(kinds)(
    'its type declarations pass skipLibCheck: false (%s project)',
    async (kind) => {
      const cwd = projects[kind];
      writeFileSync(
        join(cwd, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            module: 'nodenext',
            moduleResolution: 'nodenext',
            target: 'es2023',
            strict: true,
            skipLibCheck: false,
            noEmit: true,
            types: ['node'],
          },
          files: kind === 'esm' ? ['uses-the-api.ts', 'uses-the-fixture.ts'] : ['uses-the-api.ts'],
        }),
      );
      writeFileSync(
        join(cwd, 'uses-the-fixture.ts'),
        `import { expect, test } from 'sso-harness/playwright';
test.use({ harnessOptions: { port: 0 } });
test('types', async ({ page, flow, harness }) => {
  const login = await flow({ provider: 'demo-saml', user: 'alice' });
  await page.goto(harness.url);
  expect(login.trace().map((m) => m.kind)).toBeDefined();
});
`,
      );
      writeFileSync(
        join(cwd, 'uses-the-api.ts'),
        `import { defineConfig, startHarness, type Harness, type RunRecord } from 'sso-harness';
export const config = defineConfig({ users: { alice: { email: 'alice@example.com' } } });
export async function check(): Promise<RunRecord['summary']> {
  const harness: Harness = await startHarness({ config, port: 0 });
  const flow = harness.flow({ provider: 'demo-saml', user: 'alice' });
  flow.end();
  const record = await harness.run({ grep: /baseline/ });
  await harness.close();
  return record.summary;
}
`,
      );
      const result = await exec(tsc, ['-p', '.'], { cwd }).then(
        () => ({ code: 0, out: '' }),
        (error: { code: number; stdout: string; stderr: string }) => ({
          code: error.code,
          out: error.stdout + error.stderr,
        }),
      );
      expect(result.out).toBe('');
      expect(result.code).toBe(0);
    },
    120_000,
  );
});
