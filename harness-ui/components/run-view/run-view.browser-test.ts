import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

let view: ComponentPage;
beforeAll(async () => {
  view = await sharedComponentPage();
});

const target = (id: string) => ({
  id,
  source: 'config',
  target: { displayName: `SP ${id}`, connections: {}, probe: { url: 'http://sp/me' } },
});
const scenario = (id: string, tags: string[]) => ({
  id,
  title: `Title ${id}`,
  protocol: 'saml',
  tags,
  faults: [],
  expect: 'reject',
  why: '',
  refs: [],
});

async function stub(startAnswer: unknown) {
  await view.stubApi({
    '/targets': [target('app'), target('other')],
    '/scenarios': {
      scenarios: [scenario('s.one', ['a']), scenario('s.two', ['b'])],
      suites: [{ name: 'smoke', ids: ['s.one'] }],
    },
    '/run-options': {
      drivers: [
        { name: 'http', available: true },
        { name: 'browser', available: false, reason: 'no Chromium found' },
      ],
    },
    'POST /runs': startAnswer,
    '/runs/r9/events': { events: [] },
  });
}

describe('<run-view>', () => {
  it('sends the chosen target, scenarios and driver, then opens the run', async () => {
    await stub({ id: 'r9', total: 1 });
    await view.open('/run');
    await view.page.getByLabel('The SP to test').selectOption('other');
    await view.page.getByLabel('Pick scenarios').check();
    await view.page.getByLabel('Title s.two').check();
    expect(await view.page.getByLabel('Real browser', { exact: false }).isDisabled()).toBe(true);
    await view.page.getByText('Browser driver unavailable: no Chromium found').waitFor();
    await view.page.getByRole('button', { name: /Start run/ }).click();
    await view.page.waitForURL(/\/runs\/r9$/);
    expect(view.requests.find((r) => r.method === 'POST')?.body).toEqual({
      target: 'other',
      driver: 'http',
      scenarios: ['s.two'],
    });
  });

  it('shows why a run did not start, by the button', async () => {
    await stub({
      status: 400,
      json: { error: { code: 'BAD_REQUEST', message: 'unknown suite "x"', hint: 'Pick another.' } },
    });
    await view.open('/run');
    await view.page.getByRole('button', { name: /Start run/ }).click();
    const alert = view.page.locator('run-view').getByRole('alert');
    await alert.locator('div').last().waitFor();
    expect(await alert.locator('div').allTextContents()).toEqual([
      'The run did not start',
      'unknown suite "x"',
      'Pick another.',
    ]);
    expect(view.requests.filter((r) => r.method === 'POST').at(-1)?.body).toEqual({
      target: 'app',
      driver: 'http',
      suite: 'smoke',
    });
  });
});
