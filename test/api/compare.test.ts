import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunHistory } from '../../runner/history.ts';
import { StateDatabase } from '../../runner/state/database.ts';
import { type ApiHarness, startApiHarness } from '../support/api-harness.ts';
import { tempDir } from '../support/idp.ts';
import { twoRuns } from '../support/run-records.ts';
import { apiClient } from './support.ts';

let idp: ApiHarness;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  const stateDir = tempDir();
  const history = new RunHistory(stateDir);
  const { a, b } = twoRuns();
  await history.save(a);
  await history.save(b);
  idp = await startApiHarness((c) => c, { stateDir });
  api = apiClient(idp.url);
});
afterAll(async () => {
  await idp?.stop();
  StateDatabase.closeAll();
});

describe('GET /api/runs/compare', () => {
  it('answers run B against run A, matched by key, with both sides of each result', async () => {
    const answer = await api.get('/api/runs/compare?a=run-a&b=run-b');
    expect(answer.status).toBe(200);
    expect(answer.body.a).toMatchObject({ id: 'run-a', status: 'finished' });
    expect(answer.body.b).toMatchObject({ id: 'run-b', summary: { failed: 1, errored: 1 } });
    expect(answer.body.counts).toEqual({ changed: 1, appeared: 1, disappeared: 1, unchanged: 1 });
    expect(answer.body.results[0]).toEqual({
      key: 'saml.audience @ app',
      scenarioId: 'saml.audience',
      title: 'title of saml.audience',
      change: 'changed',
      a: { verdict: 'pass', observed: 'refused: no session', reason: 'the SP refused, as it should' },
      b: {
        verdict: 'fail',
        observed: 'logged in as alice@example.com',
        reason: 'the SP accepted what it should refuse',
      },
    });
    // The route does not take the place of a run's own record.
    expect((await api.get('/api/runs/run-a')).body.id).toBe('run-a');
  });

  it('names a missing parameter (400) and a run not in the history (404)', async () => {
    const missing = await api.get('/api/runs/compare?a=run-a');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('"b" is missing');
    const unknown = await api.get('/api/runs/compare?a=run-a&b=nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('there is no run "nope" (b)');
    expect((await api.get('/api/runs/compare?a=run-b&b=run-b')).body.counts.changed).toBe(0);
  });
});
