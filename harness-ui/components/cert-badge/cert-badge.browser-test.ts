import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

describe('<cert-badge>', () => {
  let view: ComponentPage;
  beforeAll(async () => {
    view = await sharedComponentPage();
  });

  it('marks an expired certificate differently from a valid one, in words and shape', async () => {
    await view.mount(
      '<cert-badge not-before="2020-01-01T00:00:00Z" not-after="2021-01-01T00:00:00Z"></cert-badge>' +
        '<cert-badge not-before="2020-01-01T00:00:00Z" not-after="2099-01-01T00:00:00Z"></cert-badge>',
    );
    const badges = view.page.locator('cert-badge .badge');
    const [expired, valid] = await badges.allTextContents();
    expect(expired).toMatch(/^✗expired [\d,]+ days ago$/);
    expect(valid).toMatch(/^✓expires in [\d,]+ days$/);
    expect(await badges.first().getAttribute('title')).toBe('valid 2020-01-01 to 2021-01-01');
  });
});
