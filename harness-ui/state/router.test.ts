import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from './router.ts';

describe('parseRoute', () => {
  it('reads the pages, runs and results from the path', () => {
    expect(parseRoute('/')).toEqual({ page: 'providers' });
    expect(parseRoute('/trace')).toEqual({ page: 'trace' });
    expect(parseRoute('/explain')).toEqual({ page: 'explain' });
    expect(parseRoute('/runs/2026-01-01T00-00-00-000Z-abc')).toEqual({
      page: 'run-detail',
      runId: '2026-01-01T00-00-00-000Z-abc',
    });
    expect(parseRoute('/nope/deeper')).toEqual({ page: 'not-found', path: '/nope/deeper' });
  });

  it('round-trips result keys with dots, spaces and @', () => {
    const key = 'saml.audience.wrong @ demo-sp';
    expect(parseRoute(paths.result('r1', key))).toEqual({ page: 'result', runId: 'r1', key });
  });
});
