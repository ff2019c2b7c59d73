import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../runner/compare.ts';
import { resultOf, runOf, twoRuns } from '../support/run-records.ts';

describe('compareRuns', () => {
  it('matches results by key: changed, appeared, disappeared, then unchanged, with both sides', () => {
    const { a, b } = twoRuns();
    const c = compareRuns(a, b);
    expect(c.counts).toEqual({ changed: 1, appeared: 1, disappeared: 1, unchanged: 1 });
    expect(c.results.map((r) => [r.change, r.key])).toEqual([
      ['changed', 'saml.audience @ app'],
      ['appeared', 'saml.second-login @ app'],
      ['disappeared', 'saml.expired @ app'],
      ['unchanged', 'saml.replay @ app'],
    ]);
    expect(c.results[0]).toMatchObject({
      scenarioId: 'saml.audience',
      a: { verdict: 'pass', observed: 'refused: no session', reason: 'the SP refused, as it should' },
      b: { verdict: 'fail', observed: 'logged in as alice@example.com' },
    });
    expect(c.results[1]!.a).toBeUndefined();
    expect(c.results[1]!.b).toMatchObject({ verdict: 'error', reason: 'timeout after 20 s' });
    expect(c.results[2]!.b).toBeUndefined();
    expect(c.a).toMatchObject({ id: 'run-a', summary: { passed: 3 } });
    expect(c.b).toMatchObject({ id: 'run-b', summary: { passed: 1, failed: 1, errored: 1 } });
  });

  it('the same scenario at two targets is two results; a run against itself changes nothing', () => {
    const a = runOf('a', '2026-01-01T00:00:00Z', [
      resultOf('s', 'pass'),
      resultOf('s', 'pass', { key: 's @ other', target: 'other' }),
    ]);
    const b = runOf('b', '2026-01-02T00:00:00Z', [
      resultOf('s', 'pass'),
      resultOf('s', 'fail', { key: 's @ other', target: 'other' }),
    ]);
    expect(compareRuns(a, b).results.map((r) => [r.change, r.key])).toEqual([
      ['changed', 's @ other'],
      ['unchanged', 's @ app'],
    ]);
    expect(compareRuns(b, b).counts).toEqual({ changed: 0, appeared: 0, disappeared: 0, unchanged: 2 });
  });
});
