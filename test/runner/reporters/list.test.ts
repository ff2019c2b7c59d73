import { describe, expect, it } from 'vitest';
import { listReporter } from '../../../runner/reporters/list.ts';
import type { RunBeginInfo } from '../../../runner/reporters/types.ts';

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
  it('counts scenarios, and jobs apart when a scenario runs on several connections', () => {
    expect(firstLine(begin(['a @ app', 'b @ app']))).toBe('Running 2 scenarios (http driver, 2 workers)');
    expect(firstLine(begin(['a @ app/saml', 'a @ app/google', 'b @ app/saml']))).toBe(
      'Running 2 scenarios as 3 jobs (one per target and connection) (http driver, 2 workers)',
    );
  });
});
