import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunHistory } from '../../runner/history.ts';
import { StateDatabase } from '../../runner/state/database.ts';
import { tempDir } from '../support/idp.ts';
import { runOf, twoRuns } from '../support/run-records.ts';

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

let cwd = '';
let stateDir = '';

beforeAll(async () => {
  cwd = tempDir();
  stateDir = join(cwd, 'state');
  const history = new RunHistory(stateDir);
  const { a, b } = twoRuns();
  await history.save(a);
  await history.save(b);
  // The same results as run B, in another order, and only added scenarios.
  await history.save(runOf('run-c', '2026-01-03T10:00:00.000Z', [...b.results].reverse()));
  StateDatabase.closeAll();
});
afterAll(() => StateDatabase.closeAll());

describe('sso-harness compare', () => {
  it('prints the results that moved with both sides, and exits 1 when a verdict changed', async () => {
    const out = await cli(cwd, ['compare', 'run-a', 'run-b', '--state-dir', stateDir]);
    expect(out.code, out.stderr).toBe(1);
    const lines = out.stdout.split('\n');
    expect(lines[0]).toMatch(/^A run-a {2}2026-01-01T10:00:00.000Z {2}3 pass, 0 fail, 0 error$/);
    expect(lines[1]).toMatch(/^B run-b .* 1 pass, 1 fail, 1 error$/);
    expect(out.stdout).toMatch(/changed +saml\.audience @ app +✓ pass +✗ FAIL/);
    expect(out.stdout).toContain('A: refused: no session (the SP refused, as it should)');
    expect(out.stdout).toContain('B: logged in as alice@example.com (the SP accepted what it should refuse)');
    expect(out.stdout).toMatch(/appeared +saml\.second-login @ app +- +! ERROR/);
    expect(out.stdout).toMatch(/disappeared +saml\.expired @ app +✓ pass +-/);
    expect(out.stdout).not.toMatch(/^\S+ +saml\.replay/m);
    expect(lines.at(-2)).toBe('1 changed, 1 appeared, 1 disappeared, 1 unchanged');
  });

  it('exits 0 when no verdict changed; --json prints the comparison', async () => {
    const out = await cli(cwd, ['compare', 'run-b', 'run-c', '--state-dir', stateDir, '--json']);
    expect(out.code, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.counts).toEqual({ changed: 0, appeared: 0, disappeared: 0, unchanged: 3 });
    expect(json.a.id).toBe('run-b');
    expect(json.results.map((r: { key: string }) => r.key)).toEqual([
      'saml.second-login @ app',
      'saml.audience @ app',
      'saml.replay @ app',
    ]);
    expect(json.results[1]).toMatchObject({ a: { verdict: 'fail' }, b: { verdict: 'fail' } });
  });

  it('a run not in the history is a one-line usage error naming it and the recent runs, exit 2', async () => {
    const out = await cli(cwd, ['compare', 'run-a', 'nope', '--state-dir', stateDir]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('there is no run "nope" (run B)');
    expect(out.stderr).toContain('recent runs: run-c, run-b, run-a');
  });
});
