import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

let view: ComponentPage;
beforeAll(async () => {
  view = await sharedComponentPage();
});

const result = (scenarioId: string, verdict: string) => ({
  key: `${scenarioId} @ app`,
  scenarioId,
  title: `Title of ${scenarioId}`,
  target: 'app',
  verdict,
  reason: `reason for ${scenarioId}`,
  durationMs: 12,
});

describe('<run-monitor>', () => {
  it('follows a run to its end: progress, totals, failures first, reports', async () => {
    const options = { targets: ['app'], driver: 'http', workers: 2 };
    await view.stubApi({
      '/runs/r1/events': {
        events: [
          { event: 'begin', data: { type: 'begin', info: { runId: 'r1', total: 3, keys: [], options } } },
          {
            event: 'result',
            data: { type: 'result', result: result('a.pass', 'pass'), progress: { done: 1, total: 3 } },
          },
          {
            event: 'result',
            data: { type: 'result', result: result('b.fail', 'fail'), progress: { done: 2, total: 3 } },
          },
          {
            event: 'result',
            data: { type: 'result', result: result('c.error', 'error'), progress: { done: 3, total: 3 } },
          },
          {
            event: 'end',
            data: {
              type: 'end',
              status: 'finished',
              summary: { total: 3, passed: 1, failed: 1, errored: 1, skipped: 0, durationMs: 5 },
            },
          },
        ],
      },
    });
    await view.open('/runs/r1');
    const monitor = view.page.locator('run-monitor');
    await monitor.getByRole('heading', { name: 'Finished' }).waitFor();
    expect(await monitor.getByTestId('progress-count').textContent()).toBe('3 of 3 done');
    expect(await monitor.getByTestId('totals').textContent()).toMatch(/✓ 1 pass\s*✗ 1 fail\s*! 1 error/);
    expect(
      await monitor.locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-verdict'))),
    ).toEqual(['error', 'fail', 'pass']);
    expect(await monitor.getByRole('link', { name: 'Title of b.fail' }).getAttribute('href')).toBe(
      '/runs/r1/results/b.fail%20%40%20app',
    );
    expect(await monitor.getByRole('link', { name: 'HTML report' }).getAttribute('href')).toBe(
      '/api/runs/r1/report.html',
    );
    await monitor.getByRole('button', { name: 'fail (1)' }).click();
    expect(await monitor.locator('li').count()).toBe(1);
  });

  it('reads a run of reproductions as reproduced / not reproduced, with what each looked for', async () => {
    const options = { targets: ['app'], driver: 'http', workers: 1 };
    const reproduction = (outcome: string, line: string) => ({
      outcome,
      what: 'no session at app when the IdP commits saml.audience',
      line,
    });
    await view.stubApi({
      '/runs/r2/events': {
        events: [
          { event: 'begin', data: { type: 'begin', info: { runId: 'r2', total: 2, keys: [], options } } },
          {
            event: 'result',
            data: {
              type: 'result',
              result: {
                ...result('repro.a', 'pass'),
                reproduction: reproduction('reproduced', 'reproduced: no session at app (refused)'),
              },
              progress: { done: 1, total: 2 },
            },
          },
          {
            event: 'result',
            data: {
              type: 'result',
              result: {
                ...result('repro.b', 'fail'),
                reproduction: reproduction('not-reproduced', 'not reproduced: looked for no session'),
              },
              progress: { done: 2, total: 2 },
            },
          },
          {
            event: 'end',
            data: {
              type: 'end',
              status: 'finished',
              summary: { total: 2, passed: 1, failed: 1, errored: 0, skipped: 0, durationMs: 5 },
            },
          },
        ],
      },
    });
    await view.open('/runs/r2');
    const monitor = view.page.locator('run-monitor');
    await monitor.getByRole('heading', { name: 'Finished' }).waitFor();
    const totals = await monitor.getByTestId('totals').textContent();
    expect(totals).toMatch(/✓ 1 reproduced\s*✗ 1 not reproduced\s*! 0 not judged/);
    expect(totals).not.toMatch(/pass|fail/);
    expect(await monitor.locator('li verdict-mark .v').allTextContents()).toEqual([
      '✗not reproduced',
      '✓reproduced',
    ]);
    expect(await monitor.locator('li .observed').last().textContent()).toContain(
      'reproduced: no session at app (refused)',
    );
    await monitor.getByRole('button', { name: 'not reproduced (1)' }).click();
    expect(await monitor.locator('li').count()).toBe(1);
  });

  it('shows the clock skew the SP allowed, per time field, once the run ends', async () => {
    const options = { targets: ['app'], driver: 'http', workers: 1 };
    const allowance = (field: string, summary: string, consistent = true) => ({
      target: 'app',
      protocol: 'saml',
      field,
      direction: 'past',
      declaredSkewSeconds: 60,
      consistent,
      summary,
      scenarioIds: [],
    });
    await view.stubApi({
      '/runs/r2/events': {
        events: [
          { event: 'begin', data: { type: 'begin', info: { runId: 'r2', total: 1, keys: [], options } } },
          {
            event: 'result',
            data: { type: 'result', result: result('t.late-30s', 'pass'), progress: { done: 1, total: 1 } },
          },
          {
            event: 'end',
            data: {
              type: 'end',
              status: 'finished',
              summary: { total: 1, passed: 1, failed: 0, errored: 0, skipped: 0, durationMs: 5 },
              clockSkew: [
                allowance(
                  'Conditions NotOnOrAfter',
                  'accepts up to 30 s late, refuses 2 min (declared 1 min)',
                ),
                allowance(
                  'exp',
                  'inconsistent: accepts 10 min late but refuses 2 min (declared 1 min)',
                  false,
                ),
              ],
            },
          },
        ],
      },
    });
    await view.open('/runs/r2');
    const table = view.page.locator('run-monitor').getByRole('region', { name: 'Clock skew the SP allows' });
    await table.waitFor();
    expect(await table.locator('tbody tr').allTextContents()).toEqual([
      expect.stringMatching(/app\s+Conditions NotOnOrAfter SAML\s+accepts up to 30 s late, refuses 2 min/),
      expect.stringMatching(/exp SAML\s+inconsistent: accepts 10 min late/),
    ]);
  });

  it('says so when the run does not exist', async () => {
    await view.stubApi({
      '/runs/nope/events': { events: [{ event: 'failure', data: { message: 'there is no run "nope"' } }] },
    });
    await view.open('/runs/nope');
    await view.page.getByRole('alert').getByText('there is no run "nope"').waitFor();
  });
});
