import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

let view: ComponentPage;
beforeAll(async () => {
  view = await sharedComponentPage();
});

describe('<copy-button>', () => {
  it('copies its value and says so', async () => {
    await view.mount('<copy-button label="Copy URL"></copy-button>');
    await view.page.evaluate(() => {
      document.querySelector('copy-button')!.value = 'https://idp.example/metadata';
    });
    await view.page.getByRole('button', { name: 'Copy URL' }).click();
    await view.page.getByRole('button', { name: '✓ Copied' }).waitFor();
    expect(await view.page.evaluate(() => navigator.clipboard.readText())).toBe(
      'https://idp.example/metadata',
    );
  });
});
