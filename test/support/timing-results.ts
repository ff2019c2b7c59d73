import type { ScenarioResult, TimingResult, Verdict } from '../../runner/types.ts';

/** A timing result as the runner writes it: `expect` is what the declared skew made of it. */
export function timingResult(
  id: string,
  timing: Omit<TimingResult, 'declaredSkewSeconds'> & { declaredSkewSeconds?: number },
  verdict: Verdict,
  target = 'app',
): ScenarioResult {
  return {
    key: `${id} @ ${target}`,
    scenarioId: id,
    title: id,
    protocol: id.startsWith('oidc') ? 'oidc' : 'saml',
    target,
    connection: 'c',
    provider: 'p',
    user: 'alice@example.com',
    driver: 'http',
    verdict,
    expected: '',
    observed: '',
    reason: '',
    faults: [],
    faultSummaries: [],
    tags: ['time'],
    why: '',
    refs: [],
    startedAt: '2026-01-01T00:00:00Z',
    durationMs: 1,
    steps: [],
    http: [],
    trace: [],
    timing: { declaredSkewSeconds: 180, ...timing },
  };
}
