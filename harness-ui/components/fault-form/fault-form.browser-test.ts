import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';
import { schema } from './test-schema.ts';

describe('<fault-form>', () => {
  let view: ComponentPage;
  beforeAll(async () => {
    view = await sharedComponentPage();
  });

  it('renders the parameters, says what is wrong as you type, and reports the values', async () => {
    await view.mount('<fault-form></fault-form>');
    await view.page.evaluate(
      (paramsSchema) => {
        const form = document.querySelector('fault-form')!;
        (window as unknown as { changes: unknown[] }).changes = [];
        form.addEventListener('fault-params-change', (e) =>
          (window as unknown as { changes: unknown[] }).changes.push({ params: e.params, errors: e.errors }),
        );
        form.fault = { name: 'x', protocol: 'saml', stage: 'model', summary: '', paramsSchema };
      },
      schema as unknown as Record<string, unknown>,
    );
    await view.page.getByLabel('Key kind').selectOption('rogue');
    await view.page.getByLabel('Shift seconds').fill('-100000');
    await view.page.getByRole('alert').getByText('Shift seconds must be at least -86400').waitFor();
    await view.page.getByLabel('Shift seconds').fill('-7200');
    await view.page.getByRole('textbox', { name: /^Audience/ }).fill('https://other.example');
    const last = await view.page.evaluate(() => (window as unknown as { changes: unknown[] }).changes.at(-1));
    expect(last).toEqual({
      params: { audience: 'https://other.example', shiftSeconds: -7200, keyKind: 'rogue' },
      errors: [],
    });
    expect(await view.page.getByText('The audience to assert').count()).toBe(1);
  });
});
