import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinConfig } from '../../config/builtin.ts';
import { createDemoSp } from '../../examples/demo-sp/index.ts';
import { startHarness } from '../../runner/harness.ts';
import { type Demo, freePort, startDemo } from '../support/demo.ts';
import { tempDir } from '../support/idp.ts';
import { captureLogin } from './support.ts';

/** `sso-harness explain` as a user runs it: a HAR of a real login in, text, JSON or HTML out; --reproduce against the demo SP. */
const bin = new URL('../../bin/sso-harness.js', import.meta.url).pathname;

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

let demo: Demo;
const files = tempDir('sso-harness-explain-cli-');
let clean: string;
let audience: string;

beforeAll(async () => {
  demo = await startDemo();
  clean = join(files, 'clean.har');
  writeFileSync(clean, await captureLogin(demo, 'saml', []));
  audience = join(files, 'audience.har');
  writeFileSync(audience, await captureLogin(demo, 'saml', [{ fault: 'saml.audience' }]));
});
afterAll(() => demo?.close());

describe('sso-harness explain', () => {
  it('explains a HAR against the SP and IdP metadata: the problem, the values, the fix; exit 1', async () => {
    const result = await cli(files, [
      'explain',
      audience,
      '--sp-metadata',
      `${demo.spUrl}/saml/saml/metadata`,
      '--idp-metadata',
      `${demo.harness.url}/saml/demo-saml/metadata`,
    ]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(
      /✗ saml\.audience\s+the assertion is for https:\/\/other-sp\.invalid\/saml\/metadata, not for this SP/,
    );
    expect(result.stdout).toContain(`expected: ${demo.spUrl}/saml/saml`);
    expect(result.stdout).toContain('fix (IdP): Set the SP entityID at the IdP');
    expect(result.stdout).toMatch(/1 problem, \d+ warnings?, \d+ ok/);
  });

  it('a clean login: exit 0; --json prints the documented schema; --html writes a self-contained page', async () => {
    const page = join(files, 'report.html');
    const result = await cli(files, [
      'explain',
      clean,
      '--json',
      '--html',
      page,
      '--idp-metadata',
      `${demo.harness.url}/saml/demo-saml/metadata`,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const explanation = JSON.parse(result.stdout);
    expect(explanation).toMatchObject({
      schema: 'sso-harness/explain@1',
      outcome: 'readable',
      summary: { problem: 0 },
    });
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('<h1>sso-harness explain');
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it('--mask replaces the user consistently, everywhere', async () => {
    const result = await cli(files, ['explain', clean, '--mask', '--json', '-v']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('alice@example.com');
    expect(result.stdout).not.toContain('Alice');
    const explanation = JSON.parse(result.stdout);
    expect(explanation.masked).toBe(true);
    const nameId = explanation.checks.find((c: { id: string }) => c.id === 'saml.nameid');
    expect(nameId.actual).toBe('person-1@masked.invalid');
    expect(explanation.messages[1].decoded).toContain('person-1@masked.invalid');
  });

  it('--reproduce without --target is bad usage: exit 2 and what to add', async () => {
    const result = await cli(files, ['explain', audience, '--reproduce']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--reproduce needs --target');
  });
});

/**
 * The customer's SP is a target of the config: the capture is made against the same
 * harness and demo SP (same ports, same seeded keys) that the command then starts itself.
 */
describe('sso-harness explain --target, --reproduce', () => {
  const cwd = tempDir();
  let captured: string;

  async function writeConfig(lax: string[]): Promise<void> {
    const raw = JSON.parse(readFileSync(join(cwd, 'sso-harness.config.json'), 'utf8'));
    raw.targets['demo-sp'].demoSp = { lax };
    writeFileSync(join(cwd, 'sso-harness.config.json'), JSON.stringify(raw));
  }

  beforeAll(async () => {
    const spUrl = `http://127.0.0.1:${await freePort()}`;
    const config = builtinConfig(spUrl);
    writeFileSync(
      join(cwd, 'sso-harness.config.json'),
      JSON.stringify({
        ...config,
        server: { port: await freePort() },
        keys: { seed: 'explain-cli-tests-0001' },
        stateDir: join(cwd, 'state'),
      }),
    );
    const harness = await startHarness({ config: join(cwd, 'sso-harness.config.json') });
    const sp = await createDemoSp({
      harnessUrl: harness.url,
      port: Number(new URL(spUrl).port),
      lax: [],
      log: () => {},
    });
    try {
      captured = join(cwd, 'audience.har');
      writeFileSync(
        captured,
        await captureLogin({ harness, target: harness.config.targets['demo-sp']! }, 'saml', [
          { fault: 'saml.audience' },
        ]),
      );
    } finally {
      await sp.close();
      await harness.close();
    }
  });

  it('--target reads the SP and IdP settings from the config', async () => {
    const result = await cli(cwd, ['explain', captured, '--target', 'demo-sp', '--connection', 'saml']);
    expect(result.stdout).toContain('SP:  target demo-sp, connection saml');
    expect(result.stdout).toMatch(/✗ saml\.audience/);
    expect(result.stdout, 'the capture and the target are the same SP: only the fault differs').toMatch(
      /^1 problem,/m,
    );
    expect(result.code).toBe(1);
  });

  it('--reproduce: the harness sends the same defect to the demo SP, which refuses it: "reproduced", exit 0', async () => {
    const result = await cli(cwd, ['explain', captured, '--reproduce', '--target', 'demo-sp']);
    expect(result.stdout, result.stderr).toMatch(
      /^reproduced: no session at demo-sp when the IdP commits saml\.audience \(no session: .*\); run \S+$/m,
    );
    expect(result.stdout).not.toMatch(/\bpass\b/);
    // It is reproducing already: no hint to run what was just run.
    expect(result.stdout).toMatch(/^Reproducing with: saml\.audience/m);
    expect(result.stdout).not.toContain('Reproduce with:');
    expect(result.code).toBe(0);
  });

  it('--reproduce --json: one JSON document whose `reproduce` says what was looked for and the outcome', async () => {
    await writeConfig(['audience']);
    const result = await cli(cwd, ['explain', captured, '--reproduce', '--target', 'demo-sp', '--json']);
    const document = JSON.parse(result.stdout);
    expect(document.summary.problem).toBe(1);
    expect(document.reproduce).toMatchObject({
      outcome: 'not-reproduced',
      what: 'no session at demo-sp when the IdP commits saml.audience',
      runId: expect.any(String),
    });
    expect(document.reproduce.line).toMatch(
      /^not reproduced: looked for no session at demo-sp when the IdP commits saml\.audience; the SP gave logged in as /,
    );
    expect(result.code, 'not reproduced').toBe(1);
  });

  it('--reproduce against an SP that cannot be reached: "not judged", exit 3', async () => {
    const raw = JSON.parse(readFileSync(join(cwd, 'sso-harness.config.json'), 'utf8'));
    delete raw.targets['demo-sp'].demoSp;
    writeFileSync(join(cwd, 'sso-harness.config.json'), JSON.stringify(raw));
    const result = await cli(cwd, ['explain', captured, '--reproduce', '--target', 'demo-sp']);
    expect(result.stdout, result.stderr).toMatch(
      /^not judged: the run could not tell \(calibration of target/m,
    );
    expect(result.code).toBe(3);
  });
});
