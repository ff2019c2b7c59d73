import { describe, expect, it } from 'vitest';
import { listReporter } from '../../../runner/reporters/list.ts';
import type { RunBeginInfo } from '../../../runner/reporters/types.ts';
import type { ScenarioResult } from '../../../runner/types.ts';
import { resultOf, runOf } from '../../support/run-records.ts';

const reproduction = (verdict: 'pass' | 'fail', outcome: 'reproduced' | 'not-reproduced', line: string) =>
  resultOf(`repro.${verdict}`, verdict, {
    tags: ['composed', 'reproduction'],
    reproduction: { outcome, what: 'no session at app when the IdP commits saml.audience', line },
  });

function printed(results: ScenarioResult[], options = {}): string {
  let text = '';
  const reporter = listReporter((t) => {
    text += t;
  });
  results.forEach((r, i) => {
    reporter.onResult!(r, { done: i + 1, total: results.length });
  });
  reporter.onEnd!({ ...runOf('run-1', '2026-01-01T00:00:00.000Z', results), ...options });
  return text;
}

const begin = (keys: string[]): RunBeginInfo => ({
  runId: 'r1',
  total: keys.length,
  keys,
  options: { targets: ['app'], driver: 'http', workers: 2 },
});

function firstLine(info: RunBeginInfo): string {
  let out = '';
  listReporter((text) => {
    out += text;
  }).onBegin?.(info);
  return out.split('\n')[0]!;
}

describe('list reporter', () => {
  it('reads reproductions as reproduced / not reproduced, with what each looked for', () => {
    const text = printed([
      reproduction('pass', 'reproduced', 'reproduced: no session at app (refused)'),
      reproduction('fail', 'not-reproduced', 'not reproduced: looked for no session at app'),
    ]);
    expect(text).toMatch(/\[1\/2\] ✓ reproduced repro\.pass @ app/);
    expect(text).toContain('          reproduced: no session at app (refused)');
    expect(text).toMatch(/\[2\/2\] ✗ NOT reproduced repro\.fail @ app/);
    expect(text).toContain('2 reproductions: 1 reproduced, 1 not reproduced, 0 not judged');
    expect(text).not.toMatch(/✓ pass|FAIL|passed/);
  });

  it('keeps pass / fail for ordinary scenarios', () => {
    const text = printed([resultOf('saml.audience', 'pass'), resultOf('saml.replay', 'fail')]);
    expect(text).toMatch(/✓ pass\s+saml\.audience @ app/);
    expect(text).toContain('2 scenarios: 1 passed, 1 failed, 0 errors, 0 skipped');
  });
  it('counts scenarios, and jobs apart when a scenario runs on several connections', () => {
    expect(firstLine(begin(['a @ app', 'b @ app']))).toBe('Running 2 scenarios (http driver, 2 workers)');
    expect(firstLine(begin(['a @ app/saml', 'a @ app/google', 'b @ app/saml']))).toBe(
      'Running 2 scenarios as 3 jobs (one per target and connection) (http driver, 2 workers)',
    );
  });

  it('the final line counts scenarios and jobs apart, as the first line does', () => {
    const text = printed([
      resultOf('a', 'pass', { key: 'a @ app/saml' }),
      resultOf('a', 'pass', { key: 'a @ app/google', connection: 'google' }),
      resultOf('b', 'fail', { key: 'b @ app/saml' }),
    ]);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(
      /^2 scenarios as 3 jobs \(one per target and connection\): 2 passed, 1 failed, 0 errors, 0 skipped in /,
    );
  });
});
