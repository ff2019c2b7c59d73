import type { RunRecord, ScenarioResult, Verdict } from '../../runner/types.ts';
import { summarize } from '../../runner/types.ts';

/** A complete result of a scenario at target `app`, with `over` on top. */
export function resultOf(
  scenarioId: string,
  verdict: Verdict,
  over: Partial<ScenarioResult> = {},
): ScenarioResult {
  return {
    key: `${scenarioId} @ app`,
    scenarioId,
    title: `title of ${scenarioId}`,
    protocol: 'saml',
    target: 'app',
    connection: 'saml',
    provider: 'demo-saml',
    user: 'alice@example.com',
    driver: 'http',
    verdict,
    expected: 'the SP refuses the login',
    observed: verdict === 'pass' ? 'refused: no session' : 'logged in as alice@example.com',
    reason: verdict === 'pass' ? 'the SP refused, as it should' : 'the SP accepted what it should refuse',
    faults: [],
    faultSummaries: [],
    tags: [],
    why: '',
    refs: [],
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 5,
    steps: [],
    http: [],
    trace: [],
    ...over,
  };
}

/** A finished run of these results. */
export function runOf(id: string, startedAt: string, results: ScenarioResult[]): RunRecord {
  return {
    id,
    status: 'finished',
    startedAt,
    finishedAt: startedAt,
    pid: process.pid,
    options: { targets: ['app'], driver: 'http', workers: 1 },
    summary: summarize(results, 100),
    results,
    reporterErrors: [],
    calibrations: [],
  };
}

/**
 * Two runs as a support engineer meets them: between A and B the audience check broke
 * (pass -> fail), replay stayed a pass, the expiry scenario was dropped and a
 * second-login scenario was added.
 */
export function twoRuns(): { a: RunRecord; b: RunRecord } {
  return {
    a: runOf('run-a', '2026-01-01T10:00:00.000Z', [
      resultOf('saml.audience', 'pass'),
      resultOf('saml.replay', 'pass'),
      resultOf('saml.expired', 'pass'),
    ]),
    b: runOf('run-b', '2026-01-02T10:00:00.000Z', [
      resultOf('saml.replay', 'pass'),
      resultOf('saml.audience', 'fail'),
      resultOf('saml.second-login', 'error', {
        observed: 'the SP did not answer',
        reason: 'timeout after 20 s',
      }),
    ]),
  };
}
