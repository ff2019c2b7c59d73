import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

describe('<code-view>', () => {
  let view: ComponentPage;
  beforeAll(async () => {
    view = await sharedComponentPage();
  });

  const mount = async (text: string, baseline?: string) => {
    await view.mount('<code-view label="Decoded Response"></code-view>');
    await view.page.evaluate(
      ([t, b]) => {
        const element = document.querySelector('code-view')!;
        element.text = t!;
        element.baseline = b ?? undefined;
      },
      [text, baseline],
    );
  };
  const lines = Array.from({ length: 60 }, (_, i) =>
    i === 50 ? '<needle/> and <Needle/>' : `<line n="${i}"/>`,
  ).join('\n');

  it('folds a long text, unfolds it on request, and finds text in it', async () => {
    await mount(lines);
    const shown = view.page.locator('code-view .line');
    expect(await shown.count()).toBe(40);
    await view.page.getByRole('button', { name: '⋯ 20 more lines (show all)' }).click();
    expect(await shown.count()).toBe(60);
    await view.page.getByLabel('Search Decoded Response').fill('needle');
    expect(await view.page.locator('code-view mark').allTextContents()).toEqual(['needle', 'Needle']);
    expect(await view.page.locator('code-view .count').textContent()).toBe('1 match');
  });

  it('highlights what differs from the baseline and folds what does not', async () => {
    await mount(lines.replace('<line n="20"/>', '<line n="twenty"/>'), lines);
    expect(await view.page.locator('code-view .line.add').allTextContents()).toEqual([
      '21+<line n="twenty"/>',
    ]);
    expect(await view.page.locator('code-view .line.del').allTextContents()).toEqual(['−<line n="20"/>']);
    expect(await view.page.locator('code-view button.fold').allTextContents()).toEqual([
      '⋯ 17 unchanged lines (show)',
      '⋯ 36 unchanged lines (show)',
    ]);
    await mount(lines, lines);
    await view.page.getByText('No difference from the clean login').waitFor();
  });
});
