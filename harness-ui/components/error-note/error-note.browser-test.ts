import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

let view: ComponentPage;
beforeAll(async () => {
  view = await sharedComponentPage();
});

describe('<error-note>', () => {
  it('says what failed, why, and what to do next', async () => {
    await view.mount('<error-note context="The metadata was not imported"></error-note>');
    await view.page.evaluate(() => {
      const error = Object.assign(new Error('the root element is <html>'), {
        status: 400,
        code: 'SP_METADATA_INVALID',
        hint: 'Paste the SP metadata XML.',
      });
      document.querySelector('error-note')!.error = error;
    });
    const alert = view.page.getByRole('alert');
    await alert.locator('div').last().waitFor();
    expect(await alert.locator('div').allTextContents()).toEqual([
      'The metadata was not imported',
      'the root element is <html>',
      'Paste the SP metadata XML.',
    ]);
    expect(await alert.locator('code').textContent()).toBe('SP_METADATA_INVALID, HTTP 400');
  });

  it('shows nothing without an error', async () => {
    await view.mount('<error-note></error-note>');
    expect(await view.page.getByRole('alert').count()).toBe(0);
  });
});
