import { describe, expect, it } from 'vitest';
import { toJsonReport } from '../../../runner/reporters/json.ts';
import type { RunRecord, ScenarioResult } from '../../../runner/types.ts';

const result = (over: Partial<ScenarioResult>): ScenarioResult => ({
  key: 'x @ demo-sp',
  scenarioId: 'x',
  title: 'x',
  protocol: 'saml',
  target: 'demo-sp',
  connection: 'saml',
  provider: 'demo-saml',
  user: 'alice@example.com',
  driver: 'http',
  verdict: 'pass',
  expected: 'refused',
  observed: 'refused',
  reason: '',
  faults: [],
  faultSummaries: [],
  tags: [],
  why: '',
  refs: [],
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1,
  steps: [],
  http: [],
  trace: [],
  ...over,
});

const record = (results: ScenarioResult[]): RunRecord => ({
  id: 'r1',
  status: 'finished',
  startedAt: '2026-01-01T00:00:00.000Z',
  pid: 1,
  options: { targets: ['demo-sp'], driver: 'http', workers: 1 },
  summary: {
    total: results.length,
    passed: results.length,
    failed: 0,
    errored: 0,
    skipped: 0,
    durationMs: 1,
  },
  results,
  reporterErrors: [],
  calibrations: [],
});

describe('the JSON report masks secrets by what they are', () => {
  it("keeps a SAML status fault's code, an OAuth error code and the SP's answer", () => {
    const report = toJsonReport(
      record([
        result({
          faults: [{ fault: 'saml.status', params: { code: 'Requester', subCode: 'AuthnFailed' } }],
          http: [
            {
              index: 0,
              method: 'GET',
              url: 'http://sp.test/cb?error=access_denied&code=not-a-secret-here',
              status: 302,
              cause: 'redirect',
              durationMs: 1,
              form: { code: 'invalid_request', error_description: 'bad' },
            },
          ],
        }),
      ]),
    );
    const [r] = report.results;
    expect(r!.faults[0]!.params).toEqual({ code: 'Requester', subCode: 'AuthnFailed' });
    expect(r!.http[0]!.form).toEqual({ code: 'invalid_request', error_description: 'bad' });
  });

  it('masks authorization codes, client secrets, tokens, passwords and private keys', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIIEv\n-----END PRIVATE KEY-----';
    const report = toJsonReport(
      record([
        result({
          protocol: 'oidc',
          faults: [{ fault: 'x.y', params: { clientSecret: 'shh', note: `key: ${key}` } }],
          http: [
            {
              index: 0,
              method: 'POST',
              url: 'http://sp.test/oidc/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz',
              status: 200,
              cause: 'form',
              durationMs: 1,
              form: { code: 'SplxlOBeZQQYbYS6WxSbIA', state: 'xyz', password: 'hunter2' },
            },
            {
              index: 1,
              method: 'POST',
              url: 'http://idp.test/token',
              status: 200,
              cause: 'form',
              durationMs: 1,
              form: {
                grant_type: 'authorization_code',
                code: 'abc',
                client_secret: 'app-secret',
                code_verifier: 'v',
              },
            },
          ],
        }),
      ]),
    );
    const text = JSON.stringify(report);
    for (const secret of ['SplxlOBeZQQYbYS6WxSbIA', 'hunter2', 'app-secret', 'shh', 'MIIEv', '"abc"']) {
      expect(text).not.toContain(secret);
    }
    const [r] = report.results;
    expect(r!.http[0]!.url).toBe('http://sp.test/oidc/callback?code=«masked»&state=xyz');
    expect(r!.http[0]!.form).toEqual({ code: '«masked»', state: 'xyz', password: '«masked»' });
    expect(r!.http[1]!.form!.grant_type).toBe('authorization_code');
    expect(r!.faults[0]!.params).toEqual({ clientSecret: '«masked»', note: 'key: «masked»' });
  });
});
