import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

let view: ComponentPage;
beforeAll(async () => {
  view = await sharedComponentPage();
});

const summary = (passed: number, failed: number, errored: number) => ({
  total: passed + failed + errored,
  passed,
  failed,
  errored,
  skipped: 0,
  durationMs: 1000,
});

describe('<history-view>', () => {
  it('lists past runs newest first with their totals, each a link', async () => {
    await view.stubApi({
      '/runs': [
        {
          id: 'run-3',
          status: 'finished',
          startedAt: '2026-01-03T10:00:00Z',
          targets: ['app'],
          driver: 'browser',
          summary: summary(1, 0, 0),
          reproduction: true,
        },
        {
          id: 'run-2',
          status: 'interrupted',
          startedAt: '2026-01-02T10:00:00Z',
          targets: ['app'],
          driver: 'browser',
          summary: summary(1, 0, 1),
        },
        {
          id: 'run-1',
          status: 'finished',
          startedAt: '2026-01-01T10:00:00Z',
          targets: ['app', 'b'],
          driver: 'http',
          summary: summary(3, 2, 0),
        },
      ],
    });
    await view.open('/history');
    const rows = view.page.locator('history-view tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    // A run of a reproduction (Compose, Explain) reads reproduced / not reproduced.
    expect(await rows.nth(0).textContent()).toMatch(/✓ 1 reproduced\s*✗ 0 not reproduced\s*! 0 not judged/);
    expect(await rows.nth(0).textContent()).not.toMatch(/pass|fail/);
    expect(await rows.nth(1).textContent()).toMatch(/run-2\s*app\s*browser\s*interrupted/);
    expect(await rows.nth(2).textContent()).toContain('✓ 3 pass');
    expect(await rows.nth(2).textContent()).toContain('✗ 2 fail');
    expect(await rows.nth(2).getByRole('link').getAttribute('href')).toBe('/runs/run-1');
  });

  it('says how to make the first run, and shows API errors with their hint', async () => {
    await view.stubApi({ '/runs': [] });
    await view.open('/history');
    await view.page.getByText('No runs yet.').waitFor();
    await view.stubApi({
      '/runs': {
        status: 500,
        json: { error: { code: 'INTERNAL', message: 'disk full', hint: 'Free some space.' } },
      },
    });
    await view.open('/history');
    const alert = view.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.locator('div').allTextContents()).toEqual([
      'Could not load the run history',
      'disk full',
      'Free some space.',
    ]);
  });
  it('compares the two runs ticked last, earlier as A, and shows an API error with its hint', async () => {
    const listing = (id: string, day: number) => ({
      id,
      status: 'finished',
      startedAt: `2026-01-0${day}T10:00:00Z`,
      targets: ['app'],
      driver: 'http',
      summary: summary(1, 0, 0),
    });
    await view.stubApi({
      '/runs': [listing('run-3', 3), listing('run-2', 2), listing('run-1', 1)],
      '/runs/compare?a=run-2&b=run-3': {
        status: 404,
        json: {
          error: { code: 'NOT_FOUND', message: 'there is no run "run-2" (a)', hint: 'It was pruned.' },
        },
      },
    });
    await view.open('/history');
    const compare = view.page.getByRole('button', { name: 'Compare', exact: true });
    await view.page.getByLabel('Compare run run-1').check();
    expect(await compare.isDisabled()).toBe(true);
    await view.page.getByLabel('Compare run run-3').check();
    // A third tick replaces the older pick.
    await view.page.getByLabel('Compare run run-2').check();
    expect(await view.page.getByLabel('Compare run run-1').isChecked()).toBe(false);
    await compare.click();
    const alert = view.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.locator('div').allTextContents()).toEqual([
      'Could not compare the runs',
      'there is no run "run-2" (a)',
      'It was pruned.',
    ]);
  });
});
