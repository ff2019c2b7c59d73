import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

let view: ComponentPage;
beforeAll(async () => {
  view = await sharedComponentPage();
});

describe('<verdict-mark>', () => {
  it('reads without colour: each verdict has its own mark and word', async () => {
    await view.mount(
      ['pass', 'fail', 'error', 'skipped']
        .map((v) => `<verdict-mark verdict="${v}"></verdict-mark>`)
        .join(''),
    );
    const texts = await view.page.locator('verdict-mark .v').allTextContents();
    expect(texts).toEqual(['✓pass', '✗fail', '!error', '–skipped']);
    const styles = await view.page
      .locator('verdict-mark .v')
      .evaluateAll((els) =>
        els.map((e) => `${getComputedStyle(e).color} ${getComputedStyle(e).borderStyle}`),
      );
    expect(new Set(styles).size).toBe(4);
  });

  it('reads a reproduction as reproduced, not reproduced or not judged, never pass or fail', async () => {
    await view.mount(
      [
        ['pass', 'reproduced'],
        ['fail', 'not-reproduced'],
        ['error', 'not-judged'],
      ]
        .map(([v, r]) => `<verdict-mark verdict="${v}" reproduction="${r}"></verdict-mark>`)
        .join(''),
    );
    const texts = await view.page.locator('verdict-mark .v').allTextContents();
    expect(texts).toEqual(['✓reproduced', '✗not reproduced', '!not judged']);
  });
});
