import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

let view: ComponentPage;
beforeAll(async () => {
  view = await sharedComponentPage();
});

const entry = (id: number, direction: string, kind: string, provider: string) => ({
  id,
  time: `2026-01-01T10:00:0${id}Z`,
  provider,
  flowId: undefined,
  protocol: 'saml',
  direction,
  binding: 'HTTP-POST',
  kind,
  summary: `${kind} ${id}`,
  decoded: `<samlp:${kind} ID="_${id}"/>`,
});

describe('<trace-view>', () => {
  it('lists messages newest first, adds live ones, and filters by provider, direction and text', async () => {
    await view.stubApi({
      '/trace': [entry(1, 'in', 'AuthnRequest', 'okta'), entry(2, 'out', 'Response', 'okta')],
      '/providers': [],
      '/trace/stream': { events: [{ event: 'entry', data: entry(3, 'in', 'LogoutRequest', 'adfs') }] },
    });
    await view.open('/trace');
    const rows = view.page.locator('trace-view [role="listitem"]');
    await view.page.getByText('LogoutRequest 3').waitFor();
    expect(await rows.locator('.kind').allTextContents()).toEqual([
      'LogoutRequest (HTTP-POST)',
      'Response (HTTP-POST)',
      'AuthnRequest (HTTP-POST)',
    ]);
    await view.page.getByLabel('Direction').selectOption('out');
    expect(await rows.count()).toBe(1);
    await view.page.getByLabel('Direction').selectOption('');
    await view.page.getByLabel('Provider').selectOption('adfs');
    expect(await rows.count()).toBe(1);
    await view.page.getByLabel('Provider').selectOption('');
    await view.page.getByLabel('Search').fill('_2');
    expect(await rows.count()).toBe(1);
    await rows.first().getByRole('button').click();
    await rows.first().locator('code-view').getByText('<samlp:Response ID="_2"/>').waitFor();
  });
});
