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
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toMatch(/run-2\s*app\s*browser\s*interrupted/);
    expect(await rows.nth(1).textContent()).toContain('✓ 3 pass');
    expect(await rows.nth(1).textContent()).toContain('✗ 2 fail');
    expect(await rows.nth(1).getByRole('link').getAttribute('href')).toBe('/runs/run-1');
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
});
