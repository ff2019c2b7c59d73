import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

interface PlaywrightJson {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors: Array<{ message?: string }>;
}

describe('sso-harness/playwright', () => {
  it('runs a Playwright project with the fixtures: a harness per worker, flows, decoded traces, the system Chromium', async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
      (resolve) =>
        execFile(
          'npx',
          ['playwright', 'test', '-c', 'test/playwright-fixture/playwright.config.ts', '--reporter=json'],
          // Playwright cannot download browsers here: the fixture must find /usr/bin/chromium itself.
          {
            cwd: root,
            maxBuffer: 16 * 1024 * 1024,
            env: { ...process.env, PLAYWRIGHT_BROWSERS_PATH: '/nonexistent' },
          },
          (error, out, err) =>
            resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: out, stderr: err }),
        ),
    );
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as PlaywrightJson;
    expect(report.errors, stderr).toEqual([]);
    expect(report.stats).toMatchObject({ expected: 3, unexpected: 0, flaky: 0 });
    expect(code).toBe(0);
  }, 180_000);
});
