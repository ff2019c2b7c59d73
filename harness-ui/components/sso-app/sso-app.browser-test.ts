import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

let view: ComponentPage;
beforeAll(async () => {
  view = await sharedComponentPage();
});

describe('<sso-app>', () => {
  it('marks the current page, navigates in place, and titles the document', async () => {
    await view.stubApi({ '/runs': [] });
    await view.open('/history');
    const current = view.page.locator('sso-app nav a[aria-current="page"]');
    expect(await current.textContent()).toContain('History');
    expect(await view.page.title()).toBe('History · sso-harness');
    await view.page.evaluate(() => {
      (window as unknown as { marker: boolean }).marker = true;
    });
    await view.page.locator('sso-app nav').getByRole('link', { name: 'Scenarios' }).click();
    await view.page.waitForURL(/\/scenarios$/);
    expect(await current.textContent()).toContain('Scenarios');
    // Same document: the link did not reload the page.
    expect(await view.page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
    await view.page.goBack();
    await view.page.waitForURL(/\/history$/);
    expect(await current.textContent()).toContain('History');
  });

  it('says when a path is not a page', async () => {
    await view.open('/no/such/page');
    await view.page.getByRole('heading', { name: 'Nothing here' }).waitFor();
  });
});
