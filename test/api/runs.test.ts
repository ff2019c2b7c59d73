import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HarnessWithSp, startHarnessWithDemoSp } from '../ui/support/environment.ts';
import { apiClient, readEvents, type SseEvent } from './support.ts';

let env: HarnessWithSp;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  env = await startHarnessWithDemoSp();
  api = apiClient(env.url);
});
afterAll(() => env?.close());

const ended = (events: SseEvent[]) => events.some((e) => e.event === 'end');

describe('runs', () => {
  let runId = '';
  let composedRunId = '';

  it('starts a suite and streams begin, each result, and end with the totals', async () => {
    const started = await api.post('/api/runs', { target: 'demo-sp', suite: 'smoke' });
    expect(started.status).toBe(202);
    expect(started.body.total).toBe(2);
    runId = started.body.id;
    const events = await readEvents(`${env.url}/api/runs/${runId}/events`, ended);
    expect(events.map((e) => e.event)).toEqual(['begin', 'result', 'result', 'end']);
    const end = events.at(-1)!.data as { summary: { passed: number; failed: number; errored: number } };
    expect(end.summary).toMatchObject({ passed: 1, failed: 1, errored: 0 });
    const failed = events.find(
      (e) => e.event === 'result' && (e.data as { result: { verdict: string } }).result.verdict === 'fail',
    );
    expect((failed!.data as { result: { scenarioId: string; trace?: unknown } }).result).toMatchObject({
      scenarioId: 'ui-test.saml.audience',
    });
    expect((failed!.data as { result: { trace?: unknown } }).result.trace).toBeUndefined();
  });

  it("shows the target's calibration on the target page once a run has calibrated it", async () => {
    const targets = await api.get('/api/targets');
    const demo = targets.body.find((t: { id: string }) => t.id === 'demo-sp');
    expect(demo.calibration).toMatchObject({ targetId: 'demo-sp', ok: true, session: { row: 'session' } });
    expect(demo.calibration.noSession.row).not.toBe('session');
    const one = await api.get('/api/targets/demo-sp');
    expect(one.body.calibration.fingerprint).toBe(demo.calibration.fingerprint);
  });

  it('keeps the run: history, record, one result, reports, and its events again', async () => {
    const list = await api.get('/api/runs');
    expect(list.body[0]).toMatchObject({ id: runId, status: 'finished', summary: { total: 2 } });
    const record = await api.get(`/api/runs/${runId}`);
    expect(record.body.results).toHaveLength(2);
    const key = encodeURIComponent('ui-test.saml.audience @ demo-sp');
    const result = await api.get(`/api/runs/${runId}/results/${key}`);
    expect(result.body).toMatchObject({ verdict: 'fail', faults: [{ fault: 'ui-test.saml.audience' }] });
    expect(result.body.trace.some((t: { kind: string }) => t.kind === 'Response')).toBe(true);
    const html = await api.get(`/api/runs/${runId}/report.html`);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain(runId);
    const json = await api.get(`/api/runs/${runId}/report.json`);
    expect(json.body.schema).toBe('sso-harness/run@1');
    const replay = await readEvents(`${env.url}/api/runs/${runId}/events`, ended);
    expect(replay.map((e) => e.event)).toEqual(['begin', 'result', 'result', 'end']);
  });

  it('makes a clean login of the same result to compare with', async () => {
    const key = encodeURIComponent('ui-test.saml.audience @ demo-sp');
    const baseline = await api.post(`/api/runs/${runId}/results/${key}/baseline`);
    expect(baseline.status).toBe(200);
    expect(baseline.body).toMatchObject({ verdict: 'pass', faults: [] });
    const response = baseline.body.trace.find((t: { kind: string }) => t.kind === 'Response');
    expect(response.decoded).toContain(`<saml:Audience>${env.sp.url}/saml/saml</saml:Audience>`);
  });

  it('runs an ad-hoc scenario (Compose)', async () => {
    const started = await api.post('/api/runs', {
      target: 'demo-sp',
      scenario: {
        id: 'repro.acme',
        title: 'ACME: assertion for another SP',
        protocol: 'saml',
        faults: [{ fault: 'ui-test.saml.audience', params: { audience: 'https://acme.example' } }],
        expect: 'reject',
        why: 'Reported by ACME.',
      },
    });
    expect(started.status).toBe(202);
    expect(started.body.total).toBe(1);
    const events = await readEvents(`${env.url}/api/runs/${started.body.id}/events`, ended);
    expect((events.at(-1)!.data as { summary: { failed: number } }).summary.failed).toBe(1);
    composedRunId = started.body.id;
  });

  it('diffs a reproduction in its HTML report against the clean login the Result page made', async () => {
    const report = () => api.get(`/api/runs/${composedRunId}/report.html`).then((r) => r.text);
    expect(await report()).toContain('This run has no clean login through connection');
    const key = encodeURIComponent('repro.acme @ demo-sp');
    expect((await api.post(`/api/runs/${composedRunId}/results/${key}/baseline`)).status).toBe(200);
    const after = await report();
    expect(after).toContain('<span class="add">+ ');
    expect(after).toMatch(/<span class="add">\+ +&lt;saml:Audience&gt;https:\/\/acme\.example&lt;/);
    expect(after).toMatch(
      /<span class="del">- +&lt;saml:Audience&gt;http:\/\/127\.0\.0\.1:\d+\/saml\/saml&lt;/,
    );
  });

  it('keeps a screenshot of every result of an ad-hoc browser run, unless asked for failures only', async () => {
    const clean = {
      id: 'repro.clean',
      title: 'A clean login',
      protocol: 'saml',
      expect: 'accept',
      why: 'The browser at the end is evidence too.',
    };
    const screenshotOf = async (body: Record<string, unknown>) => {
      const started = await api.post('/api/runs', { target: 'demo-sp', driver: 'browser', ...body });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      await readEvents(`${env.url}/api/runs/${started.body.id}/events`, ended);
      const record = (await api.get(`/api/runs/${started.body.id}`)).body;
      expect(record.results[0].verdict, record.results[0].reason).toBe('pass');
      return record.results[0].screenshot as string | undefined;
    };
    const png = Buffer.from((await screenshotOf({ scenario: clean })) ?? '', 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(await screenshotOf({ scenario: clean, screenshots: 'failures' })).toBeUndefined();
  });

  it('refuses bad run requests with a 4xx naming what is wrong', async () => {
    const cases: Array<[unknown, number, RegExp]> = [
      [{ target: 'nope', suite: 'smoke' }, 404, /no target "nope"/],
      [{ target: 'demo-sp', scenarios: ['no.such.scenario'] }, 400, /unknown scenario: no.such.scenario/],
      [{ target: 'demo-sp', suite: 'nope' }, 400, /unknown suite "nope"/],
      [{ target: 'demo-sp' }, 400, /names no scenarios/],
      [{ target: 'demo-sp', suite: 'smoke', driver: 'telnet' }, 400, /driver/],
      [{ target: 'demo-sp', suite: 'smoke', screenshots: 'some' }, 400, /screenshots/],
      [
        {
          target: 'demo-sp',
          scenario: {
            id: 'x',
            title: 'x',
            protocol: 'saml',
            expect: 'reject',
            why: 'x',
            faults: [{ fault: 'saml.nope' }],
          },
        },
        400,
        /unknown fault "saml.nope"/,
      ],
      [{ target: 'demo-sp', scenario: { id: 'Bad Id' } }, 400, /the composed scenario/],
    ];
    for (const [body, status, message] of cases) {
      const answer = await api.post('/api/runs', body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.body.error.message).toMatch(message);
    }
    expect((await api.get('/api/runs/nope')).status).toBe(404);
    expect((await api.get(`/api/runs/${runId}/results/nope`)).status).toBe(404);
  });
});

describe('reproductions', () => {
  const scenario = {
    id: 'repro.acme',
    title: 'ACME',
    protocol: 'saml',
    faults: [{ fault: 'ui-test.saml.audience' }],
    expect: 'reject',
    why: 'Reported by ACME.',
  };

  it('saves, lists and deletes reproductions in the state folder', async () => {
    const saved = await api.put('/api/reproductions/acme', { title: 'ACME', scenario, target: 'demo-sp' });
    expect(saved.status).toBe(201);
    expect((await api.get('/api/reproductions')).body.map((r: { id: string }) => r.id)).toEqual(['acme']);
    expect((await api.get('/api/reproductions/acme')).body.scenario).toEqual(scenario);
    expect((await api.delete('/api/reproductions/acme')).status).toBe(204);
    expect((await api.get('/api/reproductions/acme')).status).toBe(404);
  });

  it('refuses a reproduction whose scenario is not valid', async () => {
    const bad = await api.put('/api/reproductions/bad', {
      title: 'Bad',
      scenario: { ...scenario, expect: 'maybe' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('expect');
    expect((await api.put('/api/reproductions/Bad Name', { title: 'x', scenario })).status).toBe(400);
  });
});
